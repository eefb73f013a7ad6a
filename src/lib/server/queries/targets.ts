// Target pages: the target text, its indicators, coverage of their series, status by region and
// income group, country rankings and the world projection. SQL here; verdicts from $lib/progress.
import { alternativeVerdicts, assess, verdictFor, type AlternativeVerdicts, type Assessment, type CatalogEntry, type Goal, type Series } from '$lib/progress';
import { verdictCells, type VerdictCellData } from '$lib/verdict-cell';
import { byVintageThenFile, indicatorValues } from '../indicator-values';
import { query, queryOne } from '../warehouse';
import { aggregateCheck, seriesByEconomy, worldMembers } from './progress';
import { m } from '$lib/paraglide/messages.js';

export interface WsisTarget {
  target: number;
  letter: string;
  text: string;
  shortTitle: string;
  source: string;
}

export interface TargetIndicator {
  id: string;
  target: number;
  name: string;
  unit: string;
  goalValue: number | null;
  /** 'target' (the target's own words fix the value) or 'project' (the project's reading); null without a goal. */
  goalBasis: string | null;
  goalReasoning: string | null;
  headline: boolean;
  /** yes / partly / no: how far the citation supports the number and wording. */
  verified: string;
  verificationNote: string;
  citation: string | null;
  source: string;
  /** The series pages assess the indicator with (priority 1 in target_indicator_series), whatever its publisher. */
  seriesCode: string | null;
  /** direct or proxy */
  seriesRelation: string | null;
  seriesNote: string | null;
  /** Every linked series, "CODE (relation)", in priority order. */
  seriesList: string[];
  /** From the indicator catalog, when the series is loaded. */
  seriesName: string | null;
  seriesUnit: string | null;
  higherIsBetter: boolean;
  /** The catalog's direction as stored (null: a context series, not judged). */
  direction: boolean | null;
  upperBound: number | null;
  /** Observations of the series in the warehouse (0 when not loaded). */
  observations: number;
}

/** The World Bank aggregates a target page assesses: the world, the 7 regions, the 4 income groups and the LDCs. */
export const REGION_CODES = ['EAS', 'ECS', 'LCN', 'MEA', 'NAC', 'SAS', 'SSF'] as const;
export const INCOME_CODES = ['HIC', 'UMC', 'LMC', 'LIC'] as const;
export const AGGREGATE_CODES = ['WLD', ...REGION_CODES, ...INCOME_CODES, 'LDC'] as const;

export async function target(n: number): Promise<WsisTarget | null> {
  return queryOne<WsisTarget & Record<string, string | number>>(
    'SELECT target, letter, text, short_title AS "shortTitle", source FROM wsis_target WHERE target = $1',
    [n]
  );
}

export async function targets(): Promise<WsisTarget[]> {
  return query<WsisTarget & Record<string, string | number>>(
    'SELECT target, letter, text, short_title AS "shortTitle", source FROM wsis_target ORDER BY target'
  );
}

export async function targetIndicators(n: number | null = null): Promise<TargetIndicator[]> {
  const rows = await query(
    `WITH series AS (
       SELECT target_indicator, series_code, relation, note, priority FROM target_indicator_series
        QUALIFY row_number() OVER (PARTITION BY target_indicator ORDER BY priority, series_code) = 1),
     series_list AS (
       SELECT target_indicator, list(series_code || ' (' || relation || ')' ORDER BY priority, series_code) AS codes
         FROM target_indicator_series GROUP BY target_indicator)
     SELECT t.id, t.target, t.name, t.unit, t.goal_value AS "goalValue", t.goal_basis AS "goalBasis",
            t.goal_reasoning AS "goalReasoning", t.headline, t.verified, t.verification_note AS "verificationNote",
            t.citation, t.source, s.series_code AS "seriesCode", s.relation AS "seriesRelation", s.note AS "seriesNote",
            coalesce(l.codes, []) AS "seriesList", i.name AS "seriesName", i.unit AS "seriesUnit",
            coalesce(i.higher_is_better, true) AS "higherIsBetter", i.higher_is_better AS direction, i.upper_bound AS "upperBound",
            (SELECT count(*)::INTEGER FROM observation o WHERE o.indicator = s.series_code AND o.disaggregation = '') AS observations
       FROM target_indicator t
       LEFT JOIN series s ON s.target_indicator = t.id
       LEFT JOIN series_list l ON l.target_indicator = t.id
       LEFT JOIN indicator i ON i.code = s.series_code
      WHERE $1::INTEGER IS NULL OR t.target = $1::INTEGER
      ORDER BY t.target, string_split(t.id, '.')[2]::INTEGER`,
    [n]
  );
  return rows as unknown as TargetIndicator[];
}

