// Stage World Bank bulk CSVs (native, no-preamble or Excel re-save layout) into the shared
// observation step: DuckDB parses them (read_csv from the header line, every column as text,
// malformed lines kept in reject_errors) and the year columns are unpivoted in SQL. Files with
// the same layout (header line and columns) are read by one read_csv call, so DuckDB reads
// them in parallel; JavaScript only looks at the first few KB of each file (layout.ts).
// Clean files (the usual case: every line parsed, one line per economy, every value
// accepted) are written straight into observation_value, all layouts in one statement, and
// checked there with the publish step's own checks (stageDirect): each value is written once.
// A file that fails any of that is staged the usual way (stageGroup): its non-missing values
// go to the shared step's temporary table stg_bulk_value, already trimmed and parsed, with
// their lines, so refused values reach quarantine with line and text as found.
import type { DuckDBConnection } from '@duckdb/node-api';
import { insertQuarantine } from '../../lib/warehouse';
import type { QuarantineRow } from '../../lib/context';
import type { BulkLayout } from './layout';
import { BULK_STAGING, ensureBulkStaging, freeId, nextBatchNo, stageBatches, type StagedBatch } from '../../observations/staging';
import { batchesWithRefusedValues, YEAR_PATTERN } from '../../observations/checks';
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
  const start = await nextBatchNo(conn);
  const direct = await stageDirect(conn, [...groups.values()]).catch(async () => {
    // A file DuckDB cannot read at all: nothing is kept from this pass, and the usual way
    // reads the files one group (then one file) at a time and names the one that fails.
    await conn.run(`DELETE FROM observation_value WHERE batch_no >= ${start}`);
    await conn.run(`DELETE FROM ${BULK_STAGING} WHERE batch_no >= ${start}`);
    await conn.run(`DELETE FROM stg_batch WHERE direct AND batch_no >= ${start}`);
    await clearRejects(conn);
    return { batches: [], linesRead: 0, linesRejected: 0, written: new Set<string>() };
  });
  add(direct);
  for (const group of groups.values()) {
    const rest = group.filter((g) => !direct.written.has(g.diskPath));
    group.splice(0, group.length, ...rest);
  }
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

  const batches = await insertBatches(
    conn,
    codes.map(([path, code, , , repeatedEconomy]) => ({ input: byPath.get(String(path))!, code: String(code), keysUnique: yearsDistinct && repeatedEconomy === false })),
    false
  );
  if (batches.length > 0) {
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
  return { batches: batches.map(({ path: _path, no: _no, ...b }) => b), linesRead: good + rejects.length, linesRejected: rejects.length };
}

type NumberedBatch = StagedBatch & { path: string; no: number };

/**
 * Number the batches (one per file and indicator code) and record them in stg_batch. Ids in
 * file-label order, so a second copy of the same bytes is always the one numbered ~2.
 */
async function insertBatches(conn: DuckDBConnection, found: { input: BulkInput; code: string; keysUnique: boolean }[], direct: boolean): Promise<NumberedBatch[]> {
  if (found.length === 0) return [];
  const taken = new Set((await conn.runAndReadAll('SELECT batch_id FROM stg_batch')).getRows().map((r) => String(r[0])));
  const firstNo = await nextBatchNo(conn);
  found.sort((a, b) => a.input.file.localeCompare(b.input.file) || a.code.localeCompare(b.code));
  const batches = found.map(({ input: g, code, keysUnique }, i) => {
    const id = freeId(taken, batchId(code, g.det.vintage, g.checksum));
    taken.add(id);
    return {
      batch_id: id,
      original_code: code,
      vintage: g.det.vintage,
      publisher: PUBLISHER,
      layout: g.det.layout,
      file: g.file,
      checksum: g.checksum,
      source: fileCitation(g.file, g.det.vintage),
      source_id: QUARANTINE_SOURCE,
      path: g.diskPath,
      keysUnique,
      no: firstNo + i
    };
  });
  await stageBatches(conn, batches.map((b) => ({ ...b, batch_no: b.no, keys_unique: b.keysUnique, direct })));
  return batches.map(({ keysUnique: _k, ...b }) => b);
}

const VALID_YEAR = new RegExp(`^${YEAR_PATTERN}$`);

/** read_csv over files of one layout (the header line and columns of the first). */
function readLayout(group: BulkInput[]): string {
  const { headerLine, columns } = group[0].det;
  const struct = `{${columns.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ')}}`;
  return `read_csv([${group.map((g) => sqlString(g.diskPath)).join(', ')}],
       skip = ${headerLine - 1}, header = true, auto_detect = false, columns = ${struct},
       delim = ',', quote = '"', escape = '"', store_rejects = true, filename = 'wb_path')`;
}

