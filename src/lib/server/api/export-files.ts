// The published export files of the current build: which names exist (fixed by the schema,
// never by the request), where the build keeps them (build_info.exports_dir), their content
// types, and the Frictionless datapackage.json that describes them.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLES } from '../../../../pipelines/schema';
import { EXPORT_FORMATS } from '../../../../pipelines/publish/exports';
import { queryOne } from '../warehouse';

export const DATAPACKAGE = 'datapackage.json';
export const ZIP = 'wsis-data.zip';

export const PUBLISHED_TABLES = TABLES.filter((t) => t.published);

/** Every file name a build exports: <table>.<csv|parquet|json>, the descriptor and the zip. */
export const EXPORT_FILES: readonly string[] = Object.freeze([
  ...PUBLISHED_TABLES.flatMap((t) => EXPORT_FORMATS.map((f) => `${t.name}.${f}`)),
  DATAPACKAGE,
  ZIP
]);

const KNOWN = new Set(EXPORT_FILES);

/** Exact match against the list: anything else (paths, encodings, other names) is unknown. */
export function isExportFile(name: string): boolean {
  return KNOWN.has(name);
}

const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
  json: 'application/json; charset=utf-8',
  zip: 'application/zip'
};

export function contentType(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1);
  const type = CONTENT_TYPES[ext];
  if (!type) throw new Error(`no content type for ${name}`);
  return type;
}

export interface BuildInfo {
  run_id: string;
  built_at: string;
  mode: string;
  exports_dir: string;
}

export async function buildInfo(): Promise<BuildInfo | null> {
  return queryOne<BuildInfo & Record<string, string>>(
    'SELECT run_id, built_at::VARCHAR AS built_at, mode, exports_dir FROM build_info ORDER BY built_at DESC LIMIT 1'
  );
}

export function exportPath(build: BuildInfo, name: string): string {
  if (!isExportFile(name)) throw new Error(`not an export file: ${name}`);
  return join(build.exports_dir, name);
}

export interface DataPackageField {
  name: string;
  type: string;
  description: string;
  unit?: string;
}

export interface DataPackageResource {
  name: string;
  title: string;
  description: string;
  path: string;
  bytes: number;
  rows: number;
  alternates: Record<string, { path: string; bytes: number; hash: string }>;
  schema: { fields: DataPackageField[]; primaryKey?: string[] };
}

export interface DataPackage {
  name: string;
  title: string;
  version: string;
  created: string;
  licenses: { name: string; path: string; title: string }[];
  description: string;
  sources: { title: string; status: string; vintage: string | null; checksum: string | null }[];
  resources: DataPackageResource[];
}

export async function readDataPackage(build: BuildInfo): Promise<DataPackage> {
  return JSON.parse(await readFile(exportPath(build, DATAPACKAGE), 'utf8')) as DataPackage;
}