export function goalOf(ind: { goalValue: number | null; higherIsBetter: boolean; upperBound: number | null }, horizon: number): Goal | null {
  if (ind.goalValue == null) return null;
  return { value: ind.goalValue, higherIsBetter: ind.higherIsBetter, ...(ind.upperBound != null ? { upperBound: ind.upperBound } : {}), horizon };
}

/**
 * The catalog properties that decide an indicator's verdict (verdictFor): its goal, if any, and
 * its direction. A goal without a stored direction keeps the long-standing default (higher is better).
 */
export function catalogEntry(ind: { goalValue: number | null; higherIsBetter?: boolean; direction: boolean | null; upperBound: number | null }): CatalogEntry {
  return {
    goalValue: ind.goalValue,
    higherIsBetter: ind.goalValue != null ? (ind.direction ?? ind.higherIsBetter ?? true) : ind.direction,
    upperBound: ind.upperBound
  };
}

export interface EconomyName {
  code: string;
  name: string;
}

export async function economyNames(codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const ph = codes.map((_, i) => `$${i + 1}`).join(', ');
  const rows = await query<{ code: string; name: string }>(`SELECT code, name FROM economy WHERE code IN (${ph})`, [...codes]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface GroupStatus {
  code: string;
  name: string;
  kind: 'world' | 'region' | 'income' | 'ldc';
  series: Series;
  /** The goal verdict for the horizon as of the latest data (baseline, first year met); null without a goal. */
  assessment: Assessment | null;
  /** The baseline either verdict measured from (goal or trend). */
  baseline: { year: number; value: number } | null;
  /** As of the horizon year (what a "by 2015" column shows) and as of the latest data; trend verdicts without a goal. */
  byHorizon: VerdictCellData | null;
  now: VerdictCellData | null;
}

/** Which kind of World Bank aggregate `code` is (one of AGGREGATE_CODES). */
export function groupKind(code: string): GroupStatus['kind'] {
  return code === 'WLD' ? 'world' : code === 'LDC' ? 'ldc' : (REGION_CODES as readonly string[]).includes(code) ? 'region' : 'income';
}

/** The verdicts of each published World Bank aggregate series (WLD, regions, income groups, LDC), chosen by the catalog entry. */
export async function statusByGroup(indicator: string, entry: CatalogEntry, horizon: number): Promise<GroupStatus[]> {
  const [seriesMap, names] = await Promise.all([seriesByEconomy(indicator, [...AGGREGATE_CODES]), economyNames(AGGREGATE_CODES)]);
  return AGGREGATE_CODES.map((code) => {
    const s = seriesMap.get(code) ?? [];
    const kind = groupKind(code);
    const v = s.length ? verdictFor(s, entry, { horizon }) : null;
    const baseline = v?.kind === 'goal' ? v.assessment.baseline : v?.kind === 'trend' ? v.trend.baseline : null;
    return {
      code,
      name: names.get(code) ?? code,
      kind,
      series: s,
      assessment: v?.kind === 'goal' ? v.assessment : null,
      baseline: baseline && { year: baseline.year, value: baseline.value },
      ...verdictCells(s, entry, horizon)
    };
  });
}

export interface WorldWorking {
  series: Series;
  assessment: Assessment;
  alternatives: AlternativeVerdicts;
}

export function worldWorking(series: Series, goal: Goal): WorldWorking | null {
  if (series.length === 0) return null;
  return { series, assessment: assess(series, goal), alternatives: alternativeVerdicts(series, goal) };
}

export interface CoverageYear {
  year: number;
  countriesWithData: number;
  countriesTotal: number;
}

/** Countries (with a World Bank region) that have a value, per year, from `fromYear` to the last year with any value. */
export async function coverageByYear(indicator: string, fromYear = 2000): Promise<CoverageYear[]> {
  return query<CoverageYear & Record<string, number>>(
    `WITH members AS (SELECT code FROM economy WHERE NOT is_aggregate AND wb_region IS NOT NULL),
          years AS (SELECT DISTINCT year FROM observation WHERE indicator = $1 AND year >= $2 AND NOT is_aggregate AND disaggregation = '')
     SELECT y.year,
            (SELECT count(DISTINCT o.economy)::INTEGER FROM observation o JOIN members m ON m.code = o.economy
              WHERE o.indicator = $1 AND o.year = y.year AND o.disaggregation = '') AS "countriesWithData",
            (SELECT count(*)::INTEGER FROM members) AS "countriesTotal"
       FROM years y ORDER BY y.year`,
    [indicator, fromYear]
  );
}

export interface CoverageCell {
  region: string;
  regionName: string;
  year: number;
  countriesWithData: number;
  countriesTotal: number;
}

/** Year × World Bank region matrix: countries with a value, of the region's members. */
export async function coverageMatrix(indicator: string, fromYear = 2000): Promise<CoverageCell[]> {
  return query<CoverageCell & Record<string, string | number>>(
    `WITH members AS (SELECT group_code AS region, group_name AS "regionName", economy FROM economy_group WHERE classification = 'wb_region'),
          totals AS (SELECT region, "regionName", count(*)::INTEGER AS total FROM members GROUP BY ALL),
          years AS (SELECT DISTINCT year FROM observation WHERE indicator = $1 AND year >= $2 AND NOT is_aggregate AND disaggregation = '')
     SELECT t.region, t."regionName", y.year,
            count(DISTINCT o.economy)::INTEGER AS "countriesWithData", t.total AS "countriesTotal"
       FROM totals t CROSS JOIN years y
       LEFT JOIN members m ON m.region = t.region
       LEFT JOIN observation o ON o.indicator = $1 AND o.economy = m.economy AND o.year = y.year AND o.disaggregation = ''
      GROUP BY t.region, t."regionName", y.year, t.total
      ORDER BY t.region, y.year`,
    [indicator, fromYear]
  );
}

export interface WbRegion {
  code: string;
  name: string;
}

export async function wbRegions(): Promise<WbRegion[]> {
  return query<WbRegion & Record<string, string>>(
    "SELECT DISTINCT group_code AS code, group_name AS name FROM economy_group WHERE classification = 'wb_region' ORDER BY name"
  );
}

/** Years with country values for an indicator, and the default ranking year: the latest year in which
 *  at least half as many countries report as in the best-covered year (a latest year with a handful of early reporters would mislead). */
export async function rankingYears(indicator: string): Promise<{ years: number[]; defaultYear: number | null }> {
  const rows = await query<{ year: number; n: number }>(
    `SELECT year, count(*)::INTEGER AS n FROM observation
      WHERE indicator = $1 AND NOT is_aggregate AND disaggregation = '' AND economy IN (SELECT code FROM economy WHERE NOT is_aggregate AND wb_region IS NOT NULL)
      GROUP BY year ORDER BY year`,
    [indicator]
  );
  const max = Math.max(0, ...rows.map((r) => r.n));
  const eligible = rows.filter((r) => r.n >= max / 2);
  return { years: rows.map((r) => r.year), defaultYear: eligible.length ? eligible[eligible.length - 1].year : null };
}

export interface RankedCountry {
  code: string;
  name: string;
  region: string;
  value: number;
}

export async function ranking(indicator: string, year: number, region: string | null): Promise<RankedCountry[]> {
  return query<RankedCountry & Record<string, string | number>>(
    `SELECT e.code, e.name, g.group_name AS region, o.value
       FROM observation o JOIN economy e ON e.code = o.economy
       JOIN economy_group g ON g.classification = 'wb_region' AND g.economy = e.code
      WHERE o.indicator = $1 AND o.year = $2 AND o.disaggregation = '' AND NOT e.is_aggregate AND ($3::VARCHAR IS NULL OR g.group_code = $3::VARCHAR)
      ORDER BY o.value DESC, e.name`,
    [indicator, year, region]
  );
}

/** "file (vintage …)" for the batches that serve the given economies' values (all economies when none given). */
export async function servedFrom(indicator: string, economies: readonly string[] | null = null, year: number | null = null): Promise<string> {
  const values = await indicatorValues(indicator);
  const counts = new Map<string, { file: string; vintage: string | null; publisher: string | null; n: number }>();
  for (const economy of economies && economies.length ? new Set(economies) : values.byEconomy.keys()) {
    const e = values.byEconomy.get(economy);
    if (!e) continue;
    e.series.forEach((p, i) => {
      if (year !== null && p.year !== year) return;
      const b = values.batches.get(e.batches[i]);
      if (!b) return;
      const key = `${b.file}\u0000${b.vintage}`;
      const c = counts.get(key) ?? { file: b.file, vintage: b.vintage, publisher: b.publisher, n: 0 };
      c.n += 1;
      counts.set(key, c);
    });
  }
  const rows = [...counts.values()].sort(byVintageThenFile);
  const files = rows.map((r) => (rows.length > 1 ? m.cd_file_vintage_n({ file: r.file, vintage: r.vintage ?? m.series_vintage_not_stated(), count: r.n }) : m.cd_file_vintage({ file: r.file, vintage: r.vintage ?? m.series_vintage_not_stated() })));
  // Say who published the values: the WDI copy of ITU's series, or another publisher's own file (ITU, UN, ...).
  const publishers = [...new Set(rows.map((r) => r.publisher ?? 'World Bank'))];
  const label = publishers.every((p) => p === 'World Bank') ? `World Bank WDI ${indicator} (ITU data)` : `${publishers.join(', ')} ${indicator}`;
  return `${label}: ${files.join('; ') || m.cd_no_values_loaded()}`;
}

export interface AggregateCheckRow {
  indicator: string;
  indicatorName: string;
  yearsCompared: number;
  maxAbsDifference: number | null;
  maxAbsDifferenceYear: number | null;
  latestYear: number | null;
  latestComputed: number | null;
  latestPublished: number | null;
  latestCoverage: number | null;
}

/** Our population-weighted world (countries with a World Bank region) against the World Bank's WLD row. */
export async function worldAggregateCheck(indicator: string, indicatorName: string): Promise<AggregateCheckRow> {
  const members = await worldMembers();
  const { computed, comparison } = await aggregateCheck(indicator, members, 'WLD');
  const both = comparison.rows.filter((r) => r.difference !== null);
  const last = both[both.length - 1] ?? null;
  const cov = last ? (computed.find((c) => c.year === last.year)?.coverage ?? null) : null;
  return {
    indicator,
    indicatorName,
    yearsCompared: comparison.yearsCompared,
    maxAbsDifference: comparison.maxAbsDifference,
    maxAbsDifferenceYear: comparison.maxAbsDifferenceYear,
    latestYear: last?.year ?? null,
    latestComputed: last?.computed ?? null,
    latestPublished: last?.published ?? null,
    latestCoverage: cov
  };
}
