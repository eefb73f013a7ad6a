// Staging area shared by every World Bank reader (bulk CSV layouts, zip, DataBank, API).
// Readers only put raw text into stg_batch / stg_observation; one validation step
// (observations.ts) then checks codes, numbers, ranges and duplicates, quarantines what
// fails with the reason, and publishes observation_all / observation.
import type { DuckDBConnection } from '@duckdb/node-api';

export const STAGING_DDL = [
  `CREATE TABLE IF NOT EXISTS stg_batch (
     batch_id VARCHAR PRIMARY KEY,
     original_code VARCHAR,      -- indicator code as found in the file (before alias mapping)
     vintage DATE,               -- Last Updated Date / API lastupdated; NULL when absent
     layout VARCHAR,             -- wb-bulk, wb-bulk-noheader, wb-excel, databank, wb-api
     file VARCHAR,               -- path relative to the mirror, or API URL
     checksum VARCHAR,           -- sha256 of the input bytes
     source VARCHAR              -- citation
   )`,
  `CREATE TABLE IF NOT EXISTS stg_observation (
     batch_id VARCHAR,
     economy VARCHAR,            -- code as found (Country Code / countryiso3code)
     economy_name VARCHAR,       -- name as found, for error messages
     year VARCHAR,               -- as found (e.g. "1999", "1999 [YR1999]" already cleaned to "1999")
     raw_value VARCHAR,          -- as found; empty, NULL or '..' means missing
     row_number INTEGER,         -- 1-based line number in the file (or index in the API response)
     file VARCHAR
   )`
];

export async function ensureStaging(conn: DuckDBConnection): Promise<void> {
  for (const ddl of STAGING_DDL) await conn.run(ddl);
}

export interface StagedBatch {
  batch_id: string;
  original_code: string;
  vintage: string | null; // YYYY-MM-DD
  layout: string;
  file: string;
  checksum: string;
  source: string;
}

export interface StagedRow {
  economy: string;
  economy_name: string | null;
  year: string;
  raw_value: string | null;
  row_number: number;
}

export async function stageBatch(conn: DuckDBConnection, batch: StagedBatch): Promise<void> {
  await ensureStaging(conn);
  const stmt = await conn.prepare('INSERT INTO stg_batch VALUES ($1, $2, $3::DATE, $4, $5, $6, $7)');
  try {
    stmt.bind([batch.batch_id, batch.original_code, batch.vintage, batch.layout, batch.file, batch.checksum, batch.source]);
    await stmt.run();
  } finally {
    stmt.destroySync();
  }
}

/** Append rows parsed in JavaScript (API responses, small files) with DuckDB's appender. */
export async function stageRows(conn: DuckDBConnection, batch: StagedBatch, rows: StagedRow[]): Promise<void> {
  await ensureStaging(conn);
  const appender = await conn.createAppender('stg_observation');
  try {
    for (const r of rows) {
      appender.appendVarchar(batch.batch_id);
      appender.appendVarchar(r.economy);
      if (r.economy_name == null) appender.appendNull();
      else appender.appendVarchar(r.economy_name);
      appender.appendVarchar(r.year);
      if (r.raw_value == null) appender.appendNull();
      else appender.appendVarchar(r.raw_value);
      appender.appendInteger(r.row_number);
      appender.appendVarchar(batch.file);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
