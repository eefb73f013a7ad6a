// Reading ITU's Excel files (BIFF .xls and .xlsx) with @e965/xlsx: the first sheet as rows of
// cells, ITU's missing-value marks, and the release date a file carries.
import * as XLSX from '@e965/xlsx';
import { InputError } from '../../lib/context';

export type Cell = string | number | boolean | null;

export interface Sheet {
  name: string;
  /** Rows of cells; rows[i] is sheet row i + 1 of the used range (ITU ranges start at row 1). */
  rows: Cell[][];
  /** The workbook's last-saved date (YYYY-MM-DD), from its document properties. */
  modified: string | null;
}

/** The first sheet of a workbook; an unreadable file is an InputError naming it. */
export function readSheet(bytes: Uint8Array, file: string): Sheet {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array' });
  } catch (e) {
    throw new InputError(file, null, `not a readable Excel workbook (${e instanceof Error ? e.message : String(e)})`);
  }
  const name = wb.SheetNames[0];
  if (!name) throw new InputError(file, null, 'the workbook has no sheet');
  const sheet = wb.Sheets[name];
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1:A1');
  if (range.s.r !== 0) throw new InputError(file, null, `sheet "${name}" does not start at row 1 (${sheet['!ref']})`);
  const rows = XLSX.utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
  const date = wb.Props?.ModifiedDate;
  const modified = date ? new Date(date).toISOString().slice(0, 10) : null;
  return { name, rows, modified };
}

/** ITU's marks for "no value": '...' (data not available), 'N/A' (not available), empty. */
const MISSING = new Set(['', '...', '..', 'N/A', 'n/a']);

/**
 * A cell as a value to stage: numbers as they are, text trimmed, ITU's missing marks as null.
 * Other text (e.g. '-', ITU's "zero or less than the unit shown") is kept as text, so the
 * publish step refuses it into quarantine with its reason rather than it being guessed.
 */
export function valueOf(cell: Cell): string | number | null {
  if (cell == null || typeof cell === 'boolean') return null;
  if (typeof cell === 'number') return cell;
  const text = cell.trim();
  return MISSING.has(text) ? null : text;
}

/** Text of a cell, trimmed ('' for empty). */
export const textOf = (cell: Cell): string => (cell == null ? '' : String(cell).trim());

/** A year header cell: 2005 -> { year: 2005, estimate: false }; '2019*' -> { year: 2019, estimate: true }. */
export function yearOf(cell: Cell): { year: number; estimate: boolean } | null {
  const m = /^(\d{4})(\*?)$/.exec(textOf(cell));
  return m ? { year: Number(m[1]), estimate: m[2] === '*' } : null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 'Updated: 28 October 2019' -> '2019-10-28'; null when the text is not such a line. */
export function updatedDate(text: string): string | null {
  const m = /^updated:\s*(\d{1,2})\s+([a-z]+)\s+(\d{4})$/i.exec(text.trim());
  const month = m ? MONTHS.indexOf(m[2].toLowerCase()) : -1;
  if (!m || month < 0) return null;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}