/**
 * Write the values of clean files straight into observation_value (stg_batch.direct): one
 * statement reads every layout's lines (per file and code: lines, and whether an economy
 * has two), one writes the values, unpivoted; then the publish step's checks run over what
 * was written. A file with a malformed line, two lines for one economy, a year column that is
 * not a year, or a value the publish step would refuse is taken out again (its values
 * deleted, its batches unstaged) and left to stageGroup. Returns the files written.
 */
async function stageDirect(conn: DuckDBConnection, groups: BulkInput[][]): Promise<StagedFile & { written: Set<string> }> {
  const none = { batches: [], linesRead: 0, linesRejected: 0, written: new Set<string>() };
  const yearsOf = (g: BulkInput[]) => g[0].det.columns.filter((c) => !ID_COLUMNS.includes(c) && !c.startsWith('_blank'));
  const eligible = groups.filter((g) => {
    const years = yearsOf(g);
    return (
      ID_COLUMNS.every((c) => g[0].det.columns.includes(c)) &&
      years.length > 0 && years.every((y) => VALID_YEAR.test(y)) && new Set(years).size === years.length
    );
  });
  if (eligible.length === 0) return none;
  const ids = eligible
    .map((g) => `SELECT wb_path, coalesce("Indicator Code", '') AS code, "Country Code" AS economy FROM ${readLayout(g)}`)
    .join('\nUNION ALL\n');
  // Per file and code: lines, whether an economy has two, and whether one is unknown (every
  // value of a line has its economy: checked here once per line, not per value).
  const lines = (
    await conn.runAndReadAll(`SELECT l.wb_path, l.code, sum(l.n)::INTEGER, max(l.n) > 1, bool_or(e.code IS NULL)
      FROM (SELECT wb_path, code, economy, count(*) AS n FROM (${ids}) GROUP BY ALL) l LEFT JOIN economy e ON e.code = l.economy GROUP BY 1, 2`)
  ).getRows();
  const unknownEconomy = new Set(lines.filter((r) => r[4] !== false).map((r) => String(r[0])));
  // Files DuckDB refused a line of, or with two lines for one economy: the usual way.
  const refused = new Set(
    (await conn.runAndReadAll('SELECT DISTINCT s.file_path FROM reject_errors e JOIN reject_scans s USING (scan_id, file_id)')).getRows().map((r) => String(r[0]))
  );
  if (refused.size > 0) await clearRejects(conn);
  for (const [path, , , repeated] of lines) if (repeated !== false) refused.add(String(path));
  const byPath = new Map(eligible.flat().map((g) => [g.diskPath, g]));
  const found = lines
    .filter(([path]) => !refused.has(String(path)))
    .map(([path, code]) => ({ input: byPath.get(String(path))!, code: String(code), keysUnique: true }));
  const batches = await insertBatches(conn, found, true);
  if (batches.length === 0) return none;
  const copies = sameBytesCopies([...byPath.values()].filter((g) => !refused.has(g.diskPath)));
  const from = batches[0].no;
  const to = batches[batches.length - 1].no;
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE wb_codes AS SELECT * FROM (VALUES ${batches
      .map((b) => `(${sqlString(b.path)}, ${sqlString(b.original_code)}, ${b.no})`)
      .join(', ')}) t(wb_path, code, batch_no)`
  );
  const values = eligible
    .map((g) => {
      const kept = g.filter((x) => !refused.has(x.diskPath) && !copies.has(x.diskPath));
      if (kept.length === 0) return null;
      const years = yearsOf(g).map(sqlIdent).join(', ');
      // Each line finds its batch once, before its years are unpivoted into values.
      // Lines with an unknown economy are staged below, with their line numbers, for quarantine.
      return `SELECT batch_no, economy, year, raw FROM (UNPIVOT (
          SELECT m.batch_no, f."Country Code" AS economy, ${years} FROM ${readLayout(kept)} f
          JOIN wb_codes m ON m.wb_path = f.wb_path AND m.code = coalesce(f."Indicator Code", '')
          ${kept.some((x) => unknownEconomy.has(x.diskPath)) ? `SEMI JOIN economy e ON e.code = f."Country Code"` : ''})
        ON ${years} INTO NAME year VALUE raw)`;
    })
    .filter((v) => v != null)
    .join('\nUNION ALL\n');
  // '' and '..' are missing. Not trimmed here (a tenth of this statement's time): a value with
  // spaces around it is read as a number all the same, and one that then is no number (' .. ')
  // fails the checks below and its file is staged the usual way, where it is trimmed.
  await conn.run(`INSERT INTO observation_value
    SELECT batch_no, economy, year::INTEGER, '', TRY_CAST(raw AS DOUBLE), true
    FROM (${values}) WHERE raw NOT IN ('', '..')`);
  // The second read must see what the first did; any refusal now and every file goes the usual way.
  const withdraw = new Set<number>();
  if ((await rejectCount(conn)) > 0) {
    await clearRejects(conn);
    for (const b of batches) withdraw.add(b.no);
  } else {
    const bad = new Set(await batchesWithRefusedValues(conn, from, to));
    // A file with a refused value is staged whole the usual way (its lines and texts as found).
    const badFiles = new Set(batches.filter((b) => bad.has(b.no)).map((b) => b.path));
    for (const b of batches) if (badFiles.has(b.path)) withdraw.add(b.no);
  }
  if (withdraw.size > 0) {
    const nos = [...withdraw].join(', ');
    await conn.run(`DELETE FROM observation_value WHERE batch_no BETWEEN ${from} AND ${to} AND batch_no IN (${nos})`);
    await conn.run(`DELETE FROM stg_batch WHERE batch_no IN (${nos})`);
  }
  const kept = batches.filter((b) => !withdraw.has(b.no));
  const written = new Set(kept.map((b) => b.path));
  for (const g of eligible) {
    const partial = g.filter((x) => written.has(x.diskPath) && !copies.has(x.diskPath) && unknownEconomy.has(x.diskPath));
    if (partial.length > 0) await stageUnknownEconomyLines(conn, partial, yearsOf(g));
  }
  await conn.run('DROP TABLE IF EXISTS wb_codes');
  const linesRead = lines.filter(([path]) => written.has(String(path))).reduce((n, r) => n + Number(r[2]), 0);
  return { batches: kept.map(({ path: _p, no: _n, ...b }) => b), linesRead, linesRejected: 0, written };
}

/**
 * A second copy of the same bytes (a loose file and the same file in the download zip) is
 * recorded but its values are not written: the publish step marks it a duplicate of the first
 * copy in file order, by their checksum, without reading it (duplicates.ts). Returns the
 * copies' disk paths.
 */
function sameBytesCopies(inputs: BulkInput[]): Set<string> {
  const copies = new Set<string>();
  const first = new Set<string>();
  for (const input of [...inputs].sort((a, b) => a.file.localeCompare(b.file))) {
    const key = JSON.stringify([input.checksum, input.det.vintage, input.det.layout, input.det.headerLine, input.det.columns]);
    if (first.has(key)) copies.add(input.diskPath);
    else first.add(key);
  }
  return copies;
}

/**
 * Lines with an economy code the warehouse does not know (an old code such as KSV) in files
 * of one layout written directly: their values go to staging with their line (wb_codes gives
 * each its batch), and the publish step quarantines them as it would in a file staged the
 * usual way. These files were read without a refused line and have one line per economy, so
 * a line is its row's place in the file, and (file, code, economy) finds it.
 */
async function stageUnknownEconomyLines(conn: DuckDBConnection, files: BulkInput[], yearColumns: string[]): Promise<void> {
  const years = yearColumns.map(sqlIdent).join(', ');
  // Each line's place first (identifying columns only: rowid follows the file's lines), then
  // the files again with only the unknown lines' years unpivoted: no file is held whole.
  await conn.run(`CREATE OR REPLACE TEMP TABLE wb_file AS SELECT wb_path, "Country Code", "Country Name", "Indicator Code" FROM ${readLayout(files)}`);
  await conn.run(`INSERT INTO ${BULK_STAGING}
    SELECT batch_no, economy, economy_name, line, year, raw, TRY_CAST(raw AS DOUBLE), ''
    FROM (SELECT batch_no, economy, economy_name, line, trim(year) AS year, trim(raw_value) AS raw
          FROM (UNPIVOT (SELECT m.batch_no, w."Country Code" AS economy, w."Country Name" AS economy_name, w.line, ${years}
                         FROM ${readLayout(files)} f
                         JOIN (SELECT *, (rowid - min(rowid) OVER (PARTITION BY wb_path) + 1 + ${files[0].det.headerLine})::INTEGER AS line
                               FROM wb_file) w
                           ON w.wb_path = f.wb_path AND w."Indicator Code" IS NOT DISTINCT FROM f."Indicator Code" AND w."Country Code" IS NOT DISTINCT FROM f."Country Code"
                         JOIN wb_codes m ON m.wb_path = w.wb_path AND m.code = coalesce(w."Indicator Code", '')
                         ANTI JOIN economy e ON e.code = w."Country Code")
                ON ${years} INTO NAME year VALUE raw_value))
    WHERE raw NOT IN ('', '..')`);
  if ((await rejectCount(conn)) > 0) throw new Error('a file read twice gave different lines');
  await conn.run('DROP TABLE wb_file');
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
