// Exports written at publish time: every published table as CSV, Parquet and JSON (DuckDB
// COPY), a Frictionless datapackage.json describing them, and one zip of the whole set.
// Downloads are then plain files, not queries. Exports belong to their warehouse: each build
// writes its own folder in a folder named after the warehouse file (<out>.exports/<run id>/),
// first as <run id>.partial-<pid>, renamed when complete; the warehouse records which folder
// is its own, so the exports swap together with the warehouse. Pruning keeps the folder of
// the build being served and the previous complete one, never a partial one over them, and
// never touches another warehouse's exports.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { processAlive } from '../lib/publish';
import { zipSync } from 'fflate';
import type { DuckDBConnection } from '@duckdb/node-api';
import { TABLES, type TableSpec } from '../schema';
import type { SourceContext } from '../lib/context';

export const EXPORT_FORMATS = ['csv', 'parquet', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const LICENCE_NOTE =
  'Indicator data: World Bank World Development Indicators (CC BY 4.0), ICT series produced by ITU (World Telecommunication/ICT Indicators Database). ' +
  'Country groupings: UNSD M49 (UN terms of use). Meetings, participation and stocktaking: transcribed from WSIS meeting reports and ITU/UN pages, cited per row. ' +
  'Reference tables compiled by this project: CC BY 4.0.';

/** The folder of a warehouse's exports: named after the warehouse file, so two warehouses in one folder never share it. */
export function exportsRoot(out: string): string {
  return join(dirname(out), `${basename(out)}.exports`);
}

const PARTIAL = '.partial-';

function partialDir(out: string, runId: string): string {
  return join(exportsRoot(out), `${runId}${PARTIAL}${process.pid}`);
}

export function tableSchemaType(duckType: string): string {
  switch (duckType) {
    case 'VARCHAR':
      return 'string';
    case 'INTEGER':
    case 'BIGINT':
      return 'integer';
    case 'DOUBLE':
      return 'number';
    case 'BOOLEAN':
      return 'boolean';
    case 'DATE':
      return 'date';
    case 'TIMESTAMP':
      return 'datetime';
    default:
      throw new Error(`no Table Schema type for DuckDB type ${duckType}`);
  }
}

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): in the CSV files only, a text cell
 * that begins with = + - @ (or a tab or carriage return) gets a leading single quote, so a
 * spreadsheet shows it as text instead of running it. Numeric columns are written as they are
 * (a negative number is not a formula); Parquet and JSON keep every value unchanged. The
 * dashboard's chart CSVs follow the same rule (src/lib/csv-format.ts).
 */
export const CSV_ESCAPING_NOTE =
  "In the CSV files, text cells that begin with =, +, - or @ (or a tab or carriage return) are written with a leading single quote (') so that spreadsheets do not run them as formulas (OWASP, CSV Injection); remove that quote to get the original text. Numeric cells are written as they are. The Parquet and JSON files hold every value unchanged.";

/** The SELECT list for a CSV export: text columns escaped as above, others as they are. */
export function csvSelectList(spec: TableSpec): string {
  return spec.columns
    .map((c) =>
      c.type === 'VARCHAR'
        ? `CASE WHEN regexp_matches("${c.name}", '^[=+\-@\t\r]') THEN '''' || "${c.name}" ELSE "${c.name}" END AS "${c.name}"`
        : `"${c.name}"`
    )
    .join(', ');
}

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function orderBy(spec: TableSpec): string {
  const keys = spec.primaryKey ?? spec.columns.slice(0, 3).map((c) => c.name);
  return keys.map((k) => `"${k}"`).join(', ');
}

