// Stage World Bank bulk CSVs (native, no-preamble or Excel re-save layout) into the shared
// observation step: DuckDB parses them (read_csv from the header line, every column as text,
// malformed lines kept in reject_errors) and the year columns are unpivoted in SQL. Files with
// the same layout (header line and columns) are read by one read_csv call, so DuckDB reads
// them in parallel; JavaScript only looks at the first few KB of each file (layout.ts).
// Their non-missing values (millions of rows) go to the shared step's temporary table
// stg_bulk_value, already trimmed and parsed: writing them as raw text into stg_observation,
// a table of the warehouse file, cost about five times more. A clean file is never held
// whole in memory: its lines' identifying columns are read first, then the file again with
// its years unpivoted straight into staging (see stageGroup).
import type { DuckDBConnection } from '@duckdb/node-api';
import { insertQuarantine } from '../../lib/warehouse';
import type { QuarantineRow } from '../../lib/context';
import type { BulkLayout } from './layout';
import { BULK_STAGING, ensureBulkStaging, freeId, type StagedBatch } from '../../observations/staging';
import { batchId, fileCitation, PUBLISHER, QUARANTINE_SOURCE } from './batch-id';
import { sqlIdent, sqlString } from './sql-text';

const ID_COLUMNS = ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code'];
/** Files per read_csv call: bounds the size of the temporary table. */
const GROUP_SIZE = 100;

export interface StagedFile {
  batches: StagedBatch[];
  /** Data lines parsed (good + malformed). */
  linesRead: number;
  linesRejected: number;
  /** Files that could not be read at all, with the reason. */
  problems?: string[];
}

export interface BulkInput {
  diskPath: string;
  file: string;
  det: BulkLayout;
  checksum: string;
}

/** Stage bulk files, grouping those with identical layouts into one read_csv call. */
export async function stageBulkFiles(conn: DuckDBConnection, inputs: BulkInput[]): Promise<StagedFile> {
  await ensureBulkStaging(conn);
  const groups = new Map<string, BulkInput[]>();
  for (const input of inputs) {
    const key = JSON.stringify([input.det.headerLine, input.det.columns]);
    const group = groups.get(key) ?? [];
    groups.set(key, group);
    group.push(input);
  }
  const total: StagedFile = { batches: [], linesRead: 0, linesRejected: 0, problems: [] };
  const add = (s: StagedFile) => {
    total.batches.push(...s.batches);
    total.linesRead += s.linesRead;
    total.linesRejected += s.linesRejected;
  };
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i += GROUP_SIZE) {
      const chunk = group.slice(i, i + GROUP_SIZE);
      try {
        add(await stageGroup(conn, chunk));
      } catch {
        // One unreadable file must not cost the others: retry them one by one.
        for (const one of chunk) {
          try {
            add(await stageGroup(conn, [one]));
          } catch (err) {
            const reason = `unreadable file: ${readerMessage(err, one)}`;
            total.problems!.push(`${one.file}: ${reason}`);
            await insertQuarantine(conn, [{ source: QUARANTINE_SOURCE, file: one.file, row_number: null, reason, raw: null }]);
          }
        }
      }
    }
  }
  return total;
}

/**
 * DuckDB's message for a file it cannot read, made fit to publish: its first line only (the
 * rest lists parser settings), with the file's path on this machine replaced by its name in
 * the mirror, so the quarantine table never shows a server path.
 */
export function readerMessage(err: unknown, input: { diskPath: string; file: string }): string {
  const first = (err instanceof Error ? err.message : String(err)).split('\n')[0].trim();
  return first.split(input.diskPath).join(input.file);
}

/**
 * Stage one group of files of the same layout. Clean files (the usual case) are read twice,
 * never materialised whole: first their identifying columns (wb_file: per line its file,
 * code, economy and name; rowid gives the line), then again with the years unpivoted straight
 * into staging, each line found in wb_file by (file, code, economy). A group with malformed
 * lines or with two lines for one economy (a key that may repeat) is staged the older way,
 * `wide`: the whole file materialised, each value's line from the row it came from.
 */
