// The chart of one catalog series of any publisher (chart id 'series-trend', ?indicator=CODE):
// the world and the publisher's regions over time where it publishes aggregates (at the
// catalog's headline disaggregation), the computed population-weighted world where it has none
// but covers enough of the population, else the latest value of each country (highest and
// lowest RANK_ENDS). The same definition serves the drawn chart and its CSV.
import { barChartSpec, lineChartSpec, type LinePoint } from '$lib/plot/line';
import { plotOnce } from '../chart-store';
import { indicatorValues, seriesOf } from '../indicator-values';
import { query } from '../warehouse';
import { computedAggregate, worldMembers } from '../queries/progress';
import { seriesStatus, WORLD_AGGREGATES } from '../queries/series-status';
import { chartCsvHref, type ChartDefinition } from './registry';
import { chartColumns, type ChartView } from '$lib/plot/types';

export const SERIES_CHART = 'series-trend';
const RANK_ENDS = 15;

export const seriesChart: ChartDefinition = async (params) => {
  const code = params.get('indicator');
  if (!code) return null;
  const status = await seriesStatus(code, null, 2015);
  if (!status) return null;
  const d = status.disaggregation;
  const breakdown = d ? ` (${d.replace(/_/g, ' ').replace(/=/g, ': ')})` : '';
  const source = `${status.producer}, ${code}; vintage ${status.vintage ?? 'not stated'}`;
  const csvHref = chartCsvHref(SERIES_CHART, { indicator: code });
  const fmt = (v: number) => String(+v.toFixed(2));
  const view = (v: Pick<ChartView, 'title' | 'summary' | 'svg' | 'columns' | 'rows'>): ChartView => ({ id: SERIES_CHART, ...v, csvHref, source });

  if (status.world && !status.world.computed) {
    const economies = [status.world.economy, ...(WORLD_AGGREGATES.find((w) => w.world === status.world!.economy)?.regions ?? [])];
    const [values, names] = await Promise.all([indicatorValues(code, d), economyNames()]);
    // By economy code, then year (the series are ordered by year); economies without a name row left out.
    const rows = [...new Set(economies)]
      .sort()
      .flatMap((economy) => (names.has(economy) ? seriesOf(values, economy).map((p) => ({ economy, name: names.get(economy)!, year: p.year, value: p.value })) : []));
    const world = rows.filter((r) => r.economy === status.world!.economy);
    const points: LinePoint[] = rows.map((r) => ({ series: r.name, year: r.year, value: r.value }));
    return view({
      title: `${status.name}${breakdown}: ${status.world.name} and the publisher's regions, ${rows[0].year}–${Math.max(...rows.map((r) => r.year))}`,
      summary: `${status.world.name}: ${fmt(world[0].value)} in ${world[0].year}, ${fmt(world.at(-1)!.value)} in ${world.at(-1)!.year} (${status.unit}); ${new Set(rows.map((r) => r.economy)).size - 1} regions beside it, as the publisher aggregates them.`,
      svg: plotOnce('line', lineChartSpec, [points, { yLabel: status.unit, highlight: status.world.name, height: 300 }]),
      columns: chartColumns({ economy: 'Code', name: 'World / region', year: 'Year', value: status.unit }, { value: 2 }),
      rows
    });
  }
  if (status.world?.computed) {
    const points = (await computedAggregate(code, await worldMembers())).filter((p) => p.available && p.value !== null);
    const rows = points.map((p) => ({ year: p.year, value: p.value!, coverage: Math.round(1000 * p.coverage) / 10, countries: p.countriesWithData }));
    return view({
      title: `${status.name}: world, population-weighted over the reporting countries, ${rows[0].year}–${rows.at(-1)!.year}`,
      summary: `Computed here (the publisher gives no world value): ${fmt(rows[0].value)} in ${rows[0].year}, ${fmt(rows.at(-1)!.value)} in ${rows.at(-1)!.year}, the reporting countries covering ${rows.at(-1)!.coverage} % of the population.`,
      svg: plotOnce('line', lineChartSpec, [rows.map((r) => ({ series: 'World (computed)', year: r.year, value: r.value })), { yLabel: status.unit, height: 260 }]),
      columns: chartColumns(
        { year: 'Year', value: status.unit, coverage: 'Population covered (%)', countries: 'Countries reporting' },
        { value: 3, coverage: 1, countries: 0 }
      ),
      rows
    });
  }
  // Each country's latest value (from the series' per-build values), highest first, then by name.
  const [values, names] = await Promise.all([indicatorValues(code, d), economyNames()]);
  const latest = [...values.byEconomy]
    .filter(([economy, e]) => !e.isAggregate && names.has(economy))
    .map(([economy, e]) => ({ code: economy, name: names.get(economy)!, year: e.series.at(-1)!.year, value: e.series.at(-1)!.value }))
    .sort((a, b) => b.value - a.value || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (latest.length === 0) return null;
  const trimmed = latest.length > 2 * RANK_ENDS;
  const rows = trimmed ? [...latest.slice(0, RANK_ENDS), ...latest.slice(-RANK_ENDS)] : latest;
  return view({
    title: `${status.name}${breakdown}: ${trimmed ? `the ${RANK_ENDS} highest and lowest of ${latest.length} countries` : `${latest.length} countries`}, latest survey year each`,
    summary: `No world or regional aggregate is published and the surveys cover too little of the population in any one year for a world value: each country's latest value, from ${fmt(latest[0].value)} (${latest[0].name}, ${latest[0].year}) to ${fmt(latest.at(-1)!.value)} (${latest.at(-1)!.name}, ${latest.at(-1)!.year}).`,
    svg: plotOnce('bar', barChartSpec, [rows.map((r) => ({ label: `${r.name} (${r.year})`, value: r.value })), { xLabel: status.unit }]),
    columns: chartColumns({ name: 'Country', code: 'Code', year: 'Year', value: status.unit }, { value: 2 }),
    rows
  });
};

/** Every economy's name, one cached query per build. */
async function economyNames(): Promise<Map<string, string>> {
  return new Map((await query<{ code: string; name: string }>('SELECT code, name FROM economy')).map((e) => [e.code, e.name]));
}

export const seriesCharts: Record<string, ChartDefinition> = { [SERIES_CHART]: seriesChart };
