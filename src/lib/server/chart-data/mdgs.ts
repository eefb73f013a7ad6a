// Charts of the MDG pages, each defined once by id (the page draws it, /download/chart/<id>.csv
// returns exactly its rows): the world series against its goal, the verdicts of every country,
// one country's ICT adoption beside its MDG series, and ICT progress against MDG progress.
import { formatMdgValue } from '$lib/mdg-display';
import type { PlotOptions } from '@observablehq/plot';
import { barChartSpec, lineChartSpec, type LineOptions, type LinePoint } from '$lib/plot/line';
import { projectionChartSpec, type ProjectionPoint } from '$lib/plot/projection';
import { pearson, scatterChartSpec, type ScatterPoint } from '$lib/plot/scatter';
import { chartColumns, type ChartView } from '$lib/plot/types';
import { assessAgainstRule, fitAt, statusLabel, type Series, type Status } from '$lib/progress';
import { scaleFor } from '$lib/progress/scale';
import { plotOnce } from '../chart-store';
import { allSeries, countryRegions, indicatorVerdicts, mdgIndicators, ruleFor, statusCounts, type MdgIndicator } from '../queries/mdgs';
import { seriesByEconomy } from '../queries/progress';
import { economyNames, servedFrom } from '../queries/targets';
import { getLocale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages.js';
import { chartCsvHref, oncePerBuild, type ChartDefinition } from './registry';

/** The ICT series shown beside the MDGs: MDG 8.16 and 8.15, the adoption the seed asks about. */
export const ICT_SERIES = [
  { code: 'IT.NET.USER.ZS', label: 'Internet users (% of population)' },
  { code: 'IT.CEL.SETS.P2', label: 'Mobile subscriptions (per 100 people)' }
] as const;

/** An MDG indicator id (e.g. 4.1) with a loaded series, or null. */
export async function mdgIndicator(id: string | null): Promise<MdgIndicator | null> {
  if (!id || !/^\d\.\d{1,2}$/.test(id)) return null;
  const all = await mdgIndicators();
  return all.find((i) => i.id === id && i.observations > 0) ?? null;
}

const label = (ind: MdgIndicator) => ind.seriesName ?? ind.name;

/** One panel of a two-panel chart: a line chart on a shared time axis, without its x label. */
function linePanelSpec(points: LinePoint[], options: LineOptions, domain: [number, number]): PlotOptions {
  return { ...lineChartSpec(points, options), x: { label: null, tickFormat: 'd', domain } };
}

// --- The world series, its goal and the trend ------------------------------------------------

export const mdgWorldChart: ChartDefinition = oncePerBuild('mdgWorldChart', async (params) => {
  const ind = await mdgIndicator(params.get('indicator'));
  if (!ind) return null;
  const series = ((await seriesByEconomy(ind.wbCode, ['WLD'])).get('WLD') ?? []).filter((p) => p.year >= 1985);
  if (series.length === 0) return null;
  const ruled = ruleFor(ind);
  const r = ruled ? assessAgainstRule(series, ruled.rule, ruled.context) : null;
  const a = r?.assessment ?? null;
  const fmt = (v: number | null | undefined) => formatMdgValue(v, ind.unit);
  const trend = new Map<number, number>();
  if (a?.regression && a.baseline && a.latest && ruled) {
    const scale = scaleFor(a.goal.upperBound);
    const end = Math.max(ruled.context.horizon, a.latest.year);
    for (let y = a.baseline.year; y <= end; y++) trend.set(y, scale.inverse(fitAt(a.regression.fit, y)));
  }
  const years = [...new Set([...series.map((p) => p.year), ...trend.keys()])].sort((x, y) => x - y);
  const observed = new Map(series.map((p) => [p.year, p.value]));
  const rows = years.map((year) => ({ year, observed: observed.get(year) ?? null, trend: trend.get(year) ?? null, goal: r?.goal?.value ?? null }));
  const first = series[0];
  const last = series[series.length - 1];
  const span = { first: fmt(first.value), firstYear: first.year, last: fmt(last.value), lastYear: last.year };
  // An English sentence lower-cases the series name inside it; other languages keep it as published.
  const what = getLocale() === 'en' ? label(ind).toLowerCase() : label(ind);
  let summary: string = m.cd_world_change({ what, change: last.value <= first.value ? m.cd_span_fell(span) : m.cd_span_rose(span) });
  let svg: string;
  if (r?.goal && a && ruled) {
    const horizon = ruled.context.horizon;
    const atHorizon = observed.get(horizon);
    summary +=
      m.mdgw_goal({ goal: fmt(r.goal.value), horizon }) +
      (r.ruleBaseline ? m.mdgw_goal_from({ value: fmt(r.ruleBaseline.value), year: r.ruleBaseline.year }) : '') +
      (a.firstYearMet !== null ? m.mdgw_first_met({ year: a.firstYearMet }) : atHorizon !== undefined ? m.mdgw_not_met_at({ value: fmt(atHorizon), horizon }) : m.mdgw_not_met()) +
      (a.firstYearMet === null && a.projectedYearReached !== null ? m.mdgw_trend_reaches({ year: a.projectedYearReached }) : '') +
      m.mdgw_verdict({ verdict: statusLabel(a.status as Status).label.toLowerCase() });
    const points: ProjectionPoint[] = [
      ...series.map((p) => ({ year: p.year, value: p.value, kind: 'observed' as const })),
      ...[...trend.entries()].map(([year, value]) => ({ year, value, kind: 'projected' as const }))
    ];
    svg = plotOnce('projection', projectionChartSpec, [points, { yLabel: ind.unit ?? '', goal: +r.goal.value.toFixed(2), horizon }]);
  } else {
    summary += ruled ? m.mdgw_no_baseline({ year: ruled.context.baselineYear }) : m.mdgw_no_numeric_goal({ target: ind.target });
    const points: LinePoint[] = series.map((p) => ({ series: m.cd_world(), year: p.year, value: p.value }));
    svg = plotOnce('line', lineChartSpec, [points, { yLabel: ind.unit ?? '', horizon: ind.horizon, height: 280 }]);
  }
  return {
    id: 'mdg-world',
    title: m.mdgw_title({ indicator: label(ind), from: first.year, to: last.year }),
    summary,
    svg,
    columns: chartColumns(
      {
        year: m.col_year(),
        observed: m.cd_col_world_unit({ unit: ind.unit ?? '' }),
        trend: m.cd_col_trend_all(),
        goal: m.col_goal()
      },
      { observed: 2, trend: 2, goal: 2 }
    ),
    rows,
    csvHref: chartCsvHref('mdg-world', { indicator: ind.id }),
    source: await sourceLine(ind, ['WLD'])
  } satisfies ChartView;
});

async function sourceLine(ind: MdgIndicator, economies: string[] | null): Promise<string> {
  return (await servedFrom(ind.wbCode, economies)).replace(' (ITU data)', '').replace(/^World Bank WDI/, `World Bank WDI, MDG ${ind.id},`);
}

// --- Every country's verdict ----------------------------------------------------------------

export const mdgCountriesChart: ChartDefinition = oncePerBuild('mdgCountriesChart', async (params) => {
  const ind = await mdgIndicator(params.get('indicator'));
  if (!ind || !ruleFor(ind)) return null;
  const { verdicts } = await indicatorVerdicts(ind);
  const countries = verdicts.filter((v) => v.kind === 'country');
  const counts = statusCounts(countries);
  const withData = countries.filter((v) => v.latestYear !== null).length;
  const words = counts.map((c) => `${c.countries} ${statusLabel(c.status as Status).label.toLowerCase()}`).join(', ');
  const rows = countries.map((v) => ({
    code: v.code,
    country: v.name,
    region: v.region,
    goal: v.goalValue,
    baselineYear: v.baselineYear,
    baseline: v.baselineValue,
    latestYear: v.latestYear,
    latest: v.latestValue,
    status: v.status ? statusLabel(v.status as Status).label : null,
    statusAtHorizon: v.statusAtHorizon ? statusLabel(v.statusAtHorizon as Status).label : null,
    firstYearMet: v.firstYearMet,
    projectedYearReached: v.projectedYearReached
  }));
  return {
    id: 'mdg-countries',
    title: `${label(ind)}: verdict for each country`,
    summary: `Of ${countries.length} countries, ${withData} have data; verdicts: ${words}. Each country's goal is computed from its own value in or near ${ind.baseYear ?? 1990}.`,
    svg: plotOnce('bar', barChartSpec, [counts.map((c) => ({ label: statusLabel(c.status as Status).label, value: c.countries })), { xLabel: 'countries' }]),
    columns: chartColumns(
      {
        code: 'Code',
        country: 'Country',
        region: 'Region',
        goal: 'Goal',
        baselineYear: 'Baseline year',
        baseline: 'Baseline',
        latestYear: 'Latest year',
        latest: 'Latest',
        status: 'Verdict (all data)',
        statusAtHorizon: `Verdict as of ${ind.horizon}`,
        firstYearMet: 'First year met',
        projectedYearReached: 'Trend reaches goal'
      },
      { goal: 2, baseline: 2, latest: 2 }
    ),
    rows,
    csvHref: chartCsvHref('mdg-countries', { indicator: ind.id }),
    source: await sourceLine(ind, null)
  } satisfies ChartView;
});

// --- One country: ICT adoption beside its MDG series ------------------------------------------

export const mdgIctCountryChart: ChartDefinition = oncePerBuild('mdgIctCountryChart', async (params) => {
  const ind = await mdgIndicator(params.get('indicator'));
  const country = params.get('country');
  if (!ind || !country || !/^[A-Z]{3}$/.test(country)) return null;
  const codes = [ind.wbCode, ...ICT_SERIES.map((s) => s.code)];
  const [byCode, names] = await Promise.all([
    Promise.all(codes.map(async (c) => [c, (await seriesByEconomy(c, [country])).get(country) ?? []] as const)),
    economyNames([country])
  ]);
  const name = names.get(country);
  if (!name) return null;
  const map = new Map<string, Series>(byCode);
  const from = 1990;
  const years = [...new Set(codes.flatMap((c) => (map.get(c) ?? []).map((p) => p.year)))].filter((y) => y >= from).sort((a, b) => a - b);
  if (years.length === 0) return null;
  const at = (c: string, y: number) => map.get(c)?.find((p) => p.year === y)?.value ?? null;
  const rows = years.map((year) => ({ year, mdg: at(ind.wbCode, year), internet: at(ICT_SERIES[0].code, year), mobile: at(ICT_SERIES[1].code, year) }));
  const mdgPoints: LinePoint[] = rows.filter((r) => r.mdg !== null).map((r) => ({ series: `MDG ${ind.id}`, year: r.year, value: r.mdg! }));
  const ictPoints: LinePoint[] = [
    ...rows.filter((r) => r.internet !== null).map((r) => ({ series: 'Internet', year: r.year, value: r.internet! })),
    ...rows.filter((r) => r.mobile !== null).map((r) => ({ series: 'Mobile', year: r.year, value: r.mobile! }))
  ];
  const domain: [number, number] = [from, years[years.length - 1]];
  // Two panels on one time axis: the units differ (per 1,000 births against per 100 people), so one y axis would mislead.
  const svg =
    plotOnce('line-panel', linePanelSpec, [mdgPoints, { yLabel: ind.unit ?? '', height: 200 }, domain]) +
    plotOnce('line-panel', linePanelSpec, [ictPoints, { yLabel: 'per 100 people / % of population', height: 200 }, domain]);
  const firstLast = (key: 'mdg' | 'internet' | 'mobile') => {
    const w = rows.filter((r) => r[key] !== null);
    return w.length ? { first: w[0], last: w[w.length - 1] } : null;
  };
  const m = firstLast('mdg');
  const i = firstLast('internet');
  const fmt = (v: number | null) => formatMdgValue(v, ind.unit);
  const parts = [
    m ? `${label(ind)}: ${fmt(m.first.mdg)} in ${m.first.year}, ${fmt(m.last.mdg)} in ${m.last.year}` : `no ${label(ind).toLowerCase()} data`,
    i ? `Internet users: ${formatMdgValue(i.first.internet, '%')} in ${i.first.year}, ${formatMdgValue(i.last.internet, '%')} in ${i.last.year}` : 'no Internet data'
  ];
  return {
    id: 'mdg-ict-country',
    title: `${name}: ${label(ind)} beside Internet use and mobile subscriptions`,
    summary: `${name}. ${parts.join('; ')}. Two series moving together over time show association, not cause.`,
    svg,
    columns: [
      { key: 'year', label: 'Year' },
      { key: 'mdg', label: `MDG ${ind.id} (${ind.unit})`, kind: 'number', digits: 2 },
      { key: 'internet', label: ICT_SERIES[0].label, kind: 'number', digits: 1 },
      { key: 'mobile', label: ICT_SERIES[1].label, kind: 'number', digits: 1 }
    ],
    rows,
    csvHref: chartCsvHref('mdg-ict-country', { indicator: ind.id, country }),
    source: `${await sourceLine(ind, [country])}; ${await servedFrom(ICT_SERIES[0].code, [country])}; ${await servedFrom(ICT_SERIES[1].code, [country])}`
  } satisfies ChartView;
});

// --- Across countries: ICT progress against MDG progress over a period --------------------------

export const SCATTER_PERIOD = { from: 2000, to: 2015 } as const;
/** A country's value for a year: that year, or the nearest year within this many years (sparse surveys). */
export const SCATTER_YEAR_TOLERANCE = 2;

function valueNear(series: Series, year: number): number | null {
  let best: { year: number; value: number } | null = null;
  for (const p of series) if (Math.abs(p.year - year) <= SCATTER_YEAR_TOLERANCE && (!best || Math.abs(p.year - year) < Math.abs(best.year - year))) best = p;
  return best?.value ?? null;
}

export const mdgIctScatterChart: ChartDefinition = oncePerBuild('mdgIctScatterChart', async (params) => {
  const ind = await mdgIndicator(params.get('indicator'));
  if (!ind) return null;
  const { from, to } = SCATTER_PERIOD;
  const [mdg, internet, regions] = await Promise.all([allSeries(ind.wbCode), allSeries(ICT_SERIES[0].code), countryRegions()]);
  const rows = [];
  for (const [code, c] of regions) {
    const m0 = valueNear(mdg.get(code) ?? [], from);
    const m1 = valueNear(mdg.get(code) ?? [], to);
    const i0 = valueNear(internet.get(code) ?? [], from);
    const i1 = valueNear(internet.get(code) ?? [], to);
    if (m0 === null || m1 === null || i0 === null || i1 === null || m0 === 0) continue;
    rows.push({ code, country: c.name, region: c.region, internetFrom: i0, internetTo: i1, internetChange: i1 - i0, mdgFrom: m0, mdgTo: m1, mdgChangePct: (100 * (m1 - m0)) / m0 });
  }
  rows.sort((a, b) => a.country.localeCompare(b.country));
  const points: ScatterPoint[] = rows.map((r) => ({ label: r.country, x: r.internetChange, y: r.mdgChangePct, group: r.region }));
  const r = pearson(points);
  const better = ind.higherIsBetter ? 'a rise' : 'a fall';
  const summary =
    `${rows.length} countries with both series in ${from} and ${to} (or within ${SCATTER_YEAR_TOLERANCE} years): the change in Internet use (percentage points) against the change in ${label(ind).toLowerCase()} (per cent of its ${from} value; ${better} is progress)` +
    (r !== null ? `; correlation r = ${r.toFixed(2)}` : '') +
    '. This shows association, not cause: countries that connected faster also differ in income, health spending, schooling and much else.';
  return {
    id: 'mdg-ict-scatter',
    title: `ICT progress against MDG ${ind.id} progress, ${from}–${to}: ${rows.length} countries`,
    summary,
    svg: rows.length ? plotOnce('scatter', scatterChartSpec, [points, { xLabel: `Internet use, change ${from}–${to} (percentage points)`, yLabel: `${label(ind)}, change ${from}–${to} (%)` }]) : '',
    columns: chartColumns(
      {
        code: 'Code',
        country: 'Country',
        region: 'Region',
        internetFrom: `Internet use ${from} (%)`,
        internetTo: `Internet use ${to} (%)`,
        internetChange: 'Change (points)',
        mdgFrom: `MDG ${ind.id} ${from}`,
        mdgTo: `MDG ${ind.id} ${to}`,
        mdgChangePct: 'Change (%)'
      },
      { internetFrom: 1, internetTo: 1, internetChange: 1, mdgFrom: 2, mdgTo: 2, mdgChangePct: 1 }
    ),
    rows,
    csvHref: chartCsvHref('mdg-ict-scatter', { indicator: ind.id }),
    source: `${await sourceLine(ind, null)}; ${await servedFrom(ICT_SERIES[0].code)}`
  } satisfies ChartView;
});

export const mdgCharts: Record<string, ChartDefinition> = {
  'mdg-world': mdgWorldChart,
  'mdg-countries': mdgCountriesChart,
  'mdg-ict-country': mdgIctCountryChart,
  'mdg-ict-scatter': mdgIctScatterChart
};
