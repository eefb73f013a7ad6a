import { error, redirect } from '@sveltejs/kit';
import { alternativeVerdicts, assess } from '$lib/progress';
import { coverageChart, projectionChart, rankingChart, rankingParams, unitOf } from '$lib/server/chart-data/targets';
import { seriesByEconomy } from '$lib/server/queries/progress';
import { AGGREGATE_CODES, catalogEntry, coverageMatrix, goalOf, groupKind, statusByGroup, target, targetIndicators, worldAggregateCheck } from '$lib/server/queries/targets';
import { parityFor } from '$lib/server/queries/parity';
import { targetSeries } from '$lib/server/queries/series-status';
import { seriesChart } from '$lib/server/chart-data/series';
import { crossChecksForTarget } from '$lib/server/queries/cross-checks';
import { indicatorMap } from '$lib/server/chart-data/map-views';
import { horizonParam } from '$lib/server/page-params';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/i18n/locale';
import { localHref } from '$lib/i18n/links';
import { DEFAULT_HORIZON } from '$lib/horizons';
import { perBuildRender } from '$lib/server/page-splice';
import CoverageMatrix from '$lib/components/CoverageMatrix.svelte';
import GroupStatusTable from '$lib/components/GroupStatusTable.svelte';
import TargetCrossChecks from '$lib/components/TargetCrossChecks.svelte';
import TargetIndicatorTable from '$lib/components/TargetIndicatorTable.svelte';
import TargetSeries from '$lib/components/TargetSeries.svelte';

export const load: PageServerLoad = async ({ params, url }) => {
  // One URL per target: /targets/01 redirects to /targets/1 (same query string).
  if (/^0+\d+$/.test(params.n) && params.n.length <= 4) redirect(301, `/targets/${Number(params.n)}${url.search}`);
  const n = /^[1-9]\d?$/.test(params.n) ? Number(params.n) : NaN;
  const t = Number.isInteger(n) ? await target(n) : null;
  if (!t) error(404, m.err_no_target({ n: params.n }));

  const horizon = horizonParam(url);

  // The page's large sections that do not depend on the ranking's year or region are rendered
  // once per build and language (perBuildRender), for the key they do depend on: every variant
  // of the page, and every first visit after the warm-up, splices the same bytes in.
  const locale = getLocale();
  const indicators = await targetIndicators(n);
  // Series of other publishers serving the target (UN SDG, UN DESA, GDL, Common Crawl), with their charts.
  const otherSeries = (await targetSeries(n, horizon)).get(n) ?? [];
  const otherCodes = otherSeries.map((s) => s.code);
  const [seriesHtml, crossChecksHtml] = await Promise.all([
    perBuildRender('target-series', `${locale}|${n}|${horizon}`, TargetSeries, async () => ({
      target: n,
      series: otherSeries,
      charts: Object.fromEntries(await Promise.all(otherCodes.map(async (code) => [code, await seriesChart(new URLSearchParams({ indicator: code }))] as const))),
      horizon,
      from: localHref(horizon === DEFAULT_HORIZON ? `/targets/${n}` : `/targets/${n}?horizon=${horizon}`, locale)
    })),
    perBuildRender('target-cross-checks', `${locale}|${n}`, TargetCrossChecks, async () => ({ checks: await crossChecksForTarget(n) }))
  ]);
  const indicatorTable = (selected: string | null) =>
    perBuildRender('target-indicators', `${locale}|${n}|${selected ?? ''}|${horizon}`, TargetIndicatorTable, () => ({ target: n, indicators, selected, horizon, otherSeries: otherCodes }));
  const withData = indicators.filter((i) => i.seriesCode && i.observations > 0);
  if (withData.length === 0)
    return { target: t, horizon, indicatorsHtml: await indicatorTable(null), seriesHtml, crossChecksHtml, detail: null, aggregateCheck: null, parity: null };

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
  const [groupsHtml, coverage, matrixHtml, rankingView, projection, world] = await Promise.all([
    // Keyed by the target's indicator, not only its series: the catalog entry (its goal) decides the verdicts.
    perBuildRender('target-groups', `${locale}|${n}|${selected.id}|${horizon}`, GroupStatusTable, async () => ({
      groups: await statusByGroup(code, catalogEntry(selected), horizon),
      horizon,
      unit: unitOf(selected.seriesUnit)
    })),
    coverageChart(q({ indicator: code })),
    perBuildRender('target-coverage-matrix', `${locale}|${code}`, CoverageMatrix, async () => ({ matrix: await coverageMatrix(code) })),
    rankingChart(q({ indicator: code, year: rp.year, region: rp.region })),
    goal ? projectionChart(q({ indicator: code, horizon })) : Promise.resolve(null),
    seriesByEconomy(code, ['WLD']).then((m) => m.get('WLD') ?? [])
  ]);

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
    indicatorsHtml: await indicatorTable(selected.id),
    seriesHtml,
    crossChecksHtml,
    aggregateCheck,
    parity,
    detail: {
      indicator: selected,
      unit: unitOf(selected.seriesUnit),
      others: withData.filter((i) => i.id !== selected.id).map((i) => ({ id: i.id, name: i.name })),
      // The world and the regions, for the link to /compare (the groups' table is groupsHtml).
      compareEconomies: AGGREGATE_CODES.filter((c) => ['world', 'region'].includes(groupKind(c))),
      groupsHtml,
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
