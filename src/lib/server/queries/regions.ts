// Region queries: World Bank aggregates (WLD, regions, income groups, LDC, ...), their
// membership and the series a region page compares (published, world, computed).
import { COVERAGE_THRESHOLD, type AggregatePoint, type CatalogEntry, type Comparison, type Series } from '$lib/progress';
import { verdictCells } from '$lib/verdict-cell';
import { byVintageThenFile, indicatorValues } from '../indicator-values';
import { estimateBytes } from '../byte-budget';
import { perBuild } from '../build-memo';
import { query, queryUncached } from '../warehouse';
import { aggregateCheck, assessSeries, groupMembers, indicatorGoals, series, worldMembers, type IndicatorGoal } from './progress';
import { ITU_DEFAULT_INDICATOR, isItuAggregate, PUBLISHER_AGGREGATE_CODE } from './itu-regions';

export const DEFAULT_INDICATOR = 'IT.NET.USER.ZS';

/** World Bank aggregate codes and ISO3 codes: three upper-case letters or digits. */
export const ECONOMY_CODE = /^[A-Z0-9]{3}$/;
const INDICATOR_CODE = /^[A-Z0-9._]{2,40}$/;

export interface IndicatorInfo {
  code: string;
  name: string;
  unit: string;
  topic: string;
  upperBound: number | null;
  /** The catalog's direction (higher_is_better); null for context series that are not judged. */
  direction: boolean | null;
  /** The goal this indicator is assessed against (target_indicator.goal_value), if any. */
  goal: IndicatorGoal | null;
}

export interface EconomyInfo {
  code: string;
  name: string;
  isAggregate: boolean;
}

/**
 * Every indicator in the warehouse, with its goal where one is set. ICT (headline) indicators
 * first. Once per build: country and region pages each ask for it, and at 1,000 indicators
 * joining the goals in again on every request was the largest cost of their first visit.
 * Shared by every caller: read it, never change it.
 */
export function indicators(): Promise<readonly IndicatorInfo[]> {
  return perBuild('indicators', '', async () => {
    const [rows, goals] = await Promise.all([
      query<{ code: string; name: string; unit: string; topic: string; upperBound: number | null; direction: boolean | null }>(
        `SELECT code, name, unit, topic, upper_bound AS "upperBound", higher_is_better AS direction FROM indicator
          ORDER BY topic = 'ict' DESC, code`
      ),
      indicatorGoals()
    ]);
    // The first goal of each indicator (goals come ordered by target), as find() gave.
    const goalOf = new Map<string, IndicatorGoal>();
    for (const g of goals) if (!goalOf.has(g.indicator)) goalOf.set(g.indicator, g);
    return rows.map((r) => ({ ...r, goal: goalOf.get(r.code) ?? null }));
  });
}

/** indicators() by code, once per build: a page looks several up (each chart its own), a find() over the list each before. */
function indicatorsByCode(): Promise<Map<string, IndicatorInfo>> {
  return perBuild('indicators-by-code', '', async () => new Map((await indicators()).map((i) => [i.code, i])), (m) => 64 + 48 * m.size);
}

/** The catalog's headline list (indicator.headline_order): ITU's own codes, or the others. */
async function headlineCodes(itu: boolean): Promise<string[]> {
  const rows = await query<{ code: string }>(
    `SELECT code FROM indicator WHERE headline_order IS NOT NULL AND starts_with(code, 'ITU_') = $1 ORDER BY headline_order`,
    [itu]
  );
  return rows.map((r) => r.code);
}

/**
 * The headline indicators of an economy's page, in the catalog's order (headline_order): the World Bank's ICT series
 * (WSIS target 10 / MDG 8.F), or ITU's own for an ITU aggregate (ITU publishes no WDI codes).
 */
export async function headlineIndicators(economy = ''): Promise<IndicatorInfo[]> {
  const order = await headlineCodes(isItuAggregate(economy));
  const all = (await indicators()).filter((i) => i.topic === 'ict' && order.includes(i.code));
  return all.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
}

/** The indicator a page shows first when none is asked for. */
export const defaultIndicatorFor = (economy: string): string => (isItuAggregate(economy) ? ITU_DEFAULT_INDICATOR : DEFAULT_INDICATOR);

/** The indicator for a ?indicator= value, or null if the value is malformed or unknown. */
export async function indicatorByCode(code: string | null): Promise<IndicatorInfo | null> {
  if (!code || !INDICATOR_CODE.test(code)) return null;
  return (await indicatorsByCode()).get(code) ?? null;
}

