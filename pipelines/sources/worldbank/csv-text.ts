// A small RFC 4180 parser for the small World Bank side files (metadata, DataBank exports,
// the catalog): quoted fields may span lines, so each record keeps the line it starts on.
// Big data files are never parsed here: DuckDB's read_csv does that (see bulk-file.ts).

export interface CsvRecord {
  /** 1-based physical line number where the record starts. */
  line: number;
  fields: string[];
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parse CSV text; an unterminated quote throws with the line it started on. */
export function parseCsv(text: string, delim = ','): CsvRecord[] {
  const src = stripBom(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let quoteLine = 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"') {
      quoted = true;
      quoteLine = line;
    } else if (ch === delim) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
    i++;
  }
  if (quoted) throw new Error(`unterminated quote starting on line ${quoteLine}`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
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
