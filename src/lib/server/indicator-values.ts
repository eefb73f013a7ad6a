// Every served value of one indicator at one disaggregation (the total '' unless a caller
// asks for a breakdown), read in one query per build and indexed by economy. A page asks for many series of the same indicator (a country, its
// region and the world; every member of a group; the batches that serve each of them): one
// scan answers them all, where one query each queued a dozen small scans behind DuckDB's
// threads on every first visit. Kept per build for the most recently used indicators.
import type { Series } from '$lib/progress';
import { perBuild } from './build-memo';
import { query, queryUncached } from './warehouse';

export interface Batch {
  batchId: string;
  vintage: string | null;
  file: string;
  layout: string;
  /** Publisher of the batch's values (World Bank, ITU, ...); null in warehouses built before the column. */
  publisher: string | null;
}

export interface EconomyValues {
  /** As the observation row says (World Bank or other publisher aggregates). */
  isAggregate: boolean;
  series: Series;
  /** Vintage of each point of `series` (same order). */
  vintages: (string | null)[];
  /** Batch of each point of `series` (same order). */
  batches: string[];
}

export interface IndicatorValues {
  indicator: string;
  disaggregation: string;
  byEconomy: Map<string, EconomyValues>;
  batches: Map<string, Batch>;
}

export function indicatorValues(indicator: string, disaggregation = ''): Promise<IndicatorValues> {
  return perBuild('indicator-values', `${indicator}\u0000${disaggregation}`, () => load(indicator, disaggregation), valuesBytes);
}

/**
 * Heap estimate counted against the memo's byte budget (build-memo.ts): a point is an object
 * of two numbers plus two references (vintage and batch strings are shared), about 100 bytes;
 * each economy and batch adds its arrays and strings. At scale an indicator holds about
 * 17,000 values, 1.7 MB.
 */
function valuesBytes(v: IndicatorValues): number {
  let n = 64;
  for (const [code, e] of v.byEconomy) n += 200 + code.length * 2 + e.series.length * 100;
  for (const b of v.batches.values()) n += 200 + 2 * (b.batchId.length + b.file.length + b.layout.length + 20);
  return n;
}

async function load(indicator: string, disaggregation: string): Promise<IndicatorValues> {
  const [rows, batchRows] = await Promise.all([
    // Not kept in the query cache as well: the memo holds these values, indexed.
    queryUncached<{ economy: string; isAggregate: boolean; year: number; value: number; vintage: string | null; batch: string }>(
      `SELECT economy, is_aggregate AS "isAggregate", year, value, vintage, batch_id AS batch FROM observation
        WHERE indicator = $1 AND disaggregation = $2 ORDER BY economy, year`,
      [indicator, disaggregation]
    ),
    query<Batch & Record<string, string | null>>('SELECT batch_id AS "batchId", vintage, file, layout, publisher FROM observation_batch')
  ]);
  const byEconomy = new Map<string, EconomyValues>();
  for (const r of rows) {
    let e = byEconomy.get(r.economy);
    if (!e) byEconomy.set(r.economy, (e = { isAggregate: r.isAggregate, series: [], vintages: [], batches: [] }));
    e.series.push({ year: r.year, value: r.value });
    e.vintages.push(r.vintage);
    e.batches.push(r.batch);
  }
  // Only the batches this indicator's values come from (the table lists every indicator's).
  const used = new Set(rows.map((r) => r.batch));
  return { indicator, disaggregation, byEconomy, batches: new Map(batchRows.filter((b) => used.has(b.batchId)).map((b) => [b.batchId, b])) };
}

/** One economy's series (a copy: callers may sort or extend it). */
export function seriesOf(values: IndicatorValues, economy: string): Series {
  return (values.byEconomy.get(economy)?.series ?? []).map((p) => ({ ...p }));
}

/** Newest vintage first, undated last, then by file (as `ORDER BY vintage DESC NULLS LAST, file`). */
export function byVintageThenFile(a: { vintage: string | null; file: string }, b: { vintage: string | null; file: string }): number {
  if (a.vintage !== b.vintage) {
    if (a.vintage === null) return 1;
    if (b.vintage === null) return -1;
    return a.vintage < b.vintage ? 1 : -1;
  }
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
