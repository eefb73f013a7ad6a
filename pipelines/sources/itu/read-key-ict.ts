// Pure reader of ITU's "Key ICT indicators for developed and developing countries and the world"
// and "... for the ITU/BDT regions" (one sheet, several tables stacked): a year header row
// (2005 ... 2018, 2019*, twice: totals, then rates), an indicator label row, then one row per
// aggregate. Only the right-hand half (rates) is read; '2019*' is ITU's estimate and becomes
// year 2019 with an 'estimate' note. Aggregate names carry trailing spaces in the regional
// tables ('Africa '). A row under a label this reader does not know, or an aggregate name it
// does not know, is refused with the row number and reason; nothing is guessed.
import type { QuarantineInput } from '../../lib/context';
import { InputError } from '../../lib/context';
import { ITU_AGGREGATES, KEY_ICT_BLOCKS } from './codes';
import { textOf, updatedDate, valueOf, yearOf, type Cell } from './sheet';

export interface ItuValue {
  indicator: string;
  economy: string;
  economyName: string;
  year: number;
  value: string | number | null;
  disaggregation: string;
  rowNumber: number;
}

export interface ItuNote {
  indicator: string;
  economy: string;
  year: number;
  disaggregation: string;
  kind: 'estimate' | 'note' | 'source';
  note: string;
}

export interface KeyIctRead {
  values: ItuValue[];
  notes: ItuNote[];
  refused: QuarantineInput[];
  /** Aggregate rows read (one per aggregate and block). */
  rowsRead: number;
  /** From the file's 'Updated: 28 October 2019' line; null when absent. */
  vintage: string | null;
}

interface YearColumn {
  col: number;
  year: number;
  estimate: boolean;
}

/** The rate columns of a year header row: the second run of years (the first run is totals). */
function rateColumns(row: Cell[]): YearColumn[] | null {
  const years = row.map((c, col) => ({ col, y: yearOf(c) })).filter((x) => x.y != null);
  if (years.length < 2) return null;
  const restart = years.findIndex((x, i) => i > 0 && x.y!.year === years[0].y!.year);
  if (restart < 0) return null;
  return years.slice(restart).map((x) => ({ col: x.col, year: x.y!.year, estimate: x.y!.estimate }));
}

/** A cell that holds a value or ITU's mark for a missing one (not a caption). */
const isDataCell = (c: Cell): boolean => typeof c === 'number' || /^(N\/A|\.\.\.|-?\d+(\.\d+)?)$/.test(textOf(c));

export function readKeyIct(rows: Cell[][], file: string): KeyIctRead {
  const out: KeyIctRead = { values: [], notes: [], refused: [], rowsRead: 0, vintage: null };
  let years: YearColumn[] | null = null;
  let block: { label: string; code: string | null } | null = null;
  rows.forEach((row, i) => {
    const rowNumber = i + 1;
    const first = textOf(row[0]);
    const header = rateColumns(row);
    if (header) {
      years = header;
      block = null;
      return;
    }
    out.vintage ??= updatedDate(first);
    if (!first) return; // unit captions ('(millions)', 'Per 100 inhabitants') and blank rows
    const cols: YearColumn[] = years ?? [];
    if (!cols.some((y) => isDataCell(row[y.col]))) {
      // A label row: an indicator block starts (a note or title line matches no block and ends it).
      if (years) block = { label: first, code: KEY_ICT_BLOCKS[first] ?? null };
      return;
    }
    if (!block || !years) return;
    const raw = JSON.stringify(row);
    out.rowsRead++;
    const aggregate = ITU_AGGREGATES[first];
    if (!block.code) {
      out.refused.push({ file, row_number: rowNumber, reason: `row under "${block.label}", an indicator block this reader does not know`, raw });
      return;
    }
    if (!aggregate) {
      out.refused.push({ file, row_number: rowNumber, reason: `"${first}" is not one of ITU's aggregates this reader knows (${Object.keys(ITU_AGGREGATES).join(', ')})`, raw });
      return;
    }
    for (const y of years) {
      const value = valueOf(row[y.col]);
      const base = { indicator: block.code, economy: aggregate.code, year: y.year, disaggregation: '' };
      out.values.push({ ...base, economyName: first, value, rowNumber });
      if (y.estimate && value != null) out.notes.push({ ...base, kind: 'estimate', note: `${y.year}*: ITU estimate (the file marks the year ${y.year}* and notes "* Estimate.")` });
    }
  });
  if (out.rowsRead === 0) throw new InputError(file, null, 'no aggregate rows found under a year header (2005 ... 2019*): not the ITU key ICT layout');
  return out;
}
