// The staging area every source writes its observations into. Readers only put text into
// stg_batch / stg_observation (or, for millions of already-parsed values, stg_bulk_value);
// the one publish step (publish.ts) then checks codes, numbers, ranges, disaggregations and
// duplicate keys, quarantines what fails with the reason, and publishes observation_all /
// observation_batch / observation.
import type { DuckDBConnection } from '@duckdb/node-api';

export const STAGING_DDL = [
  `CREATE TEMP TABLE IF NOT EXISTS stg_batch (
     batch_id VARCHAR PRIMARY KEY,
     original_code VARCHAR,      -- indicator code as found in the input (before alias mapping)
     vintage DATE,               -- publisher's release date (Last Updated Date, API lastupdated, ...); NULL when absent
     publisher VARCHAR,          -- who publishes the values: World Bank, ITU, UN DESA, ...
     layout VARCHAR,             -- input layout, e.g. wb-bulk, databank, wb-api, itu-xlsx
     file VARCHAR,               -- path relative to the mirror, or API URL
     checksum VARCHAR,           -- sha256 of the input bytes
     source VARCHAR,             -- citation
     source_id VARCHAR,          -- quarantine label of its refused values (the World Bank sources share 'worldbank')
     pipeline_source VARCHAR,    -- the running source's id, stamped by the runner after the source (run.ts)
     batch_no INTEGER,           -- the batch's number in stg_bulk_value (batches staged there only)
     keys_unique BOOLEAN,        -- true when the reader guarantees (economy, year, disaggregation) never repeats within
                                 -- the batch (a bulk file without two lines for one economy): publish skips its duplicate-key scan
     direct BOOLEAN              -- true when the reader wrote the batch's values straight into observation_value, each
                                 -- one having passed publish's checks (checks.ts): publish only fingerprints and picks them
   )`,
  `CREATE TEMP TABLE IF NOT EXISTS stg_observation (
     batch_id VARCHAR,
     economy VARCHAR,            -- ISO3 or declared aggregate code (see aggregates.ts)
     economy_name VARCHAR,       -- name as found, for error messages
     year VARCHAR,               -- as found (e.g. "1999"; "1999 [YR1999]" already cleaned to "1999")
     raw_value VARCHAR,          -- as found; empty, NULL or '..' means missing
     row_number INTEGER,         -- 1-based line number in the file (or index in the API response)
     file VARCHAR,
     disaggregation VARCHAR      -- '' = the total; see disaggregation.ts
   )`
];

export async function ensureStaging(conn: DuckDBConnection): Promise<void> {
  // One call for both: readers call this per batch, and each statement costs a round trip.
  await conn.run(STAGING_DDL.join(';\n'));
}

/**
 * Values already trimmed and parsed, for readers that unpivot millions of values in SQL
 * (the World Bank bulk files): a temporary table, never written to the warehouse file.
 * Columns: batch_no (stg_batch.batch_no: a small number per value instead of the batch_id
 * text, which costs memory and hashing at millions of values), economy, economy_name,
 * row_number, year_text, raw, v, disaggregation.
 */
export const BULK_STAGING = 'stg_bulk_value';

export async function ensureBulkStaging(conn: DuckDBConnection): Promise<void> {
  await ensureStaging(conn);
  await conn.run(`CREATE TEMP TABLE IF NOT EXISTS ${BULK_STAGING} (
    batch_no INTEGER, economy VARCHAR, economy_name VARCHAR, row_number INTEGER,
    year_text VARCHAR, raw VARCHAR, v DOUBLE, disaggregation VARCHAR)`);
}

export interface StagedBatch {
  batch_id: string;
  original_code: string;
  vintage: string | null; // YYYY-MM-DD
  /** Publisher of the values (World Bank, ITU, UN DESA, ...). */
  publisher: string;
  layout: string;
  file: string;
  checksum: string;
  /** Citation. */
  source: string;
  /** Pipeline source id; the publish step's quarantine rows for this batch carry it. */
  source_id: string;
}

