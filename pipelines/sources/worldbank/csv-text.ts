// CSV helpers for the small World Bank side files (metadata, DataBank exports, the catalog),
// on top of the project's one CSV parser (pipelines/lib/csv.ts). Big data files are never
// parsed here: DuckDB's read_csv does that (see bulk-file.ts).

import { parseCsvRecords, stripBom, type CsvRecord } from '../../lib/csv';

export { stripBom, type CsvRecord };

/** Parse CSV text with the project's one parser; an unterminated quote throws with its line. */
export function parseCsv(text: string, delim = ','): CsvRecord[] {
  return parseCsvRecords(text, { delimiter: delim });
}

/** Records as objects keyed by the header (first record); empty header names are dropped. */
export function csvObjects(text: string, delim = ','): { line: number; row: Record<string, string> }[] {
  const [header, ...rest] = parseCsv(text, delim);
  if (!header) return [];
  return rest
    .filter((r) => r.fields.some((f) => f !== ''))
    .map((r) => {
      const row: Record<string, string> = {};
      header.fields.forEach((name, i) => {
        if (name !== '') row[name.trim()] = r.fields[i] ?? '';
      });
      return { line: r.line, row };
    });
}
