// The status of one catalog series as every page shows it, for any publisher: its world value
// (the publisher's own world aggregate: World Bank WLD, UN SDG M49_001 World, UIS 40510 World,
// Common Crawl's CC_WEB), its publisher's regions, or, for a publisher with no aggregates (the
// E-Government Survey, Global Data Lab, 4.4.1 ICT skills), how many countries report it. Series
// without a total are read at the catalog's headline_disaggregation (4.a.1: primary schools).
// Verdicts come from $lib/verdict-cell (verdictFor on the catalog's direction and the goal given).
import { verdictCells, type VerdictCellData } from '$lib/verdict-cell';
import type { Series } from '$lib/progress';
import { perBuild } from '../build-memo';
import { indicatorValues, seriesOf } from '../indicator-values';
import { query } from '../warehouse';
import { computedAggregate, worldMembers } from './progress';

/** Each publisher's world aggregate, and the regions shown beside it. */
export const WORLD_AGGREGATES: { world: string; regions: string[] }[] = [
  { world: 'WLD', regions: ['EAS', 'ECS', 'LCN', 'MEA', 'NAC', 'SAS', 'SSF'] },
  // SDG regional groups as the SDG reports use them (M49 codes): Sub-Saharan Africa, Northern Africa and
  // Western Asia, Central and Southern Asia, Eastern and South-Eastern Asia, Latin America and the
  // Caribbean, Oceania, Europe and Northern America; and the LDCs.
  { world: 'M49_001', regions: ['M49_202', 'M49_747', 'M49_062', 'M49_753', 'M49_419', 'M49_009', 'M49_513', 'M49_199'] },
  // UIS SDG regions (UIS.Stat codes 40606 ... in the DDF entity file).
  { world: 'UIS_40675', regions: ['UIS_40606', 'UIS_40617', 'UIS_40618', 'UIS_40619', 'UIS_40630', 'UIS_40650', 'UIS_40642'] },
  { world: 'UIS_40510', regions: [] },
  { world: 'CC_WEB', regions: [] }
];

/** What a computed world covers: reporting countries, their share of the population (per cent) of all countries in the latest year, and the coverage threshold (per cent). */
export interface ComputedCoverage {
  countries: number | null;
  coverage: number;
  total: number | null;
  year: number;
  threshold: number;
}

export interface StatusRow {
  economy: string;
  name: string;
  /** Set when the row is computed here (population-weighted over countries), not published: what it covers
   *  (figures only: the sentence is written in the reader's language by the page, this value is kept per build). */
  computed: ComputedCoverage | null;
  byHorizon: VerdictCellData | null;
  now: VerdictCellData | null;
  latestYear: number;
  latestValue: number;
}

export interface SeriesStatus {
  code: string;
  name: string;
  unit: string;
  producer: string;
  measure: 'direct' | 'proxy' | null;
  measureNote: string | null;
  /** '' for the total, else the breakdown shown (education_level=primary). */
  disaggregation: string;
  /** Served vintage(s): "2023-12-17", "2019-09-03..2023-12-17", or null when undated. */
  vintage: string | null;
  world: StatusRow | null;
  regions: StatusRow[];
  /** Countries with a value (at the headline disaggregation), and the latest year any reports. */
  countries: number;
  /** Without a world row: the verdicts of the countries' own series ("now"), counted by status; empty when not judged. */
  countryVerdicts: { status: string; countries: number }[];
  countriesLatestYear: number | null;
  source: string;
}

interface CatalogRow {
  code: string;
  name: string;
  unit: string;
  producer: string;
  direction: boolean | null;
  upperBound: number | null;
  measure: 'direct' | 'proxy' | null;
  measureNote: string | null;
  headline: string | null;
  source: string;
}

/** The catalog's rows in one query per build (cached), looked up per series. */
async function catalogRow(code: string): Promise<CatalogRow | null> {
  const rows = await query<CatalogRow & Record<string, unknown>>(
    `SELECT code, name, unit, source_organisation AS producer, higher_is_better AS direction, upper_bound AS "upperBound",
            measure, measure_note AS "measureNote", headline_disaggregation AS headline, source
       FROM indicator`
  );
  return rows.find((r) => r.code === code) ?? null;
}

