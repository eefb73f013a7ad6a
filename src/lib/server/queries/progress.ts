// Progress queries: series from the warehouse fed to the pure method in $lib/progress.
import { aggregate, assess, compareWithPublished, type AggregatePoint, type Assessment, type Goal, type Series } from '$lib/progress';
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
  const rows = await query<{ year: number; value: number }>(
    "SELECT year, value FROM observation WHERE indicator = $1 AND economy = $2 AND disaggregation = '' ORDER BY year",
    [indicator, economy]
  );
  return rows.map((r) => ({ year: r.year, value: r.value }));
}

/** Series of several economies in one query, keyed by economy code. */
export async function seriesByEconomy(indicator: string, economies: string[]): Promise<Map<string, Series>> {
  const out = new Map<string, Series>(economies.map((e) => [e, []]));
  if (economies.length === 0) return out;
  const placeholders = economies.map((_, i) => `$${i + 2}`).join(', ');
  const rows = await query<{ economy: string; year: number; value: number }>(
    `SELECT economy, year, value FROM observation WHERE indicator = $1 AND disaggregation = '' AND economy IN (${placeholders}) ORDER BY economy, year`,
    [indicator, ...economies]
  );
  for (const r of rows) out.get(r.economy)?.push({ year: r.year, value: r.value });
  return out;
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

/** Population-weighted aggregate of an indicator over a list of countries, with coverage. */
export async function computedAggregate(indicator: string, members: string[]): Promise<AggregatePoint[]> {
  if (members.length === 0) return [];
  const placeholders = members.map((_, i) => `$${i + 3}`).join(', ');
  const rows = await query<{ indicator: string; country: string; year: number; value: number }>(
    `SELECT indicator, economy AS country, year, value FROM observation
      WHERE indicator IN ($1, $2) AND disaggregation = '' AND economy IN (${placeholders})`,
    [indicator, 'SP.POP.TOTL', ...members]
  );
  const values = rows.filter((r) => r.indicator === indicator).map(({ country, year, value }) => ({ country, year, value }));
  const populations = rows.filter((r) => r.indicator === 'SP.POP.TOTL').map(({ country, year, value }) => ({ country, year, value }));
  if (values.length === 0) return [];
  return aggregate(values, populations, { members });
}

/** The computed aggregate against the World Bank's own published aggregate row. */
export async function aggregateCheck(indicator: string, members: string[], publishedCode: string) {
  const computed = await computedAggregate(indicator, members);
  const published = await series(indicator, publishedCode);
  return { computed, published, comparison: compareWithPublished(computed, published) };
}
