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
import { chartCsvHref, oncePerBuild, type ChartDefinition } from './registry';
import { chartColumns, type ChartView } from '$lib/plot/types';
import { formatPlain } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';

export const SERIES_CHART = 'series-trend';
const RANK_ENDS = 15;

export const seriesChart: ChartDefinition = oncePerBuild('seriesChart', async (params) => {
  const code = params.get('indicator');
  if (!code) return null;
  const status = await seriesStatus(code, null, 2015);
  if (!status) return null;
  const d = status.disaggregation;
  const breakdown = d ? ` (${d.replace(/_/g, ' ').replace(/=/g, ': ')})` : '';
  const source = m.cd_series_source({ producer: status.producer, code, vintage: status.vintage ?? m.series_vintage_not_stated() });
  const csvHref = chartCsvHref(SERIES_CHART, { indicator: code });
  const fmt = (v: number) => formatPlain(+v.toFixed(2));
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
      title: m.cd_series_regions_title({ indicator: `${status.name}${breakdown}`, world: status.world.name, from: rows[0].year, to: Math.max(...rows.map((r) => r.year)) }),
      summary: m.cd_series_regions_summary({
        world: status.world.name,
        first: fmt(world[0].value),
        firstYear: world[0].year,
        last: fmt(world.at(-1)!.value),
        lastYear: world.at(-1)!.year,
        unit: status.unit,
        regions: new Set(rows.map((r) => r.economy)).size - 1
      }),
      svg: plotOnce('line', lineChartSpec, [points, { yLabel: status.unit, highlight: status.world.name, height: 300 }]),
      columns: chartColumns({ economy: m.col_code(), name: m.cd_col_world_region(), year: m.col_year(), value: status.unit }, { value: 2 }),
      rows
    });
  }
  if (status.world?.computed) {
    const points = (await computedAggregate(code, await worldMembers())).filter((p) => p.available && p.value !== null);
    const rows = points.map((p) => ({ year: p.year, value: p.value!, coverage: Math.round(1000 * p.coverage) / 10, countries: p.countriesWithData }));
    return view({
      title: m.cd_series_computed_title({ indicator: status.name, from: rows[0].year, to: rows.at(-1)!.year }),
      summary: m.cd_series_computed_summary({ first: fmt(rows[0].value), firstYear: rows[0].year, last: fmt(rows.at(-1)!.value), lastYear: rows.at(-1)!.year, coverage: formatPlain(rows.at(-1)!.coverage) }),
      svg: plotOnce('line', lineChartSpec, [rows.map((r) => ({ series: m.cd_world_computed(), year: r.year, value: r.value })), { yLabel: status.unit, height: 260 }]),
      columns: chartColumns(
        { year: m.col_year(), value: status.unit, coverage: m.cd_col_population_covered(), countries: m.cd_col_countries_reporting() },
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
    title: trimmed
      ? m.cd_series_latest_title_trimmed({ indicator: `${status.name}${breakdown}`, ends: RANK_ENDS, count: latest.length })
      : m.cd_series_latest_title({ indicator: `${status.name}${breakdown}`, count: latest.length }),
    summary: m.cd_series_latest_summary({
      high: fmt(latest[0].value),
      highest: latest[0].name,
      highYear: latest[0].year,
      low: fmt(latest.at(-1)!.value),
      lowest: latest.at(-1)!.name,
      lowYear: latest.at(-1)!.year
    }),
    svg: plotOnce('bar', barChartSpec, [rows.map((r) => ({ label: `${r.name} (${r.year})`, value: r.value })), { xLabel: status.unit }]),
    columns: chartColumns({ name: m.col_country(), code: m.col_code(), year: m.col_year(), value: status.unit }, { value: 2 }),
    rows
  });
});

/** Every economy's name, one cached query per build. */
async function economyNames(): Promise<Map<string, string>> {
  return new Map((await query<{ code: string; name: string }>('SELECT code, name FROM economy')).map((e) => [e.code, e.name]));
}

export const seriesCharts: Record<string, ChartDefinition> = { [SERIES_CHART]: seriesChart };
