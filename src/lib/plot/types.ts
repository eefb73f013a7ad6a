// What a page needs to show a chart: the server-rendered SVG, a title, a one-sentence
// summary written from the data, the data itself (shown as a table and downloadable as
// CSV: exactly the rows drawn), and the source and vintage.
export interface ChartColumn {
  key: string;
  label: string;
  /** 'number' columns are right-aligned and formatted. */
  kind?: 'text' | 'number';
  digits?: number;
}

export type ChartRow = Record<string, string | number | boolean | null>;

export interface ChartView {
  id: string;
  title: string;
  summary: string;
  svg: string;
  columns: ChartColumn[];
  rows: ChartRow[];
  csvHref: string;
  source: string;
  /** Short notes shown under the summary (e.g. countries a map cannot draw). */
  notes?: string[];
}

/**
 * Columns in declaration order, `key: label`; `digits` names the number columns and their decimals.
 * chartColumns({ year: 'Year', value: '%' }, { value: 1 }) is [{ key: 'year', label: 'Year' }, { key: 'value', label: '%', kind: 'number', digits: 1 }].
 */
export function chartColumns(labels: Record<string, string>, digits: Record<string, number> = {}): ChartColumn[] {
  for (const key of Object.keys(digits)) if (!(key in labels)) throw new Error(`chartColumns: digits for unknown column ${key}`);
  return Object.entries(labels).map(([key, label]) => (key in digits ? { key, label, kind: 'number', digits: digits[key] } : { key, label }));
}
