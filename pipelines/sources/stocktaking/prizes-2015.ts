// Converter: the WSIS Prizes 2015 nominated projects (mirror wsis/prizes-2015/, 302 rows
// scraped from the ITU stocktaking site: Category, Project, Organisation, Country) -> records
// in the stocktaking template (data/stocktaking/schema.json), which are then checked like any
// export. What it does to each row, in order:
// 1. text: every field is repaired from the file's double mis-encoding (mojibake.ts); the
//    repair is recorded in the row's conversion_note;
// 2. spaces: leading and trailing spaces are trimmed (organisation names end in spaces);
// 3. action line: the printed label ("C7. ICT APPLICATIONS: E-GOVERNMENT") -> id;
// 4. country: the upper-case name -> ISO3 through the name lookup it is given; "INTERNATIONAL"
//    means no single country (countries left empty, noted);
// 5. stakeholder type: not in the source: derived by the documented rules or 'not_stated'.
// A row whose action line or country cannot be mapped is refused with the reason, never
// guessed. The list has no dates: reported_year is 2015, the year of the prizes.
import { CsvError, parseCsv } from '../../lib/csv';
import type { QuarantineRow } from '../../lib/context';
import { actionLineOfLabel } from './action-line-labels';
import { describeRepair, repairLatin1Field } from './mojibake';
import { deriveStakeholderType } from './stakeholder-rules';
import type { ExportRecord } from './export-file';

export const PRIZES_2015_FILE = 'wsis/prizes-2015/wsis-prizes-2015-nominated-projects.csv';
export const PRIZES_2015_ID_PREFIX = 'WSIS-PRIZES-2015-';
export const PRIZES_2015_YEAR = 2015;
const COLUMNS = ['Category', 'Project', 'Organisation', 'Country'] as const;
/** Country values that state a scope, not a country. */
const NO_SINGLE_COUNTRY = new Set(['INTERNATIONAL']);

export const PRIZES_2015_SOURCE =
  'WSIS Prizes 2015 nominated projects, ITU WSIS stocktaking site, as scraped in anjesh/wsis-projects-2015 @ 474159d5 (scrapper/wsis-projects-data.csv; mirror wsis/prizes-2015/)';

/** Country name as printed -> ISO3, or null when the name is not known. */
export type CountryLookup = (name: string) => string | null;

export interface Converted {
  records: ExportRecord[];
  refused: QuarantineRow[];
  /** Rows whose text needed the encoding repair. */
  repairedRows: number;
}

/**
 * Convert the file read byte-for-byte (`latin1`, so each character is one byte of the file).
 * Rows are numbered by the line they start on (header = line 1); ids are PRIZES_2015_ID_PREFIX
 * + that line, so an id stays the same as long as the file does.
 */
export function convertPrizes2015(latin1Text: string, toIso3: CountryLookup, file = PRIZES_2015_FILE): Converted {
  let table;
  try {
    table = parseCsv(latin1Text);
  } catch (err) {
    if (err instanceof CsvError) throw new Error(`${file}: not readable as CSV: ${err.message}`);
    throw err;
  }
  const missing = COLUMNS.filter((c) => !table.header.includes(c));
  if (missing.length) throw new Error(`${file}: missing column(s) ${missing.join(', ')} (header: ${table.header.join(', ')})`);

  const out: Converted = { records: [], refused: [], repairedRows: 0 };
  for (const { line, record, values } of table.rows) {
    const notes: string[] = [];
    const text: Record<string, string> = {};
    for (const column of COLUMNS) {
      const repair = repairLatin1Field(record[column] ?? '');
      const note = describeRepair(column, repair);
      if (note) notes.push(note);
      text[column] = repair.text.trim();
    }
    const raw = values.map((v) => repairLatin1Field(v).text).join(',');
    const refuse = (reason: string) => out.refused.push({ source: 'stocktaking', file, row_number: line, reason, raw });
    if (notes.length) out.repairedRows++;

    const actionLine = actionLineOfLabel(text.Category);
    if (!actionLine) {
      refuse(`unknown action-line label: "${text.Category}"`);
      continue;
    }
    let countries = '';
    if (NO_SINGLE_COUNTRY.has(text.Country.toUpperCase())) {
      notes.push(`country given as "${text.Country}": no single country`);
    } else if (text.Country === '') {
      notes.push('no country given');
    } else {
      const iso3 = toIso3(text.Country);
      if (!iso3) {
        refuse(`country name not recognised: "${text.Country}"`);
        continue;
      }
      countries = iso3;
      notes.push(`country "${text.Country}" -> ${iso3}`);
    }
    const derived = deriveStakeholderType(text.Organisation);
    const encodingNotes = notes.filter((n) => COLUMNS.some((c) => n.startsWith(`${c}:`)));
    const otherNotes = notes.filter((n) => !encodingNotes.includes(n));
    const conversion = [
      ...(encodingNotes.length ? [`encoding repaired (UTF-8 read as Windows-1252, saved as Mac Roman): ${encodingNotes.join('; ')}`] : []),
      ...otherNotes
    ];
    out.records.push({
      row: line,
      raw,
      record: {
        id: `${PRIZES_2015_ID_PREFIX}${line}`,
        title: text.Project,
        lead_organisation: text.Organisation,
        stakeholder_type: derived.type,
        stakeholder_type_rule: derived.rule ?? '',
        countries,
        action_lines: actionLine,
        status: 'unknown',
        reported_year: String(PRIZES_2015_YEAR),
        source: `${PRIZES_2015_SOURCE}, line ${line}`,
        conversion_note: conversion.join('; ')
      }
    });
  }
  return out;
}
