import { error, redirect } from '@sveltejs/kit';
import { alternativeVerdicts, assess } from '$lib/progress';
import { coverageChart, projectionChart, rankingChart, rankingParams, unitOf } from '$lib/server/chart-data/targets';
import { seriesByEconomy } from '$lib/server/queries/progress';
import { catalogEntry, coverageMatrix, goalOf, statusByGroup, target, targetIndicators, worldAggregateCheck } from '$lib/server/queries/targets';
import { parityFor } from '$lib/server/queries/parity';
import { targetSeries } from '$lib/server/queries/series-status';
import { seriesChart } from '$lib/server/chart-data/series';
import { crossChecksForTarget } from '$lib/server/queries/cross-checks';
import { indicatorMap } from '$lib/server/chart-data/map-views';
import { horizonParam } from '$lib/server/page-params';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/i18n/locale';
import { perBuildRender } from '$lib/server/page-splice';
import CoverageMatrix from '$lib/components/CoverageMatrix.svelte';

export const load: PageServerLoad = async ({ params, url }) => {
  // One URL per target: /targets/01 redirects to /targets/1 (same query string).
  if (/^0+\d+$/.test(params.n) && params.n.length <= 4) redirect(301, `/targets/${Number(params.n)}${url.search}`);
  const n = /^[1-9]\d?$/.test(params.n) ? Number(params.n) : NaN;
  const t = Number.isInteger(n) ? await target(n) : null;
  if (!t) error(404, m.err_no_target({ n: params.n }));

  const horizon = horizonParam(url);

  const [indicators, crossChecks] = await Promise.all([targetIndicators(n), crossChecksForTarget(n)]);
  // Series of other publishers serving the target (UN SDG, UN DESA, GDL, Common Crawl), with their charts.
  const otherSeries = (await targetSeries(n, horizon)).get(n) ?? [];
  const otherCharts = Object.fromEntries(
    await Promise.all(otherSeries.map(async (s) => [s.code, await seriesChart(new URLSearchParams({ indicator: s.code }))] as const))
  );
  const withData = indicators.filter((i) => i.seriesCode && i.observations > 0);
  if (withData.length === 0) return { target: t, horizon, indicators, otherSeries, otherCharts, detail: null, aggregateCheck: null, parity: null, crossChecks };

  // One indicator is shown in detail: ?indicator=10.1; by default the target's headline indicator, else the first with a goal.
  const rawIndicator = url.searchParams.get('indicator');
  const selected = rawIndicator
    ? withData.find((i) => i.id === rawIndicator)
    : (withData.find((i) => i.headline) ?? withData.find((i) => i.goalValue != null) ?? withData[0]);
  if (!selected) error(404, m.err_target_no_indicator({ n, indicator: String(rawIndicator) }));
  const code = selected.seriesCode!;

  const rp = await rankingParams(code, url.searchParams.get('year'), url.searchParams.get('region'));
  if (!rp) error(400, m.err_year_region({ id: selected.id }));

  const goal = goalOf(selected, horizon);
  const q = (p: Record<string, string | number | null>) => {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(p)) if (v !== null) s.set(k, String(v));
    return s;
  };
  const maps = await indicatorMap(code, url.searchParams, goal ? horizon : null);
  if (typeof maps === 'string') error(400, `${selected.id}: ${maps}`);
  const [groups, coverage, matrix, rankingView, projection, world] = await Promise.all([
    statusByGroup(code, catalogEntry(selected), horizon),
    coverageChart(q({ indicator: code })),
    coverageMatrix(code),
    rankingChart(q({ indicator: code, year: rp.year, region: rp.region })),
    goal ? projectionChart(q({ indicator: code, horizon })) : Promise.resolve(null),
    seriesByEconomy(code, ['WLD']).then((m) => m.get('WLD') ?? [])
  ]);

  // The coverage matrix depends on the indicator only: rendered once per build and language.
  const matrixHtml = await perBuildRender('target-coverage-matrix', `${getLocale()}|${code}`, CoverageMatrix, () => ({ matrix }));

  let working = null;
  if (goal && world.length) {
    const latest = world[world.length - 1].year;
    const asOfYears = horizon < latest ? [horizon, latest] : [latest];
    working = asOfYears.map((asOf) => ({
      heading: asOf === latest ? m.working_as_of_latest({ year: asOf }) : m.working_as_of_horizon({ year: asOf }),
      assessment: assess(world, goal, { asOf }),
      alternatives: alternativeVerdicts(world, goal, { asOf })
    }));
  }

  // Parity goals for the target's indicators that are shares of people (bounded at 100 in the catalog).
  const parity = await parityFor(
    withData.filter((i) => i.upperBound === 100).map((i) => i.seriesCode!),
    horizon
  );

  const aggregateCheck = n === 10 ? await Promise.all(withData.map((i) => worldAggregateCheck(i.seriesCode!, i.seriesName ?? i.name))) : null;

  return {
    target: t,
    horizon,
    indicators,
    otherSeries,
    otherCharts,
    aggregateCheck,
    parity,
    crossChecks,
    detail: {
      indicator: selected,
      unit: unitOf(selected.seriesUnit),
      others: withData.filter((i) => i.id !== selected.id).map((i) => ({ id: i.id, name: i.name })),
      groups: groups.map((g) => ({ code: g.code, name: g.name, kind: g.kind, assessment: g.assessment, baseline: g.baseline, byHorizon: g.byHorizon, now: g.now, latest: g.series.at(-1) ?? null })),
      coverage,
      matrixHtml,
      ranking: rankingView,
      rankingFilter: { year: rp.year, region: rp.region, years: rp.years, defaultYear: rp.defaultYear, regions: rp.regions },
      projection,
      working,
      maps
    }
  };
};