async function stageGroup(conn: DuckDBConnection, group: BulkInput[], wide = false): Promise<StagedFile> {
  const { headerLine, columns } = group[0].det;
  const byPath = new Map(group.map((g) => [g.diskPath, g]));
  const struct = `{${columns.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ')}}`;
  const readCsv = `read_csv([${group.map((g) => sqlString(g.diskPath)).join(', ')}],
       skip = ${headerLine - 1}, header = true, auto_detect = false, columns = ${struct},
       delim = ',', quote = '"', escape = '"', store_rejects = true, filename = 'wb_path')`;
  const idColumns = ['wb_path', ...ID_COLUMNS.filter((c) => columns.includes(c))].map(sqlIdent).join(', ');
  // CREATE TABLE AS keeps the scan order (preserve_insertion_order), so rowid follows file lines.
  await conn.run(`CREATE OR REPLACE TEMP TABLE wb_file AS SELECT ${wide ? '*' : idColumns} FROM ${readCsv}`);
  const retryWide = async () => {
    await clearRejects(conn);
    await conn.run('DROP TABLE IF EXISTS wb_file');
    return stageGroup(conn, group, true);
  };
  if (!wide && (await rejectCount(conn)) > 0) return retryWide();
  const rejects = await takeRejects(conn, byPath);
  // One pass over the lines: per file and indicator code its lines, first rowid, and whether
  // one economy has two lines (only then can a key repeat in the batch).
  const codes = (
    await conn.runAndReadAll(`SELECT wb_path, code, sum(n)::INTEGER, min(first_rowid)::BIGINT, max(n) > 1
      FROM (SELECT wb_path, coalesce("Indicator Code", '') AS code, "Country Code", count(*) AS n, min(rowid) AS first_rowid FROM wb_file GROUP BY ALL)
      GROUP BY 1, 2`)
  ).getRows();
  const counts = new Map<string, number>();
  const firstRowid = new Map<string, bigint>();
  for (const [path, , n, first] of codes) {
    const p = String(path);
    counts.set(p, (counts.get(p) ?? 0) + Number(n));
    if (!firstRowid.has(p) || BigInt(first as bigint) < firstRowid.get(p)!) firstRowid.set(p, BigInt(first as bigint));
  }
  const yearColumns = columns.filter((c) => !ID_COLUMNS.includes(c) && !c.startsWith('_blank'));
  const yearsDistinct = new Set(yearColumns.map((c) => c.trim())).size === yearColumns.length;
  if (!wide && (!yearsDistinct || codes.some((r) => r[4] !== false))) return retryWide();

  const staged = (await conn.runAndReadAll('SELECT batch_id, batch_no FROM stg_batch')).getRows();
  const taken = new Set(staged.map((r) => String(r[0])));
  const firstNo = staged.reduce((m, r) => Math.max(m, Number(r[1] ?? 0)), 0) + 1;
  // Ids in file-label order, so a second copy of the same bytes is always the one numbered ~2.
  codes.sort((a, b) => byPath.get(String(a[0]))!.file.localeCompare(byPath.get(String(b[0]))!.file) || String(a[1]).localeCompare(String(b[1])));
  const batches: (StagedBatch & { path: string; keysUnique: boolean; no: number })[] = codes.map(([path, code, , , repeatedEconomy], i) => {
    const g = byPath.get(String(path))!;
    const id = freeId(taken, batchId(String(code), g.det.vintage, g.checksum));
    taken.add(id);
    return {
      batch_id: id,
      original_code: String(code),
      vintage: g.det.vintage,
      publisher: PUBLISHER,
      layout: g.det.layout,
      file: g.file,
      checksum: g.checksum,
      source: fileCitation(g.file, g.det.vintage),
      source_id: QUARANTINE_SOURCE,
      path: String(path),
      keysUnique: yearsDistinct && repeatedEconomy === false,
      no: firstNo + i
    };
  });
  if (batches.length > 0) {
    const lit = (v: string | null) => (v == null ? 'NULL' : sqlString(v));
    await conn.run(
      `INSERT INTO stg_batch (batch_id, original_code, vintage, publisher, layout, file, checksum, source, source_id, keys_unique, batch_no) VALUES ${batches
        .map((b) => `(${[b.batch_id, b.original_code].map(lit).join(', ')}, ${lit(b.vintage)}::DATE, ${[b.publisher, b.layout, b.file, b.checksum, b.source, b.source_id].map(lit).join(', ')}, ${b.keysUnique}, ${b.no})`)
        .join(', ')}`
    );
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE wb_codes AS SELECT * FROM (VALUES ${batches
        .map((b) => `(${sqlString(b.path)}, ${sqlString(b.original_code)}, ${b.no}, ${firstRowid.get(b.path)}::BIGINT)`)
        .join(', ')}) t(wb_path, code, batch_no, first_rowid)`
    );
    const withLines = await lineTable(conn, headerLine, counts, rejects);
    const years = yearColumns.map(sqlIdent).join(', ');
    if (years) {
      // The batch and line are found once per line (a few hundred per file), before the
      // years are unpivoted into values (dozens per line); each value is trimmed once.
      const line = `${wide ? 'f' : 'w'}.rowid - m.first_rowid + 1`;
      // Narrow: the line's identifying columns and rowid from wb_file, its years from the second read.
      const lines = wide
        ? `wb_file f JOIN wb_codes m ON m.wb_path = f.wb_path AND m.code = coalesce(f."Indicator Code", '')
           ${withLines ? `LEFT JOIN wb_lines l ON l.wb_path = f.wb_path AND l.rn = ${line}` : ''}`
        : `${readCsv} f
           JOIN wb_file w ON w.wb_path = f.wb_path AND w."Indicator Code" IS NOT DISTINCT FROM f."Indicator Code"
                          AND w."Country Code" IS NOT DISTINCT FROM f."Country Code"
           JOIN wb_codes m ON m.wb_path = w.wb_path AND m.code = coalesce(w."Indicator Code", '')`;
      await conn.run(
        `INSERT INTO ${BULK_STAGING}
         SELECT batch_no, economy, economy_name, line, trim(year), raw, TRY_CAST(raw AS DOUBLE), ''
         FROM (SELECT batch_no, economy, economy_name, line, year, trim(raw_value) AS raw
               FROM (UNPIVOT (SELECT m.batch_no, f."Country Code" AS economy, f."Country Name" AS economy_name,
                                     ${withLines ? `coalesce(l.line, ${line} + ${headerLine})` : `${line} + ${headerLine}`}::INTEGER AS line, ${years}
                              FROM ${lines})
                     ON ${years} INTO NAME year VALUE raw_value))
         WHERE raw NOT IN ('', '..')`
      );
      // The second read must see the lines the first one did; if it refused one the first kept,
      // its values are withdrawn and the group is staged wide.
      if (!wide && (await rejectCount(conn)) > 0) {
        const nos = batches.map((b) => b.no).join(', ');
        await conn.run(`DELETE FROM ${BULK_STAGING} WHERE batch_no IN (${nos})`);
        await conn.run(`DELETE FROM stg_batch WHERE batch_no IN (${nos})`);
        return retryWide();
      }
    }
  }
  await conn.run('DROP TABLE IF EXISTS wb_file');
  const good = [...counts.values()].reduce((a, b) => a + b, 0);
  return { batches: batches.map(({ path: _path, keysUnique: _k, no: _no, ...b }) => b), linesRead: good + rejects.length, linesRejected: rejects.length };
}

async function rejectCount(conn: DuckDBConnection): Promise<number> {
  return Number((await conn.runAndReadAll('SELECT count(*)::INTEGER FROM reject_errors')).getRows()[0][0]);
}

async function clearRejects(conn: DuckDBConnection): Promise<void> {
  await conn.run('DELETE FROM reject_errors');
  await conn.run('DELETE FROM reject_scans');
}

/** Move DuckDB's rejected lines into quarantine ("malformed line: <DuckDB's message>"). */
async function takeRejects(conn: DuckDBConnection, byPath: Map<string, BulkInput>): Promise<(QuarantineRow & { path: string })[]> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT s.file_path, e.line::INTEGER, any_value(e.error_message), any_value(e.csv_line)
       FROM reject_errors e JOIN reject_scans s USING (scan_id, file_id) GROUP BY 1, 2 ORDER BY 1, 2`
    )
  ).getRows();
  // Emptied only when it holds errors: a scan record without errors never joins (two
  // statements fewer per group of files).
  if (rows.length > 0) await clearRejects(conn);
  const quarantined = rows.map((r) => ({
    path: String(r[0]),
    source: QUARANTINE_SOURCE,
    file: byPath.get(String(r[0]))?.file ?? String(r[0]),
    row_number: Number(r[1]),
    reason: `malformed line: ${String(r[2])}`,
    raw: r[3] == null ? null : String(r[3])
  }));
  await insertQuarantine(conn, quarantined.map(({ path: _path, ...q }) => q));
  return quarantined;
}

/**
 * wb_lines: the file line of each parsed row in files that had rejected lines. DuckDB drops
 * rejected lines from its output, so the n-th good row sits on the n-th data line that was
 * not rejected. Files without rejects need no table (line = header line + n).
 */
async function lineTable(conn: DuckDBConnection, headerLine: number, counts: Map<string, number>, rejects: { path: string; row_number: number | null }[]): Promise<boolean> {
  if (rejects.length === 0) return false;
  await conn.run('CREATE OR REPLACE TEMP TABLE wb_lines (wb_path VARCHAR, rn BIGINT, line INTEGER)');
  const pairs: string[] = [];
  for (const path of new Set(rejects.map((r) => r.path))) {
    const skip = new Set(rejects.filter((r) => r.path === path).map((r) => r.row_number));
    const good = counts.get(path) ?? 0;
    for (let line = headerLine + 1, rn = 1; rn <= good; line++) {
      if (skip.has(line)) continue;
      pairs.push(`(${sqlString(path)}, ${rn++}, ${line})`);
    }
  }
  if (pairs.length > 0) await conn.run(`INSERT INTO wb_lines VALUES ${pairs.join(', ')}`);
  return true;
}
