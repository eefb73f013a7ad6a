// Source `egov`: UN DESA E-Government Survey indices, 2003-2022, from the E-Government
// Knowledgebase data-centre downloads in <mirror>/un/egov/EGOV_DATA_<year>.csv (online: the
// same files from the repository the mirror copied). One CSV per survey edition, country
// names only (with the export's trailing spaces and "Georgia (Country)"): names go to ISO3
// through the harmoniser (context 'UN DESA'); an unmatched name is quarantined with file and
// row, never guessed. Each column is one series, staged as one batch over all editions (the
// served pick is per series, so one batch must hold every year) with the vintage of the latest
// edition (the 2022 Survey was launched on 28 September 2022):
//   E-Government Index -> EGOV_EGDI, Online Service Index -> EGOV_OSI, E-Participation Index
//   -> EGOV_EPI, Telecommunication Infrastructure Index -> EGOV_TII, Human Capital Index ->
//   EGOV_HCI, E-Government Rank -> EGOV_RANK (lower is better, no upper bound).
// Refused: a row whose Survey Year is not the file's year.
import type { Source, SourceContext, SourceReport, QuarantineInput } from '../lib/context';
import { InputError } from '../lib/context';
import { failedReport, skippedReport, sourceReport } from '../lib/report';
import { parseCsv, CsvError } from '../lib/csv';
import { combineChecksums } from '../lib/checksum';
import { createHarmoniser } from '../harmonise';
import { stageObservations, type ObservationInput } from '../observations';
import { inMirror, isUnreachable, readInput } from './inputs';
import { OBSERVATIONS } from '../lib/snapshot';

export const EGOV_DIR = 'un/egov';
export const EGOV_YEARS = [2003, 2004, 2005, 2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022];
export const EGOV_VINTAGE = '2022-09-28';
const RAW = 'https://raw.githubusercontent.com/sevenChrisK/text-mining-week1/c95223650d397799bb9e587181fc4f8065388f73/data/';
const PUBLISHER = 'UN DESA (E-Government Survey)';
const SERVICE = 'UN E-Government Knowledgebase';

export const EGOV_COLUMNS: Record<string, string> = {
  'E-Government Index': 'EGOV_EGDI',
  'Online Service Index': 'EGOV_OSI',
  'E-Participation Index': 'EGOV_EPI',
  'Telecommunication Infrastructure Index': 'EGOV_TII',
  'Human Capital Index': 'EGOV_HCI',
  'E-Government Rank': 'EGOV_RANK'
};

export const egovFile = (year: number) => `${EGOV_DIR}/EGOV_DATA_${year}.csv`;

export const egov: Source = {
  snapshot: OBSERVATIONS,
  id: 'egov',
  description: 'UN E-Government Survey 2003-2022: EGDI, online services, e-participation, infrastructure, human capital, rank',
  required: false,
  origin: {
    publisher: PUBLISHER,
    url: 'https://publicadministration.un.org/egovkb/en-us/Data-Center',
    licence: 'UN DESA: free download with attribution',
    inputs: [`${EGOV_DIR}/EGOV_DATA_<year>.csv`, `${RAW}EGOV_DATA_<year>.csv`]
  },
  run: loadEgov
};

export async function loadEgov(ctx: SourceContext): Promise<SourceReport> {
  if (ctx.mirror && !inMirror(ctx, egovFile(2022))) return skippedReport(`no ${EGOV_DIR}/ in the mirror`);
  const names = await createHarmoniser(ctx.conn, { root: ctx.root });
  const series = new Map<string, ObservationInput[]>(Object.values(EGOV_COLUMNS).map((c) => [c, []]));
  const refused: QuarantineInput[] = [];
  const checksums: string[] = [];
  const problems: string[] = [];
  let rowsRead = 0;
  let files = 0;
  for (const year of EGOV_YEARS) {
    const path = egovFile(year);
    let input;
    try {
      input = await readInput(ctx, { path, url: `${RAW}EGOV_DATA_${year}.csv` }, SERVICE);
    } catch (err) {
      if (isUnreachable(err) || err instanceof InputError) {
        problems.push(err.message);
        if (isUnreachable(err) && files === 0) return failedReport(`${err.message}; no E-Government Survey edition loaded`);
        continue;
      }
      throw err;
    }
    files++;
    checksums.push(input.checksum);
    let table;
    try {
      table = parseCsv(input.text);
    } catch (err) {
      if (err instanceof CsvError) throw new InputError(input.file, err.line, err.reason);
      throw err;
    }
    for (const col of ['Survey Year', 'Country Name', ...Object.keys(EGOV_COLUMNS)]) {
      if (!table.header.includes(col)) throw new InputError(input.file, table.headerLine, `no column "${col}"`);
    }
    for (const { line, record, values } of table.rows) {
      if (values.every((v) => v.trim() === '')) continue;
      rowsRead++;
      const raw = values.join(',');
      if (record['Survey Year'].trim() !== String(year)) {
        refused.push({ file: input.file, row_number: line, reason: `Survey Year "${record['Survey Year']}" is not the file's year ${year}`, raw });
        continue;
      }
      const name = record['Country Name'];
      const iso3 = names.toIso3(name, 'UN DESA');
      if (!iso3) {
        refused.push({ file: input.file, row_number: line, reason: `unmatched country name: "${name}"`, raw });
        continue;
      }
      for (const [col, code] of Object.entries(EGOV_COLUMNS)) {
        series.get(code)!.push({ economy: iso3, economyName: name.trim(), year, value: record[col], rowNumber: line, file: input.file });
      }
    }
  }
  for (const [code, rows] of series) {
    await stageObservations(
      ctx.conn,
      {
        indicator: code,
        vintage: EGOV_VINTAGE,
        publisher: PUBLISHER,
        layout: 'egov-csv',
        file: `${EGOV_DIR}/EGOV_DATA_{${EGOV_YEARS.join(',')}}.csv`,
        checksum: combineChecksums(checksums) ?? '',
        source: `UN DESA, United Nations E-Government Survey ${EGOV_YEARS[0]}-${EGOV_YEARS[EGOV_YEARS.length - 1]} (E-Government Knowledgebase data centre, one file per edition; vintage: the 2022 edition, launched ${EGOV_VINTAGE})`,
        sourceId: 'egov'
      },
      rows
    );
  }
  await ctx.quarantine(refused);
  return sourceReport({
    status: files === 0 ? 'failed' : problems.length ? 'partial' : 'ok',
    files,
    rowsRead,
    rowsQuarantined: refused.length,
    checksums,
    vintages: files ? [EGOV_VINTAGE] : [],
    messages: [...problems, `${files} editions, ${series.size} series`, `names: ${names.summary()}`]
  });
}