export interface StagedRow {
  economy: string;
  economy_name: string | null;
  year: string;
  raw_value: string | null;
  row_number: number;
  /** '' (or absent) = the total. */
  disaggregation?: string;
  /** Input file of the row when it differs from the batch's (a batch spanning several files). */
  file?: string;
}

/** What a bulk reader also records of a batch: its number and whether its keys are unique or its values already written. */
export interface BulkBatchColumns {
  batch_no: number;
  keys_unique: boolean;
  direct: boolean;
}

/** Record staged batches in stg_batch (one statement); bulk readers add their columns (BulkBatchColumns). */
export async function stageBatches(conn: DuckDBConnection, batches: (StagedBatch & Partial<BulkBatchColumns>)[]): Promise<void> {
  if (batches.length === 0) return;
  await ensureStaging(conn);
  const lit = (v: string | number | boolean | null | undefined) =>
    v == null ? 'NULL' : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v);
  await conn.run(
    `INSERT INTO stg_batch (batch_id, original_code, vintage, publisher, layout, file, checksum, source, source_id, batch_no, keys_unique, direct) VALUES ${batches
      .map((b) => `(${lit(b.batch_id)}, ${lit(b.original_code)}, ${lit(b.vintage)}::DATE, ${[b.publisher, b.layout, b.file, b.checksum, b.source, b.source_id, b.batch_no, b.keys_unique, b.direct].map(lit).join(', ')})`)
      .join(', ')}`
  );
}

export async function stageBatch(conn: DuckDBConnection, batch: StagedBatch): Promise<void> {
  await stageBatches(conn, [batch]);
}

/** Append rows parsed in JavaScript (API responses, small files) with DuckDB's appender, each with its batch and file. */
export async function stageRows(conn: DuckDBConnection, rows: (Required<Omit<StagedRow, 'file'>> & { batch_id: string; file: string })[]): Promise<void> {
  await ensureStaging(conn);
  const appender = await conn.createAppender('stg_observation');
  try {
    for (const r of rows) {
      appender.appendVarchar(r.batch_id);
      appender.appendVarchar(r.economy);
      if (r.economy_name == null) appender.appendNull();
      else appender.appendVarchar(r.economy_name);
      appender.appendVarchar(r.year);
      if (r.raw_value == null) appender.appendNull();
      else appender.appendVarchar(r.raw_value);
      appender.appendInteger(r.row_number);
      appender.appendVarchar(r.file);
      appender.appendVarchar(r.disaggregation);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/**
 * The first free batch number: after every batch staged and every batch already published
 * (a second publish into one warehouse), since observation_value keys values by it.
 */
export async function nextBatchNo(conn: DuckDBConnection): Promise<number> {
  const [[n]] = (
    await conn.runAndReadAll(`SELECT greatest((SELECT coalesce(max(batch_no), 0) FROM stg_batch), (SELECT coalesce(max(batch_no), 0) FROM observation_batch)) + 1`)
  ).getRows();
  return Number(n);
}

/** Batch identifiers: one batch per indicator per input, named so a reader can tell what it is. */
export function batchId(code: string, vintage: string | null, checksum: string): string {
  return `${code || '(none)'}@${vintage ?? 'undated'}#${checksum.slice(0, 8)}`;
}

/** The first of id, id~2, id~3, ... not in taken. */
export function freeId(taken: Set<string>, id: string): string {
  if (!taken.has(id)) return id;
  for (let k = 2; ; k++) if (!taken.has(`${id}~${k}`)) return `${id}~${k}`;
}

/** The same input staged twice (same bytes) would reuse an id: number the later copies. */
export async function freeBatchId(conn: DuckDBConnection, id: string): Promise<string> {
  await ensureStaging(conn);
  const taken = new Set((await conn.runAndReadAll('SELECT batch_id FROM stg_batch')).getRows().map((r) => String(r[0])));
  return freeId(taken, id);
}
