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
