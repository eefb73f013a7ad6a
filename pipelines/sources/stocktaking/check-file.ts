// A facilitator's check of a stocktaking file before sending it: the same template checks the
// pipeline applies, but every problem of every row is listed (not only the first), in the
// shape of a Frictionless validation report (valid, stats, errors with a type, rowNumber,
// fieldName and message), plus a summary. Pure: bytes in, report out; nothing is stored.
// Used by `npm run stocktaking:check FILE` and the /stocktaking/check upload page.
import { CsvError, parseCsv, stripBom } from '../../lib/csv';
import { entryProblems, type References, type Say, type Template } from './template';

/** Upload limit of the check page (the CLI has none). Below adapter-node's 512 kB body limit. */
export const MAX_UPLOAD_BYTES = 400 * 1024;

export type ErrorType =
  | 'blank-file'
  | 'source-error'
  | 'encoding-error'
  | 'format-error'
  | 'missing-label'
  | 'duplicate-label'
  | 'missing-cell'
  | 'constraint-error'
  | 'type-error'
  | 'unique-error'
  | 'blank-row';

export interface ReportError {
  type: ErrorType;
  /** Row as a person finds it: the CSV line (header = 1) or the JSON array position (from 1); null for the file. */
  rowNumber: number | null;
  fieldName: string | null;
  message: string;
  /** The message as a key and values, for pages in other languages (src/lib/stocktaking/finding-words.ts). */
  say?: Say;
}

export interface ReportWarning {
  type: 'extra-label' | 'possible-mojibake' | 'reference-check';
  rowNumber: number | null;
  fieldName: string | null;
  message: string;
  say?: Say;
}

export interface CheckReport {
  valid: boolean;
  file: string;
  format: 'csv' | 'json' | null;
  bytes: number;
  stats: { rows: number; validRows: number; errors: number; warnings: number };
  /** Count of errors by type, for the summary. */
  errorTypes: Partial<Record<ErrorType, number>>;
  errors: ReportError[];
  warnings: ReportWarning[];
}

export interface CheckOptions {
  maxBytes?: number;
}

/** Signatures of files people send instead of CSV or JSON. */
const BINARY_SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive or an Excel .xlsx workbook' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an Excel .xls (or other Office) file' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' }
];

/** "Ã©", "â€™" and the like: UTF-8 text that was read as Windows-1252 before being saved. */
const MOJIBAKE = /Ã[\u0080-\u00bf]|â€[\u0080-\u00bf\u2018-\u201e\u2122\u0153]|Â[\u00a0-\u00bf]/;

function binaryKind(bytes: Uint8Array): string | null {
  for (const sig of BINARY_SIGNATURES) if (sig.bytes.every((b, i) => bytes[i] === b)) return sig.what;
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'a binary file (it contains NUL bytes)';
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > head.length / 10 ? 'a binary file (many control characters)' : null;
}

