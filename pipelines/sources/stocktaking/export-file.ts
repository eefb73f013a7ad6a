// One stocktaking export (CSV or JSON in the template) -> records with their row numbers.
// CSV rows are numbered by the line they start on (the header is line 1); JSON entries by
// their 1-based position in the array. A file that cannot be read at all throws a
// FileRefused with the reason, and is quarantined as a whole.
import { extname } from 'node:path';
import { CsvError, parseCsv } from '../../lib/csv';
import type { Template } from './template';

export interface ExportRecord {
  row: number;
  record: Record<string, unknown>;
  raw: string;
}

export class FileRefused extends Error {
  constructor(public reason: string) {
    super(reason);
    this.name = 'FileRefused';
  }
}

export function isExportFile(name: string): boolean {
  const ext = extname(name).toLowerCase();
  return (ext === '.csv' || ext === '.json') && name !== 'schema.json';
}

export function readExport(name: string, text: string, template: Template): ExportRecord[] {
  return extname(name).toLowerCase() === '.json' ? readJson(text) : readCsvExport(text, template);
}

function readCsvExport(text: string, template: Template): ExportRecord[] {
  let table;
  try {
    table = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvError) throw new FileRefused(`not readable as CSV: ${err.message}`);
    throw err;
  }
  if (table.header.length === 0) throw new FileRefused('empty file: no header row');
  const required = template.fields.filter((f) => f.constraints?.required).map((f) => f.name);
  const missing = required.filter((name) => !table.header.includes(name));
  if (missing.length > 0) throw new FileRefused(`missing required column(s): ${missing.join(', ')}`);
  return table.rows.map(({ line, record, values }) => ({ row: line, record, raw: values.join(',') }));
}

function readJson(text: string): ExportRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new FileRefused(`not readable as JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(data)) throw new FileRefused('not a JSON array of entry objects');
  return data.map((item, i) => {
    const raw = JSON.stringify(item);
    if (item == null || typeof item !== 'object' || Array.isArray(item)) return { row: i + 1, record: { __notAnObject: true }, raw };
    return { row: i + 1, record: item as Record<string, unknown>, raw };
  });
}
