// What a world map needs: every country (with its M49 code, the key the map shapes use), each
// country's value for one year or its latest value, and every country's series for verdicts.
// Totals only (disaggregation = ''), like every page.
import type { Series } from '$lib/progress';
import { perBuild } from '../build-memo';
import { query, queryUncached } from '../warehouse';
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

/** Where one economy's served values of an indicator come from: a batch and the years it serves. */
interface EconomyBatch {
  file: string;
  vintage: string | null;
  years: number[];
}

/**
 * Each economy's served batches of an indicator (totals only), once per build: a map's
 * "served from" line used to be a query per map (11-16 ms on the mirror's build, at every
 * first visit of a region page with a chosen indicator); it is now counted from this.
 */
function servedBatches(indicator: string): Promise<Map<string, EconomyBatch[]>> {
  return perBuild('served-batches', indicator, async () => {
    const rows = await queryUncached(
      `SELECT o.economy, b.file, b.vintage::VARCHAR AS vintage, list(o.year ORDER BY o.year) AS years
         FROM observation o JOIN observation_batch b ON b.batch_id = o.batch_id
        WHERE o.indicator = $1 AND o.disaggregation = ''
        GROUP BY o.economy, b.file, b.vintage`,
      [indicator]
    );
    const out = new Map<string, EconomyBatch[]>();
    for (const r of rows) {
      const entry = { file: String(r.file), vintage: r.vintage == null ? null : String(r.vintage), years: r.years as number[] };
      const list = out.get(String(r.economy));
      if (list) list.push(entry);
      else out.set(String(r.economy), [entry]);
    }
    return out;
  }, servedBatchesBytes);
}

/** A rough size for the memo's budget: the walk of estimateBytes does not see into a Map. */
function servedBatchesBytes(byEconomy: Map<string, EconomyBatch[]>): number {
  let n = 64;
  for (const list of byEconomy.values()) for (const b of list) n += 160 + b.file.length * 2 + b.years.length * 8;
  return n;
}

/** A served batch (file and vintage) and how many of the selected values it serves. */
export interface ServedBatchCount {
  file: string;
  vintage: string | null;
  n: number;
}

/** Newest vintage first, a batch without one last, then by file (as the query ordered them: vintage DESC NULLS LAST, file). */
function newestVintageFirst(a: ServedBatchCount, b: ServedBatchCount): number {
  if (a.vintage !== b.vintage) {
    if (a.vintage === null) return 1;
    if (b.vintage === null) return -1;
    return a.vintage < b.vintage ? 1 : -1;
  }
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** The served batches (file and vintage) behind the values of the given economies, in `year` or in every year, with their value counts. */
export async function servedFrom(indicator: string, economies: string[], year: number | null): Promise<ServedBatchCount[]> {
  const byEconomy = await servedBatches(indicator);
  const counts = new Map<string, ServedBatchCount>();
  for (const economy of new Set(economies)) {
    for (const b of byEconomy.get(economy) ?? []) {
      const n = year === null ? b.years.length : b.years.includes(year) ? 1 : 0;
      if (n === 0) continue;
      const key = `${b.file}\u0000${b.vintage}`;
      const c = counts.get(key);
      if (c) c.n += n;
      else counts.set(key, { file: b.file, vintage: b.vintage, n });
    }
  }
  return [...counts.values()].sort(newestVintageFirst);
}

/** The map's "served from" line: each batch behind the values of the given economies. */
export async function vintagesOf(indicator: string, economies: string[], year: number | null): Promise<string> {
  if (economies.length === 0) return 'no values';
  const rows = await servedFrom(indicator, economies, year);
  return rows.map((r) => (rows.length > 1 ? m.cd_file_vintage_n({ file: r.file, vintage: r.vintage ?? m.series_vintage_not_stated(), count: r.n }) : m.cd_file_vintage({ file: r.file, vintage: r.vintage ?? m.series_vintage_not_stated() }))).join('; ');
}
