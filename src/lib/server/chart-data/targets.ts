// Charts of the overview and target pages, each defined once by id: the page draws it, and
// /download/chart/<id>.csv?params returns exactly the rows drawn.
import { barChartSpec, lineChartSpec, type LinePoint } from '$lib/plot/line';
import { coverageChartSpec } from '$lib/plot/coverage';
import { projectionChartSpec, type ProjectionPoint } from '$lib/plot/projection';
import { chartColumns, type ChartView } from '$lib/plot/types';
import { formatValue, type Unit } from '$lib/format';
import { fitAt, assess } from '$lib/progress';
import { parseHorizon, parseYear } from '$lib/horizons';
import { scaleFor } from '$lib/progress/scale';
import { plotOnce } from '../chart-store';
import { seriesByEconomy } from '../queries/progress';
import {
  coverageByYear,
  economyNames,
  goalOf,
  ranking,
  rankingYears,
  REGION_CODES,
  servedFrom,
  targetIndicators,
  wbRegions
} from '../queries/targets';
import { m } from '$lib/paraglide/messages.js';
import { chartCsvHref, oncePerBuild, type ChartDefinition } from './registry';

/** "rose from 15.6% in 2005 to 73.6% in 2025" (or fell), in the request's language. */
function worldChange(first: { year: number; value: number }, last: { year: number; value: number }, fmt: (v: number) => string): string {
  const change = { first: fmt(first.value), firstYear: first.year, last: fmt(last.value), lastYear: last.year };
  return last.value >= first.value ? m.cd_span_rose(change) : m.cd_span_fell(change);
}

/** Words for a series in a sentence ("World Internet use rose ..."); the indicator's own name otherwise. */
const SHORT_NAMES: Record<string, () => string> = {
  'IT.NET.USER.ZS': m.cd_short_internet_use,
  'IT.CEL.SETS.P2': m.cd_short_mobile,
  'IT.MLT.MAIN.P2': m.cd_short_fixed_telephone,
  'IT.NET.BBND.P2': m.cd_short_fixed_broadband
};
export function shortName(code: string, fallback: string): string {
  return SHORT_NAMES[code]?.() ?? fallback;
}

/** '% of population' -> percent, 'per 100 …' -> per_100. */
export function unitOf(unit: string | null): Unit {
  if (unit && unit.startsWith('%')) return 'percent';
  if (unit && /per 100\b/.test(unit)) return 'per_100';
  return 'number';
}

async function wbIndicator(code: string | null) {
  if (!code) return null;
  const all = await targetIndicators();
  return all.find((i) => i.seriesCode === code && i.observations > 0) ?? null;
}

// --- Projection of the world series to the horizon -------------------------------------------

