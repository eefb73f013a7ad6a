// Recognise which World Bank layout a file has from its first bytes, without parsing the
// whole file: the native bulk download (quoted 4-line preamble), the same without preamble,
// an Excel re-save (unquoted, preamble padded with commas, M/D/YYYY date), or a DataBank export.
import { parseCsv, stripBom } from './csv-text';

export type Layout = 'wb-bulk' | 'wb-bulk-noheader' | 'wb-excel' | 'databank';

export interface BulkLayout {
  layout: 'wb-bulk' | 'wb-bulk-noheader' | 'wb-excel';
  /** Last Updated Date as YYYY-MM-DD, or null when the file has none. */
  vintage: string | null;
  /** 1-based line number of the header row. */
  headerLine: number;
  /** Header names; empty names (the trailing comma) become "_blank<N>". */
  columns: string[];
}

export type Detected = BulkLayout | { layout: 'databank' };

/** M/D/YYYY, MM/DD/YYYY or YYYY-MM-DD to YYYY-MM-DD; null if it is not a date. */
export function normaliseDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return t;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
  return null;
}

const unquote = (s: string) => s.trim().replace(/^"(.*)"$/, '$1');

/** Detect the layout from the start of a file (a few KB, enough to hold the header line). */
export function detectLayout(file: string, head: string): Detected {
  const lines = stripBom(head).split(/\r?\n/);
  const first = unquote(lines[0].split(',')[0]);
  if (first === 'Series Name') return { layout: 'databank' };
  let vintage: string | null = null;
  for (let i = 0; i < Math.min(lines.length - 1, 10); i++) {
    const cells = lines[i].split(',').map(unquote);
    if (cells[0] === 'Last Updated Date') {
      vintage = normaliseDate(cells[1] ?? '');
      if (!vintage) throw new Error(`${file}, row ${i + 1}: Last Updated Date "${cells[1]}" is not a date`);
    }
    if (cells[0] === 'Country Name') {
      const header = parseCsv(lines[i])[0].fields.map((name, k) => (name.trim() === '' ? `_blank${k}` : name.trim()));
      const layout = i === 0 ? 'wb-bulk-noheader' : lines[0].startsWith('"') ? 'wb-bulk' : 'wb-excel';
      for (const need of ['Country Code', 'Indicator Code']) {
        if (!header.includes(need)) throw new Error(`${file}, row ${i + 1}: header has no "${need}" column`);
      }
      return { layout, vintage, headerLine: i + 1, columns: header };
    }
  }
  throw new Error(`${file}: not a World Bank data file (no "Country Name" header in the first 10 lines, no DataBank header)`);
}
