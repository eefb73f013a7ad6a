// The ingest baseline: what bare DuckDB needs to load the same files, with no validation,
// provenance or quarantine. ONE SQL statement: per file layout a read_csv over all files of
// that layout with the years unpivoted into rows, the layouts joined by UNION ALL, into
// bare_observation (economy, indicator, year, value). Only the header position and columns
// are looked up first (the first 64 KB of each file), as a person writing the SQL would.
import { open } from 'node:fs/promises';
import { detectLayout } from '../pipelines/sources/worldbank/layout';

const str = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const ID = ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code'];

async function head(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}

/**
 * bareIngestSql's reading, but writing what the pipeline writes per value: observation's eight
 * columns (indicator, economy, year, disaggregation, value, vintage, batch_id, is_aggregate),
 * each line's vintage and a batch id from its file, is_aggregate from the economy table. No
 * checks, no quarantine, no provenance table. Not a goal: it shows how much of the ingest ratio
 * the served table's shape costs by itself (bench/README.md, "The table's shape").
 */
export async function bareObservationSql(files: { file: string; path: string }[]): Promise<string> {
  const meta: string[] = [];
  for (const [i, f] of files.entries()) {
    const det = detectLayout(f.file, await head(f.path));
    const vintage = det.layout === 'databank' ? null : det.vintage;
    meta.push(`(${str(f.path)}, ${vintage ? `DATE ${str(vintage)}` : 'NULL::DATE'}, ${str(`@${vintage ?? 'undated'}#file${i + 1}`)})`);
  }
  const read = (await bareIngestSql(files, true)).replace(/^CREATE TABLE bare_observation AS /, '');
  return `CREATE TABLE bare_observation AS
    SELECT r.indicator, r.economy, r.year, '' AS disaggregation, r.value, m.vintage, r.indicator || m.suffix AS batch_id, e.is_aggregate
    FROM (${read}) r
    JOIN (VALUES ${meta.join(', ')}) m(path, vintage, suffix) ON m.path = r.path
    LEFT JOIN economy e ON e.code = r.economy`;
}

export async function bareIngestSql(files: { file: string; path: string }[], withPath = false): Promise<string> {
  const groups = new Map<string, { skip: number; columns: string[]; paths: string[] }>();
  const databank: string[] = [];
  for (const f of files) {
    const det = detectLayout(f.file, await head(f.path));
    if (det.layout === 'databank') {
      databank.push(f.path);
      continue;
    }
    const key = JSON.stringify([det.headerLine, det.columns]);
    const g = groups.get(key) ?? { skip: det.headerLine - 1, columns: det.columns, paths: [] };
    groups.set(key, g);
    g.paths.push(f.path);
  }
  const parts: string[] = [];
  const path = withPath ? ', path' : '';
  for (const g of groups.values()) {
    const struct = `{${g.columns.map((c) => `${str(c)}: 'VARCHAR'`).join(', ')}}`;
    const years = g.columns.filter((c) => !ID.includes(c) && !c.startsWith('_blank')).map(ident).join(', ');
    parts.push(`SELECT "Country Code" AS economy, "Indicator Code" AS indicator, year::INTEGER AS year, TRY_CAST(value AS DOUBLE) AS value${path}
      FROM (UNPIVOT (SELECT * FROM read_csv([${g.paths.map(str).join(', ')}], skip = ${g.skip}, header = true, auto_detect = false,
                     columns = ${struct}, delim = ',', quote = '"', escape = '"', ignore_errors = true${withPath ? `, filename = 'path'` : ''}))
            ON ${years} INTO NAME year VALUE value)`);
  }
  if (databank.length) {
    parts.push(`SELECT "Country Code", "Series Code", left(year, 4)::INTEGER, TRY_CAST(value AS DOUBLE)${path}
      FROM (UNPIVOT (SELECT * FROM read_csv([${databank.map(str).join(', ')}], header = true, all_varchar = true, null_padding = true, ignore_errors = true${withPath ? `, filename = 'path'` : ''}))
            ON COLUMNS('^[0-9]{4} ') INTO NAME year VALUE value)
      WHERE value <> '..'`);
  }
  return `CREATE TABLE bare_observation AS SELECT * FROM (${parts.join('\nUNION ALL\n')}) WHERE value IS NOT NULL`;
}