export const projectionChart: ChartDefinition = oncePerBuild('projectionChart', async (params) => {
  const ind = await wbIndicator(params.get('indicator'));
  const horizon = parseHorizon(params.get('horizon'));
  if (!ind || horizon === null) return null;
  const goal = goalOf(ind, horizon);
  if (!goal) return null;
  const series = (await seriesByEconomy(ind.seriesCode!, ['WLD'])).get('WLD') ?? [];
  if (series.length === 0) return null;
  // The trend as it stood in the horizon year (data up to then), carried forward to the horizon and to
  // the year it reaches the goal; the observed values after it show what actually happened.
  const lastYear = series[series.length - 1].year;
  const asOf = Math.min(horizon, lastYear);
  const a = assess(series, goal, { asOf });
  const unit = unitOf(ind.seriesUnit);
  const projected = new Map<number, number>();
  if (a.regression && a.baseline && a.latest) {
    const scale = scaleFor(a.goal.upperBound);
    const end = Math.min(Math.max(horizon, a.latest.year, a.projectedYearReached ?? 0), Math.max(lastYear, horizon) + 10);
    for (let y = a.baseline.year; y <= end; y++) projected.set(y, scale.inverse(fitAt(a.regression.fit, y)));
  }
  const years = [...new Set([...series.map((p) => p.year).filter((y) => y >= 2000), ...projected.keys()])].sort((x, y) => x - y);
  const observed = new Map(series.map((p) => [p.year, p.value]));
  const rows = years.map((year) => ({ year, observed: observed.get(year) ?? null, trend: projected.get(year) ?? null }));
  const points: ProjectionPoint[] = [
    ...rows.filter((r) => r.observed !== null).map((r) => ({ year: r.year, value: r.observed!, kind: 'observed' as const })),
    ...rows.filter((r) => r.trend !== null).map((r) => ({ year: r.year, value: r.trend!, kind: 'projected' as const }))
  ];
  const fmt = (v: number | null) => formatValue(v, unit);
  const firstMet = series.find((p) => (goal.higherIsBetter ? p.value >= goal.value : p.value <= goal.value))?.year ?? null;
  const actually = firstMet ? m.cd_proj_actually_met({ year: firstMet }) : m.cd_proj_not_met({ latest: fmt(series[series.length - 1].value), year: lastYear });
  const what = shortName(ind.seriesCode!, ind.name);
  const summary = !(a.baseline && a.latest)
    ? m.cd_proj_too_little({ what, year: asOf })
    : a.status === 'met'
      ? m.cd_proj_already_met({ what, goal: fmt(goal.value), year: asOf, first: a.firstYearMet ?? '', latest: fmt(a.latest.value), latestYear: a.latest.year })
      : m.cd_proj_summary({
          what,
          change: worldChange(a.baseline, a.latest, fmt),
          projected: fmt(a.projectedValueAtHorizon),
          horizon,
          reach: a.projectedYearReached
            ? m.cd_proj_reaches({ goal: fmt(goal.value), year: a.projectedYearReached })
            : m.cd_proj_never({ goal: fmt(goal.value), year: a.thresholds.projectionSearchLimit }),
          actually
        });
  return {
    id: 'target-projection',
    title: m.cd_proj_title({ indicator: ind.seriesName ?? ind.name, year: asOf }),
    summary,
    svg: plotOnce('projection', projectionChartSpec, [points, { yLabel: ind.seriesUnit ?? ind.unit, goal: goal.value, horizon }]),
    columns: chartColumns(
      {
        year: m.col_year(),
        observed: m.cd_col_observed({ unit: ind.seriesUnit ?? '' }),
        trend: m.cd_col_trend_to({ year: asOf })
      },
      { observed: 1, trend: 1 }
    ),
    rows,
    csvHref: chartCsvHref('target-projection', { indicator: ind.seriesCode, horizon }),
    source: await servedFrom(ind.seriesCode!, ['WLD'])
  } satisfies ChartView;
});

// --- Coverage: countries with a value per year -------------------------------------------------

export const coverageChart: ChartDefinition = oncePerBuild('coverageChart', async (params) => {
  const ind = await wbIndicator(params.get('indicator'));
  if (!ind) return null;
  const data = await coverageByYear(ind.seriesCode!);
  if (data.length === 0) return null;
  const rows = data.map((d) => ({ ...d, share: d.countriesTotal ? (100 * d.countriesWithData) / d.countriesTotal : null }));
  const best = data.reduce((m, d) => (d.countriesWithData > m.countriesWithData ? d : m), data[0]);
  const last = data[data.length - 1];
  const first = data[0];
  return {
    id: 'target-coverage',
    title: m.cd_cov_title({ indicator: ind.seriesName ?? ind.name }),
    summary: m.cd_cov_summary({ total: best.countriesTotal, first: first.countriesWithData, firstYear: first.year, most: best.countriesWithData, mostYear: best.year, last: last.countriesWithData, lastYear: last.year }),
    svg: plotOnce('coverage', coverageChartSpec, [data]),
    columns: chartColumns(
      {
        year: m.col_year(),
        countriesWithData: m.cd_col_countries_with_value(),
        countriesTotal: m.cd_col_countries(),
        share: m.cd_col_share_countries()
      },
      { countriesWithData: 0, countriesTotal: 0, share: 1 }
    ),
    rows,
    csvHref: chartCsvHref('target-coverage', { indicator: ind.seriesCode }),
    source: await servedFrom(ind.seriesCode!)
  } satisfies ChartView;
});

