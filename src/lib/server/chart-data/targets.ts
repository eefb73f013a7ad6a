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
import { chartCsvHref, type ChartDefinition } from './registry';

/** Words for a series in a sentence ("World Internet use rose ..."); the indicator's own name otherwise. */
const SHORT_NAMES: Record<string, string> = {
  'IT.NET.USER.ZS': 'Internet use',
  'IT.CEL.SETS.P2': 'mobile-cellular subscriptions',
  'IT.MLT.MAIN.P2': 'fixed-telephone subscriptions',
  'IT.NET.BBND.P2': 'fixed-broadband subscriptions'
};
export function shortName(code: string, fallback: string): string {
  return SHORT_NAMES[code] ?? fallback;
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

export const projectionChart: ChartDefinition = async (params) => {
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
  const actually = firstMet ? `it was actually first met in ${firstMet}` : `it has not been met (latest ${fmt(series[series.length - 1].value)} in ${lastYear})`;
  const summary = !(a.baseline && a.latest)
    ? `World ${shortName(ind.seriesCode!, ind.name)}: not enough data up to ${asOf} to fit a trend.`
    : a.status === 'met'
      ? `World ${shortName(ind.seriesCode!, ind.name)} had already met the goal of ${fmt(goal.value)} by ${asOf} (first in ${a.firstYearMet}); ${fmt(a.latest.value)} in ${a.latest.year}.`
      : `World ${shortName(ind.seriesCode!, ind.name)} ${a.latest.value >= a.baseline.value ? 'rose' : 'fell'} from ${fmt(a.baseline.value)} in ${a.baseline.year} to ${fmt(a.latest.value)} in ${a.latest.year}; ` +
        `the trend to then projected ${fmt(a.projectedValueAtHorizon)} for ${horizon} and ` +
        (a.projectedYearReached ? `the goal of ${fmt(goal.value)} in ${a.projectedYearReached}` : `no year reaching the goal of ${fmt(goal.value)} by ${a.thresholds.projectionSearchLimit}`) +
        `; ${actually}.`;
  return {
    id: 'target-projection',
    title: `World: ${ind.seriesName ?? ind.name}, observed and the trend as of ${asOf}`,
    summary,
    svg: plotOnce('projection', projectionChartSpec, [points, { yLabel: ind.seriesUnit ?? ind.unit, goal: goal.value, horizon }]),
    columns: chartColumns(
      {
        year: 'Year',
        observed: `Observed (${ind.seriesUnit})`,
        trend: `Trend (data to ${asOf})`
      },
      { observed: 1, trend: 1 }
    ),
    rows,
    csvHref: chartCsvHref('target-projection', { indicator: ind.seriesCode, horizon }),
    source: await servedFrom(ind.seriesCode!, ['WLD'])
  } satisfies ChartView;
};

// --- Coverage: countries with a value per year -------------------------------------------------

export const coverageChart: ChartDefinition = async (params) => {
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
    title: `Data coverage: countries reporting ${ind.seriesName ?? ind.name}, by year`,
    summary: `Of ${best.countriesTotal} countries, ${first.countriesWithData} have a value in ${first.year}, at most ${best.countriesWithData} (in ${best.year}), and ${last.countriesWithData} in ${last.year}, the latest year with any value.`,
    svg: plotOnce('coverage', coverageChartSpec, [data]),
    columns: chartColumns(
      {
        year: 'Year',
        countriesWithData: 'Countries with a value',
        countriesTotal: 'Countries',
        share: 'Share of countries (%)'
      },
      { countriesWithData: 0, countriesTotal: 0, share: 1 }
    ),
    rows,
    csvHref: chartCsvHref('target-coverage', { indicator: ind.seriesCode }),
    source: await servedFrom(ind.seriesCode!)
  } satisfies ChartView;
};

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