/** First and last vintage each indicator's values carry (every disaggregation), one scan per build. */
function vintageRanges(): Promise<Map<string, { first: string | null; last: string | null }>> {
  return perBuild('vintage-ranges', '', async () => {
    const rows = await query<{ indicator: string; first: string | null; last: string | null }>(
      'SELECT indicator, min(vintage)::VARCHAR AS first, max(vintage)::VARCHAR AS last FROM observation GROUP BY indicator'
    );
    return new Map(rows.map((r) => [r.indicator, { first: r.first, last: r.last }]));
  });
}

/**
 * The status of a catalog series at a horizon; goalValue from the target indicator it measures
 * (null: a trend verdict or none). Computed once per build and arguments from the series'
 * values read in one scan (indicator-values.ts): a target page assesses a dozen series, each
 * over its world, regions and every country, and one query per economy queued behind
 * DuckDB's threads on every first visit.
 */
export function seriesStatus(code: string, goalValue: number | null, horizon: number): Promise<SeriesStatus | null> {
  return perBuild('series-status', `${code}\u0000${goalValue}\u0000${horizon}`, () => computeSeriesStatus(code, goalValue, horizon));
}

async function computeSeriesStatus(code: string, goalValue: number | null, horizon: number): Promise<SeriesStatus | null> {
  const c = await catalogRow(code);
  if (!c) return null;
  const d = c.headline ?? '';
  const entry = { goalValue: c.direction === null ? null : goalValue, higherIsBetter: c.direction, upperBound: c.upperBound };
  const [values, aggregates, vintages] = await Promise.all([
    indicatorValues(code, d),
    query<{ code: string; name: string }>('SELECT code, name FROM economy WHERE is_aggregate'),
    vintageRanges()
  ]);
  const names = new Map(aggregates.map((e) => [e.code, e.name]));
  const row = (economy: string, name: string): StatusRow | null => {
    const s = seriesOf(values, economy);
    if (s.length === 0) return null;
    return { economy, name, computed: null, ...verdictCells(s, entry, horizon), latestYear: s.at(-1)!.year, latestValue: s.at(-1)!.value };
  };
  let world: StatusRow | null = null;
  let regions: StatusRow[] = [];
  for (const w of WORLD_AGGREGATES) {
    world = row(w.world, names.get(w.world) ?? w.world);
    if (!world) continue;
    regions = w.regions.map((r) => row(r, names.get(r) ?? r)).filter((r): r is StatusRow => r !== null);
    break;
  }
  // No published world: a population-weighted world over the countries that report (the project's
  // one aggregation rule, $lib/progress aggregate), for bounded series (shares and 0-1 indices;
  // never for a rank) at the total, the years where the reporting countries cover half the population.
  if (!world && d === '' && c.upperBound !== null) world = await computedWorld(code, entry, horizon);
  // Countries (never aggregates) that report, in economy order, and the latest year any reports.
  const countries = [...values.byEconomy.values()].filter((e) => !e.isAggregate);
  const latest = countries.length ? Math.max(...countries.map((e) => e.series.at(-1)!.year)) : null;
  // Without a world value, the status is the spread of the countries' own trend verdicts.
  const countryVerdicts: { status: string; countries: number }[] = [];
  if (!world && entry.higherIsBetter !== null) {
    const tally = new Map<string, number>();
    for (const e of countries) {
      const now = verdictCells(e.series.map((p) => ({ ...p })), entry, horizon).now;
      if (now) tally.set(now.status, (tally.get(now.status) ?? 0) + 1);
    }
    for (const [status, n] of tally) countryVerdicts.push({ status, countries: n });
    countryVerdicts.sort((a, b) => b.countries - a.countries);
  }
  const v = vintages.get(code);
  return {
    code: c.code,
    name: c.name,
    unit: c.unit,
    producer: c.producer,
    measure: c.measure,
    measureNote: c.measureNote,
    disaggregation: d,
    vintage: v?.first ? (v.first === v.last ? v.first : `${v.first}..${v.last}`) : null,
    world,
    regions,
    countries: countries.length,
    countryVerdicts,
    countriesLatestYear: latest,
    source: c.source
  };
}