// --- Ranked countries for one year, optionally within one World Bank region --------------------

/** Validates ?year= and ?region= against the data: null when either is unknown. */
export async function rankingParams(indicator: string, rawYear: string | null, rawRegion: string | null) {
  const { years, defaultYear } = await rankingYears(indicator);
  const regions = await wbRegions();
  let year = defaultYear;
  if (rawYear !== null && rawYear !== '') {
    const parsed = parseYear(rawYear);
    year = parsed !== null && years.includes(parsed) ? parsed : null;
  }
  let region: string | null = null;
  if (rawRegion !== null && rawRegion !== '') {
    region = regions.find((r) => r.code === rawRegion)?.code ?? null;
    if (region === null) return null;
  }
  if (year === null) return null;
  return { year, region, years, defaultYear, regions };
}

export const RANKING_ENDS = 15;

export const rankingChart: ChartDefinition = oncePerBuild('rankingChart', async (params) => {
  const ind = await wbIndicator(params.get('indicator'));
  if (!ind) return null;
  const p = await rankingParams(ind.seriesCode!, params.get('year'), params.get('region'));
  if (!p) return null;
  const all = await ranking(ind.seriesCode!, p.year, p.region);
  // The world view draws the RANKING_ENDS highest and lowest countries (a bar for each of ~180
  // countries would be unreadable); a region draws all its countries. The table and CSV hold the rows drawn.
  const trimmed = !p.region && all.length > 2 * RANKING_ENDS;
  const countries = trimmed ? [...all.slice(0, RANKING_ENDS), ...all.slice(-RANKING_ENDS)] : all;
  const regionName = p.region ? p.regions.find((r) => r.code === p.region)!.name : null;
  const unit = unitOf(ind.seriesUnit);
  const where = regionName ? m.cd_in_region({ region: regionName }) : m.cd_in_world();
  const rankOf = new Map(all.map((c, i) => [c.code, i + 1]));
  const rows = countries.map((c) => ({ rank: rankOf.get(c.code)!, country: c.name, code: c.code, region: c.region, value: c.value }));
  const goal = ind.goalValue;
  const atGoal = goal != null ? all.filter((c) => (ind.higherIsBetter ? c.value >= goal : c.value <= goal)).length : null;
  const summary = all.length
    ? m.cd_rank_summary({ count: all.length, where, year: p.year, highest: all[0].name, high: formatValue(all[0].value, unit), lowest: all[all.length - 1].name, low: formatValue(all[all.length - 1].value, unit) }) +
      (atGoal !== null ? m.cd_rank_at_goal({ count: atGoal, goal: formatValue(goal, unit) }) : '') +
      (trimmed ? m.cd_rank_trimmed({ ends: RANKING_ENDS }) : '.')
    : m.cd_rank_none({ where, year: p.year });
  return {
    id: 'target-ranking',
    title: trimmed ? m.cd_rank_title_trimmed({ indicator: ind.seriesName ?? ind.name, where, year: p.year }) : m.cd_rank_title({ indicator: ind.seriesName ?? ind.name, where, year: p.year }),
    summary,
    svg: plotOnce('bar', barChartSpec, [countries.map((c) => ({ label: c.name, value: c.value })), { xLabel: ind.seriesUnit ?? ind.unit, goal: ind.goalValue }]),
    columns: [
      { key: 'rank', label: m.col_rank(), kind: 'number', digits: 0 },
      { key: 'country', label: m.col_country() },
      { key: 'code', label: m.col_code() },
      { key: 'region', label: m.col_region() },
      { key: 'value', label: ind.seriesUnit ?? ind.unit, kind: 'number', digits: 1 }
    ],
    rows,
    csvHref: chartCsvHref('target-ranking', { indicator: ind.seriesCode, year: p.year, region: p.region }),
    source: await servedFrom(ind.seriesCode!, null, p.year)
  } satisfies ChartView;
});

