// /compare: the economies one can put side by side (countries and the publishers' aggregates
// that have values of the indicator) and where each compared series comes from.
import { query } from '../warehouse';

export interface ComparableEconomy {
  code: string;
  name: string;
  isAggregate: boolean;
}

/** Economies with at least one served value of the indicator: countries first, then aggregates, by name. */
export async function comparableEconomies(indicator: string): Promise<ComparableEconomy[]> {
  return query<ComparableEconomy & Record<string, string | boolean>>(
    `SELECT e.code, e.name, e.is_aggregate AS "isAggregate" FROM economy e
      WHERE EXISTS (SELECT 1 FROM observation o WHERE o.indicator = $1 AND o.economy = e.code AND o.disaggregation = '')
      ORDER BY e.is_aggregate, e.name`,
    [indicator]
  );
}

export interface SeriesSource {
  economy: string;
  file: string;
  vintage: string | null;
  values: number;
  firstYear: number;
  lastYear: number;
}

/** Per economy, the served batches (file, vintage) its values come from. */
export async function seriesSources(indicator: string, economies: string[]): Promise<SeriesSource[]> {
  if (economies.length === 0) return [];
  const ph = economies.map((_, i) => `$${i + 2}`).join(', ');
  return query<SeriesSource & Record<string, string | number | null>>(
    `SELECT o.economy, b.file, b.vintage::VARCHAR AS vintage, count(*)::INTEGER AS "values",
            min(o.year)::INTEGER AS "firstYear", max(o.year)::INTEGER AS "lastYear"
       FROM observation o JOIN observation_batch b ON b.batch_id = o.batch_id
      WHERE o.indicator = $1 AND o.disaggregation = '' AND o.economy IN (${ph})
      GROUP BY o.economy, b.file, b.vintage ORDER BY o.economy, b.vintage DESC NULLS LAST`,
    [indicator, ...economies]
  );
}
