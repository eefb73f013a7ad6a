// Stage a World Bank DataBank export: "Series Name,Series Code,Country Name,Country Code,
// 1971 [YR1971],...", '..' for missing, several series in one file, then blank rows and a
// footer ("Data from database: ...", "Last Updated: 02/15/2022") giving the vintage.
// These exports are small, so they are parsed here in JavaScript.
import type { DuckDBConnection } from '@duckdb/node-api';
import { insertQuarantine } from '../../lib/warehouse';
import type { QuarantineRow } from '../../lib/context';
import { parseCsv, type CsvRecord } from './csv-text';
import { normaliseDate } from './layout';
import { stageObservationBatches, type ObservationInput } from '../../observations';
import type { StagedBatch } from '../../observations/staging';
import { fileCitation, PUBLISHER, QUARANTINE_SOURCE } from './batch-id';
import type { StagedFile } from './bulk-file';

/** "1971 [YR1971]" -> "1971"; anything else is kept as found (validation refuses it). */
export function databankYear(header: string): string {
  const m = /^(\d{4}) \[YR\1\]$/.exec(header.trim());
  return m ? m[1] : header.trim();
}

/** Where the data stops: the first all-empty record after the header. */
function splitFooter(records: CsvRecord[]): { data: CsvRecord[]; footer: CsvRecord[] } {
  const end = records.findIndex((r, i) => i > 0 && r.fields.every((f) => f.trim() === ''));
  return end < 0 ? { data: records, footer: [] } : { data: records.slice(0, end), footer: records.slice(end) };
}

export function databankVintage(file: string, footer: CsvRecord[]): string | null {
  for (const r of footer) {
    const m = /^Last Updated:\s*(.+)$/.exec(r.fields[0].trim());
    if (m) {
      const date = normaliseDate(m[1]);
      if (!date) throw new Error(`${file}, row ${r.line}: "Last Updated: ${m[1]}" is not a date`);
      return date;
    }
  }
  return null;
}

export async function stageDatabankFile(conn: DuckDBConnection, text: string, file: string, checksum: string): Promise<StagedFile> {
  const { data, footer } = splitFooter(parseCsv(text));
  const [header, ...rows] = data;
  const names = header.fields.map((f) => f.trim());
  const codeAt = names.indexOf('Series Code');
  const countryAt = names.indexOf('Country Code');
  const nameAt = names.indexOf('Country Name');
  if (codeAt < 0 || countryAt < 0) throw new Error(`${file}, row ${header.line}: DataBank header without Series Code / Country Code`);
  const yearCols = names.map((n, i) => ({ i, year: databankYear(n) })).filter((c) => ![codeAt, countryAt, nameAt, names.indexOf('Series Name')].includes(c.i) && c.year !== '');
  const vintage = databankVintage(file, footer);

  const malformed: QuarantineRow[] = [];
  const bySeries = new Map<string, ObservationInput[]>();
  for (const r of rows) {
    if (r.fields.length !== names.length) {
      malformed.push({
        source: QUARANTINE_SOURCE,
        file,
        row_number: r.line,
        reason: `malformed line: Expected Number of Columns: ${names.length} Found: ${r.fields.length}`,
        raw: r.fields.join(',')
      });
      continue;
    }
    const code = r.fields[codeAt].trim();
    const staged = bySeries.get(code) ?? [];
    bySeries.set(code, staged);
    for (const c of yearCols) {
      staged.push({ economy: r.fields[countryAt].trim(), economyName: r.fields[nameAt] ?? null, year: c.year, value: r.fields[c.i], rowNumber: r.line });
    }
  }
  await insertQuarantine(conn, malformed);
  const batches: StagedBatch[] = await stageObservationBatches(
    conn,
    [...bySeries].map(([code, staged]) => ({
      input: { indicator: code, vintage, publisher: PUBLISHER, layout: 'databank', file, checksum, source: fileCitation(file, vintage), sourceId: QUARANTINE_SOURCE },
      rows: staged.filter((s) => s.value !== '')
    }))
  );
  return { batches, linesRead: rows.length, linesRejected: malformed.length };
}
