// What a world map needs: every country (with its M49 code, the key the map shapes use), each
// country's value for one year or its latest value, and every country's series for verdicts.
// Totals only (disaggregation = ''), like every page.
import type { Series } from '$lib/progress';
import { query } from '../warehouse';
import { allSeries } from './mdgs';
import { m } from '$lib/paraglide/messages.js';

export interface MapCountry {
  code: string;
  name: string;
  m49: string | null;
}

/** The countries the dashboard counts (not aggregates, with a World Bank region), by name. */
export async function mapCountries(): Promise<MapCountry[]> {
  return query<MapCountry & Record<string, string | null>>(
    'SELECT code, name, m49 FROM economy WHERE NOT is_aggregate AND wb_region IS NOT NULL ORDER BY name'
  );
}

export interface CountryValue {
  year: number;
  value: number;
  vintage: string | null;
}

/** Each country's value in `year`, or its latest value when year is null. */
export async function countryValues(indicator: string, year: number | null): Promise<Map<string, CountryValue>> {
  const rows = await query<{ economy: string; year: number; value: number; vintage: string | null }>(
    `SELECT economy, arg_max(year, year) AS year, arg_max(value, year) AS value, arg_max(vintage::VARCHAR, year) AS vintage
       FROM observation
      WHERE indicator = $1 AND disaggregation = '' AND NOT is_aggregate AND ($2::INTEGER IS NULL OR year = $2::INTEGER)
      GROUP BY economy`,
    [indicator, year]
  );
  return new Map(rows.map((r) => [r.economy, { year: r.year, value: r.value, vintage: r.vintage }]));
}

/** Every country's served series of an indicator, keyed by code. */
export const countrySeries = (indicator: string): Promise<Map<string, Series>> => allSeries(indicator, true);

/** Years in which at least one country has a value. */
export async function countryYears(indicator: string): Promise<number[]> {
  const rows = await query<{ year: number }>(
    "SELECT DISTINCT year FROM observation WHERE indicator = $1 AND disaggregation = '' AND NOT is_aggregate ORDER BY year",
    [indicator]
  );
  return rows.map((r) => r.year);
}

/** Served batches (file and vintage) behind the values of the given economies. */
export async function vintagesOf(indicator: string, economies: string[], year: number | null): Promise<string> {
  if (economies.length === 0) return 'no values';
  const ph = economies.map((_, i) => `$${i + 3}`).join(', ');
  const rows = await query<{ file: string; vintage: string | null; n: number }>(
    `SELECT b.file, b.vintage::VARCHAR AS vintage, count(*)::INTEGER AS n
       FROM observation o JOIN observation_batch b ON b.batch_id = o.batch_id
      WHERE o.indicator = $1 AND o.disaggregation = '' AND ($2::INTEGER IS NULL OR o.year = $2::INTEGER) AND o.economy IN (${ph})
      GROUP BY b.file, b.vintage ORDER BY b.vintage DESC NULLS LAST, b.file`,
    [indicator, year, ...economies]
  );
  return rows.map((r) => (rows.length > 1 ? m.cd_file_vintage_n({ file: r.file, vintage: r.vintage ?? m.series_vintage_not_stated(), count: r.n }) : m.cd_file_vintage({ file: r.file, vintage: r.vintage ?? m.series_vintage_not_stated() }))).join('; ');
}
