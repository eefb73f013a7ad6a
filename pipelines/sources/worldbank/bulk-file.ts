// Stage one World Bank bulk CSV (native, no-preamble or Excel re-save layout): DuckDB parses
// it (read_csv from the header line, every column as text, malformed lines kept in
// reject_errors) and the year columns are unpivoted in SQL into stg_observation. JavaScript
// only looks at the first few KB (layout.ts), so big files are never parsed row by row here.
import type { DuckDBConnection } from '@duckdb/node-api';
import { insertQuarantine } from '../../lib/warehouse';
import type { QuarantineRow } from '../../lib/context';
import type { BulkLayout } from './layout';
import { ensureStaging, stageBatch, type StagedBatch } from './staging';
import { batchId, fileCitation } from './batch-id';
import { sqlIdent, sqlString } from './sql-text';

export const QUARANTINE_SOURCE = 'worldbank';
const ID_COLUMNS = ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code'];

export interface StagedFile {
  batches: StagedBatch[];
  /** Data lines parsed (good + malformed). */
  linesRead: number;
  linesRejected: number;
}

export async function stageBulkFile(
  conn: DuckDBConnection,
  diskPath: string,
  file: string,
  det: BulkLayout,
  checksum: string
): Promise<StagedFile> {
  await ensureStaging(conn);
  const columns = `{${det.columns.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ')}}`;
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE wb_file AS
     SELECT row_number() OVER () AS rn, * FROM read_csv(${sqlString(diskPath)},
       skip = ${det.headerLine - 1}, header = true, auto_detect = false, columns = ${columns},
       delim = ',', quote = '"', escape = '"', store_rejects = true)`
  );
  const rejects = await takeRejects(conn, file);
  const good = Number((await conn.runAndReadAll('SELECT count(*)::INTEGER FROM wb_file')).getRows()[0][0]);
  const codes = (await conn.runAndReadAll(`SELECT DISTINCT coalesce("Indicator Code", '') FROM wb_file ORDER BY 1`))
    .getRows()
    .map((r) => String(r[0]));

  const batches: StagedBatch[] = [];
  for (const code of codes) {
    const batch: StagedBatch = {
      batch_id: await freeBatchId(conn, batchId(code, det.vintage, checksum)),
      original_code: code,
      vintage: det.vintage,
      layout: det.layout,
      file,
      checksum,
      source: fileCitation(file, det.vintage)
    };
    await stageBatch(conn, batch);
    batches.push(batch);
  }
  const years = det.columns.filter((c) => !ID_COLUMNS.includes(c) && !c.startsWith('_blank'));
  if (batches.length > 0 && years.length > 0) {
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE wb_codes AS SELECT * FROM (VALUES ${batches
        .map((b) => `(${sqlString(b.original_code)}, ${sqlString(b.batch_id)})`)
        .join(', ')}) t(code, batch_id)`
    );
    const lineOf = await lineNumberExpression(conn, det.headerLine, good, rejects.map((r) => r.row_number!));
    const yearList = years.map(sqlIdent).join(', ');
    await conn.run(
      `INSERT INTO stg_observation
       SELECT m.batch_id, u."Country Code", u."Country Name", u.year, u.raw_value, ${lineOf}, ${sqlString(file)}
       FROM (UNPIVOT (SELECT rn, "Country Code", "Country Name", coalesce("Indicator Code", '') AS code, ${yearList} FROM wb_file)
             ON ${yearList} INTO NAME year VALUE raw_value) u
       JOIN wb_codes m ON m.code = u.code
       ${rejects.length > 0 ? 'JOIN wb_lines l ON l.rn = u.rn' : ''}`
    );
  }
  await conn.run('DROP TABLE IF EXISTS wb_file');
  return { batches, linesRead: good + rejects.length, linesRejected: rejects.length };
}

/** Move DuckDB's rejected lines of the last scan into quarantine ("malformed line: ..."). */
async function takeRejects(conn: DuckDBConnection, file: string): Promise<QuarantineRow[]> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT line::INTEGER, any_value(error_message), any_value(csv_line) FROM reject_errors GROUP BY line ORDER BY line`
    )
  ).getRows();
  await conn.run('DELETE FROM reject_errors');
  await conn.run('DELETE FROM reject_scans');
  const quarantined = rows.map((r) => ({
    source: QUARANTINE_SOURCE,
    file,
    row_number: Number(r[0]),
    reason: `malformed line: ${String(r[1])}`,
    raw: r[2] == null ? null : String(r[2])
  }));
  await insertQuarantine(conn, quarantined);
  return quarantined;
}

/**
 * The file line of each parsed row. DuckDB drops rejected lines from its output, so the
 * n-th good row sits on the n-th data line that was not rejected.
 */
async function lineNumberExpression(conn: DuckDBConnection, headerLine: number, good: number, rejected: number[]): Promise<string> {
  if (rejected.length === 0) return `(u.rn + ${headerLine})::INTEGER`;
  const skip = new Set(rejected);
  const pairs: string[] = [];
  for (let line = headerLine + 1, rn = 1; rn <= good; line++) {
    if (skip.has(line)) continue;
    pairs.push(`(${rn++}, ${line})`);
  }
  await conn.run('CREATE OR REPLACE TEMP TABLE wb_lines (rn BIGINT, line INTEGER)');
  if (pairs.length > 0) await conn.run(`INSERT INTO wb_lines VALUES ${pairs.join(', ')}`);
  return 'l.line::INTEGER';
}

/** The same file staged twice (same bytes) would reuse an id: number the later copies. */
export async function freeBatchId(conn: DuckDBConnection, id: string): Promise<string> {
  const taken = new Set(
    (await conn.runAndReadAll(`SELECT batch_id FROM stg_batch WHERE batch_id LIKE $1 || '%'`, [id])).getRows().map((r) => String(r[0]))
  );
  if (!taken.has(id)) return id;
  for (let k = 2; ; k++) if (!taken.has(`${id}~${k}`)) return `${id}~${k}`;
}