/** An aggregate economy that has observations; null if unknown, a country, or empty. */
export async function regionByCode(code: string): Promise<EconomyInfo | null> {
  if (!ECONOMY_CODE.test(code) && !PUBLISHER_AGGREGATE_CODE.test(code)) return null;
  // Every aggregate with observations in one query per build, looked up here.
  const byCode = await perBuild(
    'aggregates-by-code',
    '',
    async () => {
      const rows = await queryUncached<{ code: string; name: string }>(
        `SELECT e.code, e.name FROM economy e
          WHERE e.is_aggregate AND EXISTS (SELECT 1 FROM observation o WHERE o.economy = e.code AND o.disaggregation = '')`
      );
      return new Map(rows.map((r) => [r.code, r]));
    },
    (m) => 2 * estimateBytes([...m.values()])
  );
  const row = byCode.get(code);
  return row ? { ...row, isAggregate: true } : null;
}

export interface Membership {
  /** wb_region, wb_income, ldc or world; null when the group's members are not in economy_group. */
  classification: string | null;
  label: string;
  members: string[];
  /** True when a computed population-weighted aggregate is shown beside the published one. */
  computed: boolean;
}

/** Who belongs to an aggregate. WB regions and income groups (and WLD) get a computed aggregate. */
export async function regionMembership(code: string): Promise<Membership> {
  if (isItuAggregate(code)) {
    return { classification: null, label: m.mship_itu(), members: [], computed: false };
  }
  if (code === 'WLD') {
    return { classification: 'world', label: m.mship_world(), members: await worldMembers(), computed: true };
  }
  for (const [classification, label, computed] of [
    ['wb_region', m.mship_wb_region, true],
    ['wb_income', m.mship_wb_income, true],
    ['ldc', m.mship_ldc, false]
  ] as const) {
    const members = await groupMembers(classification, code);
    if (members.length > 0) return { classification, label: label(), members, computed };
  }
  return { classification: null, label: m.mship_unknown(), members: [], computed: false };
}

export interface ServedFrom {
  vintage: string | null;
  file: string;
  layout: string;
}

/** The batches (vintage and file) an economy's served series of an indicator comes from. */
export async function servedFrom(indicator: string, economy: string): Promise<ServedFrom[]> {
  const values = await indicatorValues(indicator);
  const distinct = new Map<string, ServedFrom>();
  for (const id of new Set(values.byEconomy.get(economy)?.batches ?? [])) {
    const b = values.batches.get(id);
    if (b) distinct.set(`${b.vintage}\u0000${b.file}\u0000${b.layout}`, { vintage: b.vintage, file: b.file, layout: b.layout });
  }
  return [...distinct.values()].sort((a, b) => byVintageThenFile(a, b) || (a.layout < b.layout ? -1 : a.layout > b.layout ? 1 : 0));
}

export function describeServed(s: ServedFrom[]): string {
  if (s.length === 0) return m.cd_no_data();
  return s.map((b) => m.cd_vintage_file({ vintage: b.vintage ?? m.cd_undated(), file: b.file })).join('; ');
}

export interface AggregateYear {
  year: number;
  published: number | null;
  computed: number | null;
  available: boolean;
  coverage: number | null;
  countriesWithData: number | null;
  countriesTotal: number | null;
  difference: number | null;
}

export interface AggregateView {
  rows: AggregateYear[];
  maxAbsDifference: number | null;
  maxAbsDifferenceYear: number | null;
  yearsCompared: number;
  /** Years with member data whose coverage is below the threshold: shown as "not available". */
  unavailableYears: number[];
  coverageThreshold: number;
}

/** Computed population-weighted aggregate vs the published row, year by year. */
export async function aggregateView(indicator: string, members: string[], code: string): Promise<AggregateView> {
  const { computed, comparison } = await aggregateCheck(indicator, members, code);
  return mergeAggregate(computed, comparison);
}

export function mergeAggregate(computed: AggregatePoint[], comparison: Comparison): AggregateView {
  const byYear = new Map(computed.map((p) => [p.year, p]));
  const rows = comparison.rows.map((r) => {
    const p = byYear.get(r.year);
    return {
      year: r.year,
      published: r.published,
      computed: p?.available ? p.value : null,
      available: p?.available ?? false,
      coverage: p ? p.coverage : null,
      countriesWithData: p ? p.countriesWithData : null,
      countriesTotal: p ? p.countriesTotal : null,
      difference: r.difference
    };
  });
  return {
    rows,
    maxAbsDifference: comparison.maxAbsDifference,
    maxAbsDifferenceYear: comparison.maxAbsDifferenceYear,
    yearsCompared: comparison.yearsCompared,
    unavailableYears: computed.filter((p) => !p.available).map((p) => p.year),
    coverageThreshold: COVERAGE_THRESHOLD
  };
}

export interface MemberLatest {
  code: string;
  name: string;
  year: number | null;
  value: number | null;
  vintage: string | null;
}