async function computedWorld(code: string, entry: Parameters<typeof verdictCells>[1], horizon: number): Promise<StatusRow | null> {
  const points = (await computedAggregate(code, await worldMembers())).filter((p) => p.available && p.value !== null);
  if (points.length === 0) return null;
  const s: Series = points.map((p) => ({ year: p.year, value: p.value! }));
  const last = points.at(-1)!;
  return {
    economy: 'WLD',
    name: 'World (computed)',
    computed: { countries: last.countriesWithData, coverage: Math.round(100 * last.coverage), total: last.countriesTotal, year: last.year, threshold: Math.round(100 * last.coverageThreshold) },
    ...verdictCells(s, entry, horizon),
    latestYear: last.year,
    latestValue: last.value!
  };
}

export interface ActionLineSeries {
  code: string;
  /** Why the series belongs to the action line: the WSIS-SDG matrix link, or the catalog's own. */
  via: string;
  status: SeriesStatus;
}

/**
 * The series of an action line: catalog series whose SDG indicator's target the WSIS-SDG matrix
 * links to the line (action_line_link, link_type sdg_target), and series the catalog itself
 * lists for the line (indicator.action_lines, this project's cited reading).
 */
export async function actionLineSeries(actionLine: string, horizon: number): Promise<ActionLineSeries[]> {
  const rows = await query<{ code: string; via: string }>(
    `WITH matrix AS (
       SELECT i.code, 'WSIS-SDG matrix: ' || $1 || ' -> SDG target ' || l.link_id || ' -> ' || i.sdg_indicator AS via
         FROM indicator i JOIN action_line_link l
           ON l.action_line = $1 AND l.link_type = 'sdg_target' AND i.sdg_indicator IS NOT NULL
          AND l.link_id = regexp_extract(i.sdg_indicator, '^(\\d+\\.[0-9a-z]+)', 1)),
     own AS (
       SELECT code, 'Indicator catalog: the series serves ' || $1 AS via FROM indicator
        WHERE list_contains(string_split(coalesce(action_lines, ''), ';'), $1))
     SELECT code, string_agg(DISTINCT via, '; ' ORDER BY via) AS via FROM (SELECT * FROM matrix UNION ALL SELECT * FROM own)
      WHERE code IN (SELECT DISTINCT indicator FROM observation)
      GROUP BY code ORDER BY code`,
    [actionLine]
  );
  // Assessed together (each from its own per-build values), kept in the rows' order.
  const statuses = await Promise.all(rows.map((r) => seriesStatus(r.code, null, horizon)));
  return rows.flatMap((r, i) => (statuses[i] ? [{ code: r.code, via: r.via, status: statuses[i] }] : []));
}

/** Catalog series that serve a WSIS target (indicator.wsis_targets) and have values, with their status; by target. */
export async function targetSeries(targetNumber: number | null, horizon: number): Promise<Map<number, SeriesStatus[]>> {
  const rows = await query<{ code: string; target: number }>(
    // TRY_CAST: DuckDB may evaluate the cast before the filter that drops empty items.
    `SELECT DISTINCT i.code, TRY_CAST(trim(t) AS INTEGER) AS target
       FROM indicator i, unnest(string_split(coalesce(i.wsis_targets, ''), ';')) AS u(t)
      WHERE TRY_CAST(trim(t) AS INTEGER) IS NOT NULL AND ($1::INTEGER IS NULL OR TRY_CAST(trim(t) AS INTEGER) = $1::INTEGER)
        AND i.code NOT LIKE '%.%' AND EXISTS (SELECT 1 FROM observation o WHERE o.indicator = i.code)
      ORDER BY target, i.code`,
    [targetNumber]
  );
  const statuses = await Promise.all(rows.map((r) => seriesStatus(r.code, null, horizon)));
  const out = new Map<number, SeriesStatus[]>();
  rows.forEach((r, i) => {
    const s = statuses[i];
    if (s) out.set(r.target, [...(out.get(r.target) ?? []), s]);
  });
  return out;
}