export const rankingChart: ChartDefinition = async (params) => {
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
  const where = regionName ? `in ${regionName}` : 'in the world';
  const rankOf = new Map(all.map((c, i) => [c.code, i + 1]));
  const rows = countries.map((c) => ({ rank: rankOf.get(c.code)!, country: c.name, code: c.code, region: c.region, value: c.value }));
  const goal = ind.goalValue;
  const atGoal = goal != null ? all.filter((c) => (ind.higherIsBetter ? c.value >= goal : c.value <= goal)).length : null;
  const summary = all.length
    ? `${all.length} countries ${where} report a value for ${p.year}: highest ${all[0].name} (${formatValue(all[0].value, unit)}), lowest ${all[all.length - 1].name} (${formatValue(all[all.length - 1].value, unit)})` +
      (atGoal !== null ? `; ${atGoal} are at or above the goal of ${formatValue(goal, unit)}` : '') +
      (trimmed ? `. Shown: the ${RANKING_ENDS} highest and the ${RANKING_ENDS} lowest; choose a region to see all its countries.` : '.')
    : `No country ${where} reports a value for ${p.year}.`;
  return {
    id: 'target-ranking',
    title: `${ind.seriesName ?? ind.name}, ${trimmed ? `highest and lowest countries ${where}` : `countries ${where}`}, ${p.year}`,
    summary,
    svg: plotOnce('bar', barChartSpec, [countries.map((c) => ({ label: c.name, value: c.value })), { xLabel: ind.seriesUnit ?? ind.unit, goal: ind.goalValue }]),
    columns: [
      { key: 'rank', label: 'Rank', kind: 'number', digits: 0 },
      { key: 'country', label: 'Country' },
      { key: 'code', label: 'Code' },
      { key: 'region', label: 'Region' },
      { key: 'value', label: ind.seriesUnit ?? ind.unit, kind: 'number', digits: 1 }
    ],
    rows,
    csvHref: chartCsvHref('target-ranking', { indicator: ind.seriesCode, year: p.year, region: p.region }),
    source: await servedFrom(ind.seriesCode!, null, p.year)
  } satisfies ChartView;
};

// --- World and regional trends of a headline indicator (published aggregate rows) --------------

export const TREND_INDICATORS = ['IT.NET.USER.ZS', 'IT.CEL.SETS.P2'] as const;

export const trendChart: ChartDefinition = async (params) => {
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
  let summary = w0 && w1 ? `World ${shortName(code, ind.name)} ${w1.value >= w0.value ? 'rose' : 'fell'} from ${formatValue(w0.value, unit)} in ${w0.year} to ${formatValue(w1.value, unit)} in ${w1.year}` : `No world series`;
  if (hi && lo) summary += `; among the regions, ${hi.name} is highest (${formatValue(hi.value, unit)} in ${hi.year}) and ${lo.name} lowest (${formatValue(lo.value, unit)} in ${lo.year}).`;
  const goal = ind.goalValue;
  if (goal != null && w1) {
    const first = world.find((r) => (ind.higherIsBetter ? r.value >= goal : r.value <= goal));
    summary = summary.replace(/\.$/, '') + (first ? `; the world passed the ${formatValue(goal, unit)} goal in ${first.year}.` : `; the world has not reached the ${formatValue(goal, unit)} goal.`);
  }
  const points: LinePoint[] = rows.map((r) => ({ series: r.economy, year: r.year, value: r.value }));
  return {
    id: 'overview-trend',
    title: `${ind.seriesName}: world and World Bank regions, ${Math.min(...rows.map((r) => r.year))}–${latestYear}`,
    summary,
    svg: plotOnce('line', lineChartSpec, [points, { yLabel: ind.seriesUnit ?? '', goal, highlight: 'WLD', height: 300 }]),
    columns: [
      { key: 'economy', label: 'Code' },
      { key: 'name', label: 'World / region' },
      { key: 'year', label: 'Year' },
      { key: 'value', label: ind.seriesUnit ?? '', kind: 'number', digits: 1 }
    ],
    rows,
    csvHref: chartCsvHref('overview-trend', { indicator: code }),
    source: await servedFrom(code, economies)
  } satisfies ChartView;
};

export const targetCharts: Record<string, ChartDefinition> = {
  'target-projection': projectionChart,
  'target-coverage': coverageChart,
  'target-ranking': rankingChart,
  'overview-trend': trendChart
};
