// Exports written at publish time: every published table as CSV, Parquet and JSON (DuckDB
// COPY), a Frictionless datapackage.json describing them, and one zip of the whole set.
// Downloads are then plain files, not queries. Each build writes its own folder
// (exports/<run id>/) and the warehouse records which one is its own, so the exports swap
// together with the warehouse; older folders are pruned.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

export function exportsRoot(out: string): string {
  return join(dirname(out), 'exports');
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
  await conn.run(`COPY (SELECT * FROM "${spec.name}" ORDER BY ${orderBy(spec)}) TO ${sqlString(file)} ${options}`);
  return file;
}

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export async function writeExports(ctx: SourceContext, out: string, runId: string): Promise<string> {
  const root = exportsRoot(out);
  const dir = join(root, runId);
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
    description: LICENCE_NOTE,
    sources: vintages.getRowObjectsJson().map((r) => ({ title: String(r.source), status: r.status, vintage: r.vintage, checksum: r.checksum })),
    resources
  };
  writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(datapackage, null, 2));
  // One archive with the CSVs and the descriptor (Parquet/JSON stay separate downloads to keep it small).
  const entries: Record<string, Uint8Array> = { 'datapackage.json': readFileSync(join(dir, 'datapackage.json')) };
  for (const r of resources) entries[r.path] = readFileSync(join(dir, r.path));
  writeFileSync(join(dir, 'wsis-data.zip'), zipSync(entries, { level: 6 }));

  await ctx.conn.run('UPDATE build_info SET exports_dir = $1', [dir]);
  return `exports: ${resources.length} tables x ${EXPORT_FORMATS.length} formats + datapackage.json + wsis-data.zip in ${dir}`;
}

/** Keep the newest `keep` export folders (the published one and its predecessor). */
export function pruneExports(out: string, keep = 2): void {
  const root = exportsRoot(out);
  let names: string[];
  try {
    names = readdirSync(root).sort();
  } catch {
    return;
  }
  for (const name of names.slice(0, Math.max(0, names.length - keep))) rmSync(join(root, name), { recursive: true, force: true });
}

export const exportsFinisher = {
  id: 'exports',
  run: writeExports,
  discard: (out: string, runId: string) => rmSync(join(exportsRoot(out), runId), { recursive: true, force: true }),
  afterPublish: (out: string) => pruneExports(out)
};
