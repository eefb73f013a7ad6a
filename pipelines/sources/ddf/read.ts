// Gapminder's DDF (Data Description Format) as open-numbers publishes it: long CSV files
// `ddf--datapoints--<concept>--by--<key>--<key>.csv` (one column per key, then the value
// column named after the concept) and `ddf--entities--<domain>.csv` (a key column and names).
// Pure readers: text in, rows out; an unreadable file throws an InputError naming file and line.
import { parseCsv, CsvError } from '../../lib/csv';
import { InputError } from '../../lib/context';

export interface DdfPoint {
  /** 1-based line in the file. */
  line: number;
  /** Key columns by name (geo_area, year, education_level, ...), as found. */
  keys: Record<string, string>;
  /** The value as found (text). */
  value: string;
}

export interface DdfDatapoints {
  keys: string[];
  points: DdfPoint[];
}

function parse(text: string, file: string) {
  try {
    return parseCsv(text);
  } catch (err) {
    if (err instanceof CsvError) throw new InputError(file, err.line, err.reason);
    throw err;
  }
}

/** A datapoints file whose value column is `concept`; every key in `expectKeys` must be a column. */
export function readDdfDatapoints(text: string, file: string, concept: string, expectKeys: string[]): DdfDatapoints {
  const table = parse(text, file);
  if (!table.header.includes(concept)) throw new InputError(file, table.headerLine, `no value column "${concept}" (header: ${table.header.join(',')})`);
  for (const k of expectKeys) if (!table.header.includes(k)) throw new InputError(file, table.headerLine, `no key column "${k}" (header: ${table.header.join(',')})`);
  const keys = table.header.filter((h) => h !== concept);
  const points = table.rows
    .filter((r) => r.values.some((v) => v.trim() !== ''))
    .map((r) => ({ line: r.line, keys: Object.fromEntries(keys.map((k) => [k, r.record[k].trim()])), value: r.record[concept].trim() }));
  return { keys, points };
}

/** An entity file as key -> row (the other columns by name). */
export function readDdfEntities(text: string, file: string, keyColumn: string): Map<string, Record<string, string>> {
  const table = parse(text, file);
  if (!table.header.includes(keyColumn)) throw new InputError(file, table.headerLine, `no key column "${keyColumn}"`);
  return new Map(table.rows.filter((r) => r.record[keyColumn].trim() !== '').map((r) => [r.record[keyColumn].trim(), r.record]));
}
