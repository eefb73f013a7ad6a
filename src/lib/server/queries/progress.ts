// Progress queries: series from the warehouse fed to the pure method in $lib/progress.
import { aggregate, assess, compareWithPublished, type AggregatePoint, type Assessment, type Goal, type Series } from '$lib/progress';
import { indicatorValues, seriesOf } from '../indicator-values';
import { perBuild } from '../build-memo';
import { query } from '../warehouse';

export interface IndicatorGoal {
  indicator: string;
  indicatorName: string;
  unit: string;
  targetIndicatorId: string | null;
  target: number | null;
  goalValue: number;
  goalReasoning: string;
  higherIsBetter: boolean;
  upperBound: number | null;
}

/** Indicators with a goal value (from the reference target indicators) and a loaded series (the first by priority). */
export async function indicatorGoals(): Promise<IndicatorGoal[]> {
  const rows = await query(
    `SELECT i.code AS indicator, i.name AS "indicatorName", i.unit, t.id AS "targetIndicatorId", t.target,
            t.goal_value AS "goalValue", t.goal_reasoning AS "goalReasoning",
            coalesce(i.higher_is_better, true) AS "higherIsBetter", i.upper_bound AS "upperBound"
       FROM target_indicator t
       JOIN target_indicator_series s ON s.target_indicator = t.id
       JOIN indicator i ON i.code = s.series_code
      WHERE t.goal_value IS NOT NULL
      QUALIFY row_number() OVER (PARTITION BY t.id ORDER BY s.priority, s.series_code) = 1
      ORDER BY t.target, t.id`
  );
  return rows as unknown as IndicatorGoal[];
}

/** The catalog's direction of improvement (indicator.higher_is_better); null for context series that are not judged. */
export async function indicatorDirection(indicator: string): Promise<boolean | null> {
  const rows = await query<{ d: boolean | null }>('SELECT higher_is_better AS d FROM indicator WHERE code = $1', [indicator]);
  return rows[0]?.d ?? null;
}

export function goalFor(g: IndicatorGoal, horizon: number): Goal {
  return {
    value: g.goalValue,
    higherIsBetter: g.higherIsBetter,
    ...(g.upperBound != null ? { upperBound: g.upperBound } : {}),
    horizon
  };
}

export async function series(indicator: string, economy: string): Promise<Series> {
  return seriesOf(await indicatorValues(indicator), economy);
}

/** Series of several economies, keyed by economy code (every code present, empty when it has no values). */
export async function seriesByEconomy(indicator: string, economies: string[]): Promise<Map<string, Series>> {
  if (economies.length === 0) return new Map();
  const values = await indicatorValues(indicator);
  return new Map(economies.map((e) => [e, seriesOf(values, e)]));
}

export async function assessSeries(s: Series, g: IndicatorGoal, horizon: number, asOf?: number): Promise<Assessment> {
  return assess(s, goalFor(g, horizon), asOf != null ? { asOf } : undefined);
}

/** Member countries of a group (World Bank region or income group, M49 group, ...). */
export async function groupMembers(classification: string, groupCode: string): Promise<string[]> {
  const rows = await query<{ economy: string }>(
    'SELECT DISTINCT economy FROM economy_group WHERE classification = $1 AND group_code = $2 ORDER BY economy',
    [classification, groupCode]
  );
  return rows.map((r) => r.economy);
}

/** All countries (not aggregates) with a World Bank region: the membership of the computed World. */
export async function worldMembers(): Promise<string[]> {
  const rows = await query<{ code: string }>(
    'SELECT code FROM economy WHERE NOT is_aggregate AND wb_region IS NOT NULL ORDER BY code'
  );
  return rows.map((r) => r.code);
}

/**
 * Population-weighted aggregate of an indicator over a list of countries, with coverage: once per
 * build and (indicator, members), since it walks every member's values and populations (the target
 * pages of both horizons, the series chart and the action lines ask for the same world aggregates).
 * Callers must not change the points.
 */
export function computedAggregate(indicator: string, members: string[]): Promise<AggregatePoint[]> {
  if (members.length === 0) return Promise.resolve([]);
  return perBuild('computed-aggregate', `${indicator}\u0000${members.join(',')}`, () => computeAggregate(indicator, members));
}

async function computeAggregate(indicator: string, members: string[]): Promise<AggregatePoint[]> {
  const [own, population] = await Promise.all([indicatorValues(indicator), indicatorValues('SP.POP.TOTL')]);
  // Rows in the order the members are listed; aggregate() does not depend on it.
  const rowsOf = (v: typeof own) => members.flatMap((country) => (v.byEconomy.get(country)?.series ?? []).map(({ year, value }) => ({ country, year, value })));
  const values = rowsOf(own);
  const populations = rowsOf(population);
  if (values.length === 0) return [];
  return aggregate(values, populations, { members });
}

/** The computed aggregate against the World Bank's own published aggregate row. */
export async function aggregateCheck(indicator: string, members: string[], publishedCode: string) {
  const computed = await computedAggregate(indicator, members);
  const published = await series(indicator, publishedCode);
  return { computed, published, comparison: compareWithPublished(computed, published) };
}
