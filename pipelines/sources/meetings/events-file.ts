// data/reference/events.csv -> rows of table `event`, checked field by field. A bad row is
// refused with the file, line and reason rather than loaded half right.
import { parseCsv, type CsvTable } from '../../lib/csv';
import type { QuarantineRow } from '../../lib/context';
import { splitList, tableSpec, type RowOf } from '../../schema';

export type EventRow = RowOf<'event'>;

export interface Checked<T> {
  rows: T[];
  refused: QuarantineRow[];
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Refuse a header that lacks any column of the table (the file is then unusable). */
export function missingColumns(table: CsvTable, tableName: string): string[] {
  return tableSpec(tableName)
    .columns.map((c) => c.name)
    .filter((c) => !table.header.includes(c));
}

export function readEvents(text: string, file: string, actionLines: Set<string> | null): Checked<EventRow> {
  const table = parseCsv(text);
  const missing = missingColumns(table, 'event');
  if (missing.length > 0) throw new Error(`${file}: missing column(s) ${missing.join(', ')}`);
  const rows: EventRow[] = [];
  const refused: QuarantineRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, record, values } of table.rows) {
    const reason = eventProblem(record, actionLines, seen);
    if (reason) {
      refused.push({ source: 'meetings', file, row_number: line, reason, raw: values.join(',') });
      continue;
    }
    seen.set(record.id.trim(), line);
    rows.push(toEventRow(record));
  }
  return { rows, refused };
}

function eventProblem(r: Record<string, string>, actionLines: Set<string> | null, seen: Map<string, number>): string | null {
  const id = r.id.trim();
  if (id === '') return 'missing required field: id';
  if (!ID.test(id)) return `invalid id: "${id}" (lower-case letters, digits and hyphens)`;
  if (seen.has(id)) return `duplicate key: id ${id} (also at row ${seen.get(id)})`;
  if (r.title.trim() === '') return 'missing required field: title';
  if (r.source.trim() === '') return 'missing required field: source';
  for (const col of ['start_date', 'end_date']) {
    const v = r[col].trim();
    if (v !== '' && !isIsoDate(v)) return `invalid ${col}: "${v}" (expected YYYY-MM-DD)`;
  }
  if (r.end_date.trim() !== '' && r.end_date.trim() < r.start_date.trim()) return `end_date ${r.end_date} is before start_date ${r.start_date}`;
  const p = r.participants.trim();
  if (p !== '' && !/^\d+$/.test(p)) return `invalid participants: "${p}" (a whole number, or empty when not stated)`;
  const a = r.participants_approximate.trim();
  if (!['', 'true', 'false'].includes(a)) return `invalid participants_approximate: "${a}" (true, false or empty)`;
  if (actionLines) {
    for (const al of splitList(r.action_line)) if (!actionLines.has(al)) return `unknown action line: ${al}`;
  }
  return null;
}

const orNull = (s: string | undefined) => (s == null || s.trim() === '' ? null : s.trim());

function toEventRow(r: Record<string, string>): EventRow {
  const a = r.participants_approximate.trim();
  return {
    id: r.id.trim(),
    title: r.title.trim(),
    start_date: orNull(r.start_date),
    end_date: orNull(r.end_date),
    date_text: orNull(r.date_text),
    venue: orNull(r.venue),
    action_line: orNull(r.action_line),
    facilitator: orNull(r.facilitator),
    co_facilitators: orNull(r.co_facilitators),
    chair: orNull(r.chair),
    participants: r.participants.trim() === '' ? null : Number(r.participants),
    participants_approximate: a === '' ? null : a === 'true',
    participants_text: orNull(r.participants_text),
    decisions: orNull(r.decisions),
    notes: orNull(r.notes),
    source: r.source.trim()
  };
}