// --- World and regional trends of a headline indicator (published aggregate rows) --------------

export const TREND_INDICATORS = ['IT.NET.USER.ZS', 'IT.CEL.SETS.P2'] as const;

export const trendChart: ChartDefinition = oncePerBuild('trendChart', async (params) => {
  const code = params.get('indicator');
  if (!code || !(TREND_INDICATORS as readonly string[]).includes(code)) return null;
  const ind = await wbIndicator(code);
  if (!ind) return null;
  const from = params.get('from') === null ? 2000 : parseYear(params.get('from'));
  if (from === null) return null;
  const economies = ['WLD', ...REGION_CODES];
  const [seriesMap, names] = await Promise.all([seriesByEconomy(code, economies), economyNames(economies)]);
  const rows = economies.flatMap((e) =>
    (seriesMap.get(e) ?? []).filter((p) => p.year >= from).map((p) => ({ economy: e, name: names.get(e) ?? e, year: p.year, value: p.value }))
  );
  if (rows.length === 0) return null;
  const unit = unitOf(ind.seriesUnit);
  const world = rows.filter((r) => r.economy === 'WLD');
  const latestYear = Math.max(...rows.map((r) => r.year));
  const latestRegional = REGION_CODES.map((e) => rows.filter((r) => r.economy === e).at(-1)).filter((r) => r !== undefined);
  const hi = latestRegional.reduce((m, r) => (r.value > m.value ? r : m), latestRegional[0]);
  const lo = latestRegional.reduce((m, r) => (r.value < m.value ? r : m), latestRegional[0]);
  const w0 = world[0];
  const w1 = world.at(-1);
  const fmt = (v: number) => formatValue(v, unit);
  let summary: string = w0 && w1 ? m.cd_world_change({ what: shortName(code, ind.name), change: worldChange(w0, w1, fmt) }) : m.cd_no_world_series();
  if (hi && lo) summary += m.cd_trend_regions({ highest: hi.name, high: fmt(hi.value), highYear: hi.year, lowest: lo.name, low: fmt(lo.value), lowYear: lo.year });
  const goal = ind.goalValue;
  if (goal != null && w1) {
    const first = world.find((r) => (ind.higherIsBetter ? r.value >= goal : r.value <= goal));
    summary += first ? m.cd_trend_goal_passed({ goal: fmt(goal), year: first.year }) : m.cd_trend_goal_not_reached({ goal: fmt(goal) });
  }
  summary += '.';
  const points: LinePoint[] = rows.map((r) => ({ series: r.economy, year: r.year, value: r.value }));
  return {
    id: 'overview-trend',
    title: m.cd_trend_title({ indicator: ind.seriesName ?? ind.name, from: Math.min(...rows.map((r) => r.year)), to: latestYear }),
    summary,
    svg: plotOnce('line', lineChartSpec, [points, { yLabel: ind.seriesUnit ?? '', goal, highlight: 'WLD', height: 300 }]),
    columns: [
      { key: 'economy', label: m.col_code() },
      { key: 'name', label: m.cd_col_world_region() },
      { key: 'year', label: m.col_year() },
      { key: 'value', label: ind.seriesUnit ?? '', kind: 'number', digits: 1 }
    ],
    rows,
    csvHref: chartCsvHref('overview-trend', { indicator: code }),
    source: await servedFrom(code, economies)
  } satisfies ChartView;
});

export const targetCharts: Record<string, ChartDefinition> = {
  'target-projection': projectionChart,
  'target-coverage': coverageChart,
  'target-ranking': rankingChart,
  'overview-trend': trendChart
};