/** Member countries with their latest value of an indicator (null when they have none). */
export async function membersLatest(members: string[], indicator: string): Promise<MemberLatest[]> {
  if (members.length === 0) return [];
  // Every country once per build (a cached query), filtered here: no 200-code IN list per page.
  const wanted = new Set(members);
  const [countries, values] = await Promise.all([
    query<{ code: string; name: string }>('SELECT code, name FROM economy WHERE NOT is_aggregate ORDER BY name'),
    indicatorValues(indicator)
  ]);
  const economies = countries.filter((c) => wanted.has(c.code));
  return economies.map(({ code, name }) => {
    const e = values.byEconomy.get(code);
    // The latest year's point (series are ordered by year).
    const last = e ? e.series.length - 1 : -1;
    return last >= 0
      ? { code, name, year: e!.series[last].year, value: e!.series[last].value, vintage: e!.vintages[last] }
      : { code, name, year: null, value: null, vintage: null };
  });
}

export interface RegionListItem {
  code: string;
  name: string;
  kind: string;
  /** null when the publisher gives no membership (ITU aggregates). */
  members: number | null;
  linked: boolean;
}

/** The index: WLD, WB regions, income groups and LDC (all with pages), then UN groupings with counts. */
export async function regionIndex(): Promise<RegionListItem[]> {
  const rows = await query<{ code: string; name: string; kind: string; members: number; linked: boolean; ord: number }>(
    `WITH groups AS (
       SELECT classification, group_code, any_value(group_name) AS group_name, count(DISTINCT economy)::INTEGER AS members
         FROM economy_group WHERE classification IN ('wb_region', 'wb_income', 'ldc', 'lldc', 'sids', 'development')
        GROUP BY ALL
     ), pages AS (
       SELECT e.code, e.name FROM economy e
        WHERE e.is_aggregate AND EXISTS (SELECT 1 FROM observation o WHERE o.economy = e.code AND o.disaggregation = '')
     )
     SELECT 'WLD' AS code, (SELECT name FROM economy WHERE code = 'WLD') AS name, 'World' AS kind,
            (SELECT count(*)::INTEGER FROM economy WHERE NOT is_aggregate AND wb_region IS NOT NULL) AS members,
            EXISTS (SELECT 1 FROM pages WHERE code = 'WLD') AS linked, 0 AS ord
     UNION ALL
     SELECT g.group_code, coalesce(p.name, g.group_name),
            CASE g.classification WHEN 'wb_region' THEN 'World Bank region' WHEN 'wb_income' THEN 'World Bank income group'
              WHEN 'ldc' THEN 'UN grouping (M49)' WHEN 'lldc' THEN 'UN grouping (M49)' WHEN 'sids' THEN 'UN grouping (M49)'
              ELSE 'UN development status (M49)' END,
            g.members, p.code IS NOT NULL,
            CASE g.classification WHEN 'wb_region' THEN 1 WHEN 'wb_income' THEN 2 WHEN 'ldc' THEN 3 WHEN 'lldc' THEN 4 WHEN 'sids' THEN 5 ELSE 6 END
       FROM groups g LEFT JOIN pages p ON p.code = g.group_code AND g.classification IN ('wb_region', 'wb_income', 'ldc')
     ORDER BY ord, name`
  );
  return rows.map(({ ord: _ord, ...r }) => r);
}

export type { EconomyIndicatorStatus as IndicatorStatus } from '$lib/economy-status';
import type { EconomyIndicatorStatus as IndicatorStatus } from '$lib/economy-status';
import { m } from '$lib/paraglide/messages.js';

/** The catalog properties that decide the verdict: the goal if any, else the stored direction (null: not judged). */
function entryOf(ind: IndicatorInfo): CatalogEntry {
  return ind.goal
    ? { goalValue: ind.goal.goalValue, higherIsBetter: ind.goal.higherIsBetter, upperBound: ind.goal.upperBound }
    : { goalValue: null, higherIsBetter: ind.direction, upperBound: ind.upperBound };
}

/** Per headline indicator: the latest value, the verdict at the horizon (where a goal is set) and the vintage served. */
export async function indicatorStatuses(economy: string, horizon: number, list: IndicatorInfo[]): Promise<IndicatorStatus[]> {
  return Promise.all(
    list.map(async (ind) => {
      const [s, served] = await Promise.all([series(ind.code, economy), servedFrom(ind.code, economy)]);
      const latest = s.length ? s[s.length - 1] : null;
      const a = ind.goal ? await assessSeries(s, ind.goal, horizon) : null;
      const cells = verdictCells(s, entryOf(ind), horizon);
      return {
        indicator: ind.code,
        name: ind.name,
        unit: ind.unit,
        goal: ind.goal?.goalValue ?? null,
        latestYear: latest?.year ?? null,
        latestValue: latest?.value ?? null,
        status: a?.status ?? null,
        byHorizon: cells.byHorizon,
        now: cells.now,
        reason: a?.reason ?? null,
        note: a?.note ?? null,
        baselineYear: a?.baseline?.year ?? null,
        baselineValue: a?.baseline?.value ?? null,
        projectedYearReached: a?.projectedYearReached ?? null,
        firstYearMet: a?.firstYearMet ?? null,
        served: describeServed(served)
      };
    })
  );
}

export type { Series };
