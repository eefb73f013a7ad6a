// A small CSV parser for the files this project reads: RFC 4180 quoting ("" inside quotes),
// a UTF-8 byte-order mark, LF / CRLF / CR line endings, quoted fields spanning lines, and any
// one-character delimiter (UNSD publishes M49 both comma- and semicolon-separated).
// Every record keeps the 1-based line number where it starts, so errors and quarantine rows
// can name the line a person would find in an editor.

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export interface CsvRow {
  /** 1-based line on which the row starts. */
  line: number;
  /** Fields in file order. */
  values: string[];
  /** Fields by header name ('' where the row is shorter than the header). */
  record: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  /** Line of the header (1-based). */
  headerLine: number;
  rows: CsvRow[];
}

export interface CsvOptions {
  /** Field delimiter; default ','. Use detectDelimiter() when a file may be either. */
  delimiter?: string;
}

/** A file that cannot be parsed as CSV (e.g. a quote never closed). */
export class CsvError extends Error {
  constructor(
    public line: number,
    public reason: string
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvError';
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Split text into records. Blank lines come back as records with one empty field (callers
 * decide whether that matters); a final newline does not make an extra record.
 */
export function parseCsvRecords(text: string, options: CsvOptions = {}): CsvRecord[] {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new Error(`invalid CSV delimiter: ${JSON.stringify(delimiter)}`);
  }
  const s = stripBom(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let fieldStarted = false; // anything seen on this record yet (so a trailing newline adds nothing)

  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };

  while (i < s.length) {
    const c = s[i];
    if (c === '"' && field === '') {
      // Quoted field: read to the closing quote, "" is a literal quote, newlines are kept.
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= s.length) throw new CsvError(quoteLine, 'quoted field is never closed');
        const q = s[i];
        if (q === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\r' || q === '\n') {
          line++;
          if (q === '\r' && s[i + 1] === '\n') {
            field += '\r\n';
            i += 2;
            continue;
          }
        }
        field += q;
        i++;
      }
      fieldStarted = true;
      // Characters between the closing quote and the delimiter are kept as written (as
      // spreadsheet programs do) rather than refused.
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = '';
      fieldStarted = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    fieldStarted = true;
    i++;
  }
  if (fieldStarted || fields.length > 0 || field !== '') endRecord();
  return records;
}

export function isBlankRecord(fields: string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

/**
 * Parse a CSV with a header row. Blank lines (before or after the header) are skipped;
 * header names are trimmed. Rows keep their line numbers.
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvTable {
  const records = parseCsvRecords(text, options).filter((r) => !isBlankRecord(r.fields));
  if (records.length === 0) return { header: [], headerLine: 0, rows: [] };
  const [head, ...body] = records;
  const header = head.fields.map((h) => h.trim());
  const rows = body.map((r) => {
    const record: Record<string, string> = {};
    header.forEach((name, i) => {
      if (name !== '' && !(name in record)) record[name] = r.fields[i] ?? '';
    });
    return { line: r.line, values: r.fields, record };
  });
  return { header, headerLine: head.line, rows };
}

/** Guess the delimiter from the first line: whichever of , ; tab occurs most outside quotes. */
export function detectDelimiter(text: string): string {
  const s = stripBom(text);
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const c of s) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && c in counts) counts[c]++;
  }
  const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? best : ',';
}
