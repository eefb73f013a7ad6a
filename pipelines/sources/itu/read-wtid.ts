// Pure reader of ITU's World Telecommunication/ICT Indicators time-series files (June 2019
// edition): sheet "Final", row 1 the block titles (e.g. "Fixed-telephone subscriptions",
// "Fixed-telephone subscriptions per 100 inhabitants", "Metadata for ..."), row 2 the years of
// each block and the "Notes YYYY" / "Source YYYY" columns, then one row per economy (ITU names,
// some with trailing spaces). The block named by `title` is read; the per-year Notes and Source
// texts become notes of the year's value. A cell without a header (the Internet file holds a
// stray number in the column between its blocks) is not read.
import { InputError } from '../../lib/context';
import type { ItuNote, ItuValue } from './read-key-ict';
import { textOf, valueOf, yearOf, type Cell } from './sheet';

export interface EconomyRow {
  /** Name as published (trimmed). */
  name: string;
  rowNumber: number;
  raw: string;
  /** Values without an economy code yet (the caller harmonises the name). */
  values: Omit<ItuValue, 'economy'>[];
  notes: Omit<ItuNote, 'economy'>[];
}

export interface WtidRead {
  economies: EconomyRow[];
}

export function readWtid(rows: Cell[][], file: string, spec: { title: RegExp; code: string }): WtidRead {
  const [titles = [], header = []] = rows;
  const start = titles.findIndex((c) => spec.title.test(textOf(c)));
  if (start < 0) throw new InputError(file, 1, `no block titled ${spec.title} in row 1 (found: ${titles.map(textOf).filter(Boolean).join(' | ')})`);
  const years: { col: number; year: number }[] = [];
  for (let col = start; col < header.length; col++) {
    const y = yearOf(header[col]);
    if (!y) break;
    years.push({ col, year: y.year });
  }
  if (years.length === 0) throw new InputError(file, 2, `no years under "${textOf(titles[start])}"`);
  const noteCols = new Map<number, { kind: 'note' | 'source'; col: number }[]>();
  header.forEach((c, col) => {
    const m = /^(Notes|Source) (\d{4})$/.exec(textOf(c));
    if (!m) return;
    const year = Number(m[2]);
    noteCols.set(year, [...(noteCols.get(year) ?? []), { kind: m[1] === 'Notes' ? 'note' : 'source', col }]);
  });

  const economies: EconomyRow[] = [];
  rows.slice(2).forEach((row, i) => {
    const name = textOf(row[0]);
    if (!name) {
      if (years.some((y) => valueOf(row[y.col]) != null)) throw new InputError(file, i + 3, 'values without an economy name');
      return; // blank rows below the table
    }
    const e: EconomyRow = { name, rowNumber: i + 3, raw: JSON.stringify(row.slice(0, Math.max(...years.map((y) => y.col)) + 1)), values: [], notes: [] };
    for (const y of years) {
      const value = valueOf(row[y.col]);
      e.values.push({ indicator: spec.code, economyName: name, year: y.year, value, disaggregation: '', rowNumber: i + 3 });
      if (value == null) continue;
      for (const n of noteCols.get(y.year) ?? []) {
        const text = textOf(row[n.col]);
        if (text) e.notes.push({ indicator: spec.code, year: y.year, disaggregation: '', kind: n.kind, note: text });
      }
    }
    economies.push(e);
  });
  return { economies };
}
