// Pure readers of ITU's latest-year household files (June 2019 edition):
//
// CoreHouseholdIndicators_Jun2019.xlsx: row 3 the indicator codes '(HH1)' ... '(HH10)', each
// followed by a footnote-marker column and a "Year of data" column (HH5 has an empty column
// between); one row per economy, numbered in column A; values as text ('99.2'), '...' for
// missing; footnotes "(1) 18+ (2) ..." in one cell below the table. Codes become ITU_HH1, ...,
// ITU_HH3F, ITU_HH3M (the file's HH3f / HH3m).
//
// Individuals using the internet by gender_Jun2019.xlsx: "Latest year", "All individuals",
// "Male", "Female" per economy; male and female are staged as ITU_HH7 with sex=male / sex=female
// (ITU's HH7, individuals using the Internet from any location). The "All individuals" column is
// returned for comparison with the Core Household file's HH7, not staged twice.
import { InputError } from '../../lib/context';
import { disaggregation } from '../../observations';
import { householdCode } from './codes';
import type { EconomyRow } from './read-wtid';
import { textOf, valueOf, type Cell } from './sheet';

/** '(1) 18+ (2) Households that ...' -> { '1': '18+', '2': 'Households that ...' }. */
export function parseFootnotes(text: string): Map<string, string> {
  const notes = new Map<string, string>();
  const parts = text.split(/\((\d+)\)/);
  for (let i = 1; i + 1 < parts.length; i += 2) notes.set(parts[i], parts[i + 1].trim());
  return notes;
}

/** The footnote cell below a table: the first cell text that starts with '(1)' (or holds it after a preamble). */
function footnotesBelow(rows: Cell[][], from: number): Map<string, string> {
  for (const row of rows.slice(from)) {
    const text = textOf(row[0]);
    const at = text.indexOf('(1)');
    if (at >= 0) return parseFootnotes(text.slice(at));
  }
  return new Map();
}

function markerNotes(marker: Cell, footnotes: Map<string, string>): string[] {
  const m = textOf(marker);
  if (!m) return [];
  return m.split(/[,\s]+/).filter(Boolean).map((k) => (footnotes.has(k) ? `(${k}) ${footnotes.get(k)}` : `footnote ${k} (its text is not in the file)`));
}

export function readCoreHousehold(rows: Cell[][], file: string): { economies: EconomyRow[]; codes: string[] } {
  const headerIndex = rows.findIndex((r) => r.some((c) => householdCode(textOf(c)) != null));
  if (headerIndex < 0) throw new InputError(file, null, 'no header row with codes like (HH1): not the ITU Core Household Indicators layout');
  const header = rows[headerIndex];
  const starts = header.map((c, col) => ({ col, code: householdCode(textOf(c)) })).filter((x): x is { col: number; code: string } => x.code != null);
  const columns = starts.map((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].col : header.length;
    const yearCol = header.findIndex((c, col) => col > s.col && col < end && textOf(c) === 'Year');
    if (yearCol < 0) throw new InputError(file, headerIndex + 1, `no "Year" column after ${textOf(header[s.col])}`);
    return { code: s.code, value: s.col, marker: s.col + 1, year: yearCol };
  });
  const dataRows = rows.map((row, i) => ({ row, rowNumber: i + 1 })).filter(({ row }, i) => i > headerIndex && typeof row[0] === 'number');
  const footnotes = footnotesBelow(rows, headerIndex + 1);
  const economies = dataRows.map(({ row, rowNumber }) => {
    const name = textOf(row[1]);
    if (!name) throw new InputError(file, rowNumber, 'numbered row without an economy name');
    const e: EconomyRow = { name, rowNumber, raw: JSON.stringify(row), values: [], notes: [] };
    for (const c of columns) {
      const value = valueOf(row[c.value]);
      if (value == null) continue;
      const year = typeof row[c.year] === 'number' ? (row[c.year] as number) : NaN; // no year: refused at publish
      e.values.push({ indicator: c.code, economyName: name, year, value, disaggregation: '', rowNumber });
      for (const note of markerNotes(row[c.marker], footnotes)) e.notes.push({ indicator: c.code, year, disaggregation: '', kind: 'note', note });
    }
    return e;
  });
  return { economies, codes: columns.map((c) => c.code) };
}

export interface GenderRow extends EconomyRow {
  /** The file's "All individuals" value and year, for comparison with HH7. */
  all: { year: number; value: string | number | null };
}

export function readInternetByGender(rows: Cell[][], file: string): GenderRow[] {
  const headerIndex = rows.findIndex((r) => r.some((c) => textOf(c) === 'Male') && r.some((c) => textOf(c) === 'Female'));
  if (headerIndex < 0) throw new InputError(file, null, 'no header row with "Male" and "Female": not the ITU Internet-by-gender layout');
  const header = rows[headerIndex];
  const col = (label: string) => {
    const i = header.findIndex((c) => textOf(c).toLowerCase() === label.toLowerCase());
    if (i < 0) throw new InputError(file, headerIndex + 1, `no "${label}" column`);
    return i;
  };
  const cols = { year: col('year'), all: col('Individuals'), male: col('Male'), female: col('Female') };
  const out: GenderRow[] = [];
  let i = headerIndex + 1;
  for (; i < rows.length && textOf(rows[i][0]) !== ''; i++) {
    const row = rows[i];
    const rowNumber = i + 1;
    const name = textOf(row[0]);
    const year = typeof row[cols.year] === 'number' ? (row[cols.year] as number) : NaN;
    const e: GenderRow = { name, rowNumber, raw: JSON.stringify(row), values: [], notes: [], all: { year, value: valueOf(row[cols.all]) } };
    for (const sex of ['male', 'female'] as const) {
      const value = valueOf(row[cols[sex]]);
      if (value == null) continue;
      e.values.push({ indicator: 'ITU_HH7', economyName: name, year, value, disaggregation: disaggregation({ sex }), rowNumber });
    }
    out.push(e);
  }
  const footnotes = footnotesBelow(rows, i);
  for (const e of out) {
    const row = rows[e.rowNumber - 1];
    for (const note of markerNotes(row[cols.all + 1], footnotes)) {
      for (const v of e.values) e.notes.push({ indicator: v.indicator, year: v.year, disaggregation: v.disaggregation, kind: 'note', note });
    }
  }
  return out;
}