/** Line (1-based) and byte of the first byte that is not valid UTF-8, or null. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; byte: number } | null {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return null;
  } catch {
    // Find it: decode growing prefixes line by line.
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          const bad = bytes.subarray(start, i).findIndex((b) => b >= 0x80);
          return { line, byte: bytes[start + Math.max(bad, 0)] };
        }
        line++;
        start = i + 1;
      }
    }
    return { line, byte: 0 };
  }
}

function formatOf(name: string, text: string): 'csv' | 'json' | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  const first = text.trimStart()[0];
  if (first === '[' || first === '{') return 'json';
  return null;
}

interface Rows {
  rows: { row: number; record: Record<string, unknown> }[];
}

export function checkFile(name: string, bytes: Uint8Array, template: Template, refs: References, options: CheckOptions = {}): CheckReport {
  const report: CheckReport = {
    valid: false,
    file: name,
    format: null,
    bytes: bytes.length,
    stats: { rows: 0, validRows: 0, errors: 0, warnings: 0 },
    errorTypes: {},
    errors: [],
    warnings: []
  };
  const error = (type: ErrorType, message: string, rowNumber: number | null = null, fieldName: string | null = null, say?: Say) =>
    report.errors.push({ type, rowNumber, fieldName, message, ...(say ? { say } : {}) });
  const finish = () => {
    report.stats.errors = report.errors.length;
    report.stats.warnings = report.warnings.length;
    for (const e of report.errors) report.errorTypes[e.type] = (report.errorTypes[e.type] ?? 0) + 1;
    report.valid = report.errors.length === 0;
    return report;
  };

  const max = options.maxBytes ?? Infinity;
  if (bytes.length > max) {
    error('source-error', `The file is too large: ${formatKb(bytes.length)}; the limit here is ${formatKb(max)}. Split it, or check it with npm run stocktaking:check, which has no limit.`, null, null, {
      key: 'too_large',
      values: { size: Math.ceil(bytes.length / 1024), limit: Math.ceil(max / 1024) }
    });
    return finish();
  }
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    error('blank-file', 'The file is empty: it has no header row and no entries.', null, null, { key: 'empty', values: {} });
    return finish();
  }
  const binary = binaryKind(bytes);
  if (binary) {
    error('source-error', `This looks like ${binary}, not a CSV or JSON text file. Save the sheet as "CSV UTF-8" (or export JSON) and check that file.`);
    return finish();
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid) {
    error(
      'encoding-error',
      `The file is not UTF-8: line ${invalid.line} has the byte 0x${invalid.byte.toString(16).toUpperCase().padStart(2, '0')}, which UTF-8 does not allow there. It was probably saved as Windows-1252 or Mac Roman ("CSV" instead of "CSV UTF-8" in Excel). Save it again as UTF-8.`,
      invalid.line,
      null,
      { key: 'not_utf8', values: { line: invalid.line, byte: invalid.byte.toString(16).toUpperCase().padStart(2, '0') } }
    );
    return finish();
  }
  const text = stripBom(new TextDecoder('utf-8').decode(bytes));
  report.format = formatOf(name, text);
  if (!report.format) {
    error('format-error', `Cannot tell the format of "${name}": name the file .csv or .json (the template's two formats).`, null, null, { key: 'unknown_format', values: { name } });
    return finish();
  }
  const read = report.format === 'json' ? readJsonRows(text, error) : readCsvRows(text, template, error, report.warnings);
  if (!read) return finish();

  const seen = new Map<string, number>();
  for (const { row, record } of read.rows) {
    report.stats.rows++;
    const { problems, values } = entryProblems(record, template, refs);
    for (const p of problems) error(p.type, p.message, row, p.field, p.say);
    let ok = problems.length === 0;
    if (values.id) {
      const first = seen.get(values.id);
      if (first !== undefined) {
        error('unique-error', `duplicate key: id ${values.id} (also at row ${first})`, row, 'id', { key: 'duplicate_id', values: { id: values.id, row: first } });
        ok = false;
      } else seen.set(values.id, row);
    }
    for (const field of ['title', 'lead_organisation'])
      if (MOJIBAKE.test(values[field] ?? ''))
        report.warnings.push({
          type: 'possible-mojibake',
          rowNumber: row,
          fieldName: field,
          message: `"${values[field].slice(0, 80)}" looks like UTF-8 text that was read as Windows-1252 ("Ã©" for "é", "â€™" for "’") before the file was saved.`,
          say: { key: 'mojibake', values: { text: values[field].slice(0, 80) } }
        });
    if (ok) report.stats.validRows++;
  }
  if (!refs.countries)
    report.warnings.push({
      type: 'reference-check',
      rowNumber: null,
      fieldName: 'countries',
      message: 'Country codes were checked for their form only (three capital letters); the pipeline also checks them against the loaded countries.',
      say: { key: 'countries_form_only', values: {} }
    });
  if (report.stats.rows === 0) error('blank-file', 'The file has a header but no entries.', null, null, { key: 'no_entries', values: {} });
  return finish();
}

type ErrorFn = (type: ErrorType, message: string, rowNumber?: number | null, fieldName?: string | null, say?: Say) => void;

function readCsvRows(text: string, template: Template, error: ErrorFn, warnings: ReportWarning[]): Rows | null {
  let table;
  try {
    table = parseCsv(text);
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    error('format-error', `Not readable as CSV: ${err.reason}.`, err.line, null, { key: 'csv_unreadable', values: { reason: err.reason } });
    return null;
  }
  const names = new Set(template.fields.map((f) => f.name));
  const counts = new Map<string, number>();
  for (const h of table.header) counts.set(h, (counts.get(h) ?? 0) + 1);
  for (const [h, n] of counts) if (n > 1) error('duplicate-label', `Column "${h}" appears ${n} times in the header.`, 1, h, { key: 'duplicate_column', values: { name: h, count: n } });
  const missing = template.fields.filter((f) => f.constraints?.required && !table.header.includes(f.name)).map((f) => f.name);
  for (const m of missing) error('missing-label', `Required column "${m}" is missing from the header (line 1).`, 1, m, { key: 'missing_column', values: { name: m } });
  if (missing.length) {
    const unknown = table.header.filter((h) => !names.has(h));
    if (unknown.length)
      error('missing-label', `The header has columns the template does not know: ${unknown.map((u) => `"${u}"`).join(', ')}. The template's columns are: ${[...names].join(', ')}.`, 1, null, {
        key: 'unknown_columns',
        values: { unknown: unknown.map((u) => `"${u}"`).join(', '), columns: [...names].join(', ') }
      });
    return null;
  }
  for (const h of table.header)
    if (!names.has(h))
      warnings.push({ type: 'extra-label', rowNumber: 1, fieldName: h, message: `Column "${h}" is not in the template and will be ignored.`, say: { key: 'extra_column', values: { name: h } } });
  const rows: Rows['rows'] = [];
  for (const r of table.rows) rows.push({ row: r.line, record: r.record });
  return { rows };
}

function readJsonRows(text: string, error: ErrorFn): Rows | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    error('format-error', `Not readable as JSON: ${(err as Error).message}.`, null, null, { key: 'json_unreadable', values: { reason: (err as Error).message } });
    return null;
  }
  if (!Array.isArray(data)) {
    error('format-error', 'The JSON is not an array of entry objects ([{"id": ...}, ...]).');
    return null;
  }
  const rows: Rows['rows'] = [];
  data.forEach((item, i) => {
    if (item == null || typeof item !== 'object' || Array.isArray(item)) error('format-error', 'Not an object.', i + 1, null, { key: 'not_object', values: {} });
    else rows.push({ row: i + 1, record: item as Record<string, unknown> });
  });
  return { rows };
}

function formatKb(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en')} kB`;
}

/** The report as plain text, one problem a line (the CLI's output). */
export function reportText(r: CheckReport): string {
  const lines = [
    `${r.file}: ${r.valid ? 'VALID' : 'INVALID'}${r.format ? ` (${r.format.toUpperCase()}` : ' ('}${r.format ? ', ' : ''}${r.bytes} bytes)`,
    `rows ${r.stats.rows}, valid rows ${r.stats.validRows}, errors ${r.stats.errors}, warnings ${r.stats.warnings}` +
      (Object.keys(r.errorTypes).length ? ` (${Object.entries(r.errorTypes).map(([t, n]) => `${t} ${n}`).join(', ')})` : '')
  ];
  const where = (row: number | null, field: string | null) => [row === null ? 'file' : `row ${row}`, field].filter(Boolean).join(', ');
  for (const e of r.errors) lines.push(`  error   [${e.type}] ${where(e.rowNumber, e.fieldName)}: ${e.message}`);
  for (const w of r.warnings) lines.push(`  warning [${w.type}] ${where(w.rowNumber, w.fieldName)}: ${w.message}`);
  return lines.join('\n');
}