async function copyTable(conn: DuckDBConnection, spec: TableSpec, dir: string, format: ExportFormat): Promise<string> {
  const file = join(dir, `${spec.name}.${format}`);
  const options = format === 'csv' ? '(FORMAT csv, HEADER true)' : format === 'parquet' ? '(FORMAT parquet, COMPRESSION zstd)' : '(FORMAT json, ARRAY true)';
  const select = format === 'csv' ? csvSelectList(spec) : '*';
  await conn.run(`COPY (SELECT ${select} FROM "${spec.name}" ORDER BY ${orderBy(spec)}) TO ${sqlString(file)} ${options}`);
  return file;
}

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export async function writeExports(ctx: SourceContext, out: string, runId: string): Promise<string> {
  const root = exportsRoot(out);
  const dir = partialDir(out, runId);
  const complete = join(root, runId);
  mkdirSync(dir, { recursive: true });
  const resources = [];
  for (const spec of TABLES.filter((t) => t.published)) {
    const count = await ctx.conn.runAndReadAll(`SELECT count(*)::INTEGER FROM "${spec.name}"`);
    const rowCount = Number(count.getRows()[0][0]);
    const files: Record<string, { path: string; bytes: number; hash: string }> = {};
    for (const format of EXPORT_FORMATS) {
      const file = await copyTable(ctx.conn, spec, dir, format);
      files[format] = { path: `${spec.name}.${format}`, bytes: statSync(file).size, hash: `sha256:${sha256File(file)}` };
    }
    resources.push({
      name: spec.name.replace(/_/g, '-'),
      title: spec.name,
      description: spec.description,
      path: files.csv.path,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: files.csv.bytes,
      hash: files.csv.hash,
      rows: rowCount,
      alternates: { parquet: files.parquet, json: files.json },
      schema: {
        fields: spec.columns.map((c) => ({ name: c.name, type: tableSchemaType(c.type), description: c.description, ...(c.unit ? { unit: c.unit } : {}) })),
        ...(spec.primaryKey ? { primaryKey: spec.primaryKey } : {})
      }
    });
  }
  const vintages = await ctx.conn.runAndReadAll(
    `SELECT source, status, vintage, checksum FROM run_record ORDER BY source`
  );
  const datapackage = {
    profile: 'tabular-data-package',
    name: 'wsis-progress-monitor',
    title: 'WSIS progress monitor: indicators, reference facts, meetings, participation and stocktaking',
    version: runId,
    created: new Date().toISOString(),
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
    description: `${LICENCE_NOTE} ${CSV_ESCAPING_NOTE}`,
    csvTextEscaping: { rule: 'OWASP CSV Injection: leading single quote', prefix: "'", appliesTo: 'text cells beginning with = + - @ tab or carriage return, CSV files only', note: CSV_ESCAPING_NOTE },
    sources: vintages.getRowObjectsJson().map((r) => ({ title: String(r.source), status: r.status, vintage: r.vintage, checksum: r.checksum })),
    resources
  };
  writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(datapackage, null, 2));
  // One archive with the CSVs and the descriptor (Parquet/JSON stay separate downloads to keep it small).
  const entries: Record<string, Uint8Array> = { 'datapackage.json': readFileSync(join(dir, 'datapackage.json')) };
  for (const r of resources) entries[r.path] = readFileSync(join(dir, r.path));
  writeFileSync(join(dir, 'wsis-data.zip'), zipSync(entries, { level: 6 }));

  // Only a complete folder gets the build's name.
  rmSync(complete, { recursive: true, force: true });
  renameSync(dir, complete);
  await ctx.conn.run('UPDATE build_info SET exports_dir = $1', [complete]);
  return `exports: ${resources.length} tables x ${EXPORT_FORMATS.length} formats + datapackage.json + wsis-data.zip in ${complete}`;
}

/** Every file the data package of `dir` lists, plus the descriptor and the zip, exists. */
export function exportsComplete(dir: string | null): boolean {
  if (!dir || !existsSync(join(dir, 'datapackage.json')) || !existsSync(join(dir, 'wsis-data.zip'))) return false;
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as {
      resources: { path: string; alternates?: Record<string, { path: string }> }[];
    };
    const paths = pkg.resources.flatMap((r) => [r.path, ...Object.values(r.alternates ?? {}).map((a) => a.path)]);
    return paths.length > 0 && paths.every((p) => existsSync(join(dir, p)));
  } catch {
    return false;
  }
}

/**
 * After `served` was published: keep its folder and the newest complete folder before it (a
 * reader that opened the previous build may still be downloading), remove older complete
 * folders, complete folders of builds never published (newer than the served one) and partial
 * folders of runs that are no longer running.
 */
export function pruneExports(out: string, served: string): void {
  const root = exportsRoot(out);
  let names: string[];
  try {
    names = readdirSync(root).sort();
  } catch {
    return;
  }
  const complete = names.filter((n) => !n.includes(PARTIAL));
  const previous = complete.filter((n) => n < served).at(-1);
  for (const name of names) {
    if (name === served || name === previous) continue;
    if (name.includes(PARTIAL)) {
      const pid = Number(name.slice(name.indexOf(PARTIAL) + PARTIAL.length));
      if (pid !== process.pid && processAlive(pid)) continue; // another run is writing it
    }
    rmSync(join(root, name), { recursive: true, force: true });
  }
}

export const exportsFinisher = {
  id: 'exports',
  run: writeExports,
  discard: (out: string, runId: string) => {
    rmSync(partialDir(out, runId), { recursive: true, force: true });
    rmSync(join(exportsRoot(out), runId), { recursive: true, force: true });
  },
  afterPublish: (out: string, runId: string) => pruneExports(out, runId),
  /** The published build is only up to date when its exports are all there. */
  upToDate: (build: { exportsDir: string | null }) => exportsComplete(build.exportsDir)
};
