// Sources `itu-key-ict` and `itu-wtid`: ITU's own Excel files (BIFF .xls and .xlsx), read with
// @e965/xlsx, staged through the shared observation step under ITU_ codes (codes.ts; each has a
// catalog row in data/indicators.csv).
//
// itu-key-ict reads itu/key-ict-2005-2019/*.xls: ITU's published world, developed, developing,
//   LDC and six ITU/BDT regional aggregates 2005-2019 (declared as economies ITU_WLD, ...);
//   2019* is ITU's estimate, loaded as 2019 with an 'estimate' row in observation_note.
// itu-wtid reads itu/wtid-jun2019/: the four 2000-2018 time series (Internet use, mobile,
//   fixed telephone, fixed broadband per 100), the Core Household Indicators (latest year per
//   economy, ITU_HH1 ... ITU_HH10) and Internet use by sex (ITU_HH7, sex=female / sex=male).
//   ITU names go through the shared harmoniser (context 'ITU'); a name it cannot match is
//   quarantined with the name, file and row, never guessed.
// What is refused: rows of an unknown block or aggregate (key ICT), unmatched names (WTID);
// values the publish step refuses (non-numeric such as '-', no year, out of range) are
// quarantined there under the same source id.
import type { Source, SourceContext, SourceReport } from '../../lib/context';
import { InputError } from '../../lib/context';
import { sourceReport, skippedReport, failedReport } from '../../lib/report';
import { declareAggregates } from '../../observations';
import { createHarmoniser } from '../../harmonise';
import { ITU, ITU_LICENCE, WTID_SERIES, aggregateDeclarations } from './codes';
import { ITU_URL_SETTING, loadInputs, type InputFile } from './inputs';
import { readKeyIct, type ItuNote, type ItuValue } from './read-key-ict';
import { readWtid, type EconomyRow } from './read-wtid';
import { readCoreHousehold, readInternetByGender, type GenderRow } from './read-households';
import { readSheet } from './sheet';
import { stageItuValues } from './stage';
import { OBSERVATIONS } from '../../lib/snapshot';

export const KEY_ICT_FILE = 'ITU_Key_2005-2019_ICT_data_with LDCs_28Oct2019_Final.xls';
export const WTID_FILES = [
  'Individuals_Internet_2000-2018_Jun2019.xls',
  'Mobile_cellular_2000-2018_Jun2019.xls',
  'Fixed_tel_2000-2018_Jun2019_revised_27082019.xls',
  'Fixed_broadband_2000-2018_Jun2019_revised27082019.xls',
  'CoreHouseholdIndicators_Jun2019.xlsx',
  'Individuals using the internet by gender_Jun2019.xlsx'
];
const ITU_PAGE = 'https://www.itu.int/en/ITU-D/Statistics/Pages/stat/default.aspx';

function unreachable(problems: string[], what: string): SourceReport {
  return failedReport(`${problems.join('; ')}; no ${what} loaded`);
}

export const ituKeyIct: Source = {
  snapshot: OBSERVATIONS,
  id: 'itu-key-ict',
  description: "ITU key ICT indicators 2005-2019: world, developed, developing, LDC and ITU/BDT regional aggregates (2019 estimated)",
  required: false,
  origin: { publisher: ITU, url: ITU_PAGE, licence: ITU_LICENCE, inputs: [`itu/key-ict-2005-2019/${KEY_ICT_FILE}`, `online: ${ITU_URL_SETTING.description}`] },
  settings: [ITU_URL_SETTING],
  async run(ctx) {
    const inputs = await loadInputs(ctx, 'key-ict-2005-2019', [KEY_ICT_FILE]);
    if (inputs.files.length === 0) return inputs.problems.length ? unreachable(inputs.problems, 'ITU aggregates') : skippedReport('no itu/key-ict-2005-2019/ folder in the mirror');
    await declareAggregates(ctx.conn, aggregateDeclarations(`ITU key ICT indicators (${ITU_LICENCE})`));
    let rowsRead = 0;
    let quarantined = 0;
    const vintages: (string | null)[] = [];
    const messages: string[] = [];
    for (const input of inputs.files) {
      const sheet = readSheet(input.bytes, input.file);
      const read = readKeyIct(sheet.rows, input.file);
      const vintage = read.vintage ?? sheet.modified;
      await ctx.quarantine(read.refused);
      const batches = await stageItuValues(ctx.conn, input, { vintage, layout: 'itu-key-ict', sourceId: 'itu-key-ict' }, read.values, read.notes);
      rowsRead += read.rowsRead;
      quarantined += read.refused.length;
      vintages.push(vintage);
      const estimates = read.notes.filter((n) => n.kind === 'estimate').length;
      messages.push(`${input.name}: ${read.rowsRead} aggregate rows read, ${read.rowsRead - read.refused.length} loaded, ${read.refused.length} quarantined; ${batches} indicators; ${estimates} values marked as ITU estimates (2019*)`);
    }
    return sourceReport({ status: inputs.problems.length ? 'partial' : 'ok', files: inputs.files.length, rowsRead, rowsQuarantined: quarantined, checksums: inputs.files.map((f) => f.checksum), vintages, messages: [...messages, ...inputs.problems] });
  }
};

interface FileRead {
  kind: 'series' | 'household' | 'gender';
  economies: EconomyRow[];
}

/** Which reader a WTID file needs, from its published name. */
function readWtidFile(input: InputFile): FileRead & { vintage: string | null } {
  const sheet = readSheet(input.bytes, input.file);
  const series = WTID_SERIES.find((s) => input.name.startsWith(s.prefix));
  if (series) return { kind: 'series', economies: readWtid(sheet.rows, input.file, series).economies, vintage: sheet.modified };
  if (input.name.startsWith('CoreHouseholdIndicators')) return { kind: 'household', economies: readCoreHousehold(sheet.rows, input.file).economies, vintage: sheet.modified };
  if (/internet by gender/i.test(input.name)) return { kind: 'gender', economies: readInternetByGender(sheet.rows, input.file), vintage: sheet.modified };
  throw new InputError(input.file, null, 'not one of the WTID files this source reads (Individuals_Internet_, Mobile_cellular_, Fixed_tel_, Fixed_broadband_, CoreHouseholdIndicators, Individuals using the internet by gender)');
}

export const ituWtid: Source = {
  snapshot: OBSERVATIONS,
  id: 'itu-wtid',
  description: 'ITU World Telecommunication/ICT Indicators (June 2019): Internet, mobile, fixed telephone, fixed broadband 2000-2018; Core Household Indicators; Internet use by sex',
  required: false,
  origin: { publisher: ITU, url: ITU_PAGE, licence: ITU_LICENCE, inputs: [...WTID_FILES.map((f) => `itu/wtid-jun2019/${f}`), `online: ${ITU_URL_SETTING.description}`] },
  settings: [ITU_URL_SETTING],
  async run(ctx) {
    const inputs = await loadInputs(ctx, 'wtid-jun2019', WTID_FILES);
    if (inputs.files.length === 0) return inputs.problems.length ? unreachable(inputs.problems, 'ITU country data') : skippedReport('no itu/wtid-jun2019/ folder in the mirror');
    return loadWtid(ctx, inputs.files, inputs.problems);
  }
};

async function loadWtid(ctx: SourceContext, files: InputFile[], problems: string[]): Promise<SourceReport> {
  const names = await createHarmoniser(ctx.conn, { root: ctx.root });
  let rowsRead = 0;
  let quarantined = 0;
  const vintages: (string | null)[] = [];
  const messages: string[] = [];
  const hh7 = new Map<string, { year: number; value: string | number | null }>();
  const gender: { input: InputFile; rows: GenderRow[]; iso3: Map<GenderRow, string> }[] = [];
  for (const input of files) {
    const read = readWtidFile(input);
    const values: ItuValue[] = [];
    const notes: ItuNote[] = [];
    const unmatched: string[] = [];
    const iso3Of = new Map<EconomyRow, string>();
    for (const e of read.economies) {
      const iso3 = names.toIso3(e.name, ITU);
      if (!iso3) {
        unmatched.push(e.name);
        continue;
      }
      iso3Of.set(e, iso3);
      values.push(...e.values.map((v) => ({ ...v, economy: iso3 })));
      notes.push(...e.notes.map((n) => ({ ...n, economy: iso3 })));
    }
    await ctx.quarantine(
      read.economies
        .filter((e) => !iso3Of.has(e))
        .map((e) => ({ file: input.file, row_number: e.rowNumber, reason: `ITU name "${e.name}" matches no country (not in data/reference/country_names.csv, no World Bank or M49 name): not guessed`, raw: e.raw }))
    );
    await stageItuValues(ctx.conn, input, { vintage: read.vintage, layout: `itu-wtid-${read.kind}`, sourceId: 'itu-wtid' }, values, notes);
    if (read.kind === 'household') for (const v of values) if (v.indicator === 'ITU_HH7') hh7.set(v.economy, { year: v.year, value: v.value });
    if (read.kind === 'gender') gender.push({ input, rows: read.economies as GenderRow[], iso3: iso3Of as Map<GenderRow, string> });
    rowsRead += read.economies.length;
    quarantined += unmatched.length;
    vintages.push(read.vintage);
    messages.push(`${input.name}: ${read.economies.length} rows read, ${read.economies.length - unmatched.length} loaded, ${unmatched.length} quarantined${unmatched.length ? ` (${unmatched.join(', ')})` : ''}`);
  }
  for (const g of gender) messages.push(compareWithHh7(g.rows, g.iso3, hh7));
  messages.push(`ITU names: ${names.summary()}`);
  return sourceReport({ status: problems.length ? 'partial' : 'ok', files: files.length, rowsRead, rowsQuarantined: quarantined, checksums: files.map((f) => f.checksum), vintages, messages: [...messages, ...problems] });
}

/** The gender file's "All individuals" against the Core Household file's HH7: where they differ, say so (both are ITU's; neither is changed). */
function compareWithHh7(rows: GenderRow[], iso3: Map<GenderRow, string>, hh7: Map<string, { year: number; value: string | number | null }>): string {
  const differ: string[] = [];
  let same = 0;
  for (const r of rows) {
    const code = iso3.get(r);
    const h = code ? hh7.get(code) : undefined;
    if (!h) continue;
    if (h.year === r.all.year && Number(h.value) === Number(r.all.value)) same++;
    else differ.push(`${r.name} ${r.all.value} (${r.all.year}) vs HH7 ${h.value} (${h.year})`);
  }
  return `Internet use by sex: "All individuals" equals the Core Household HH7 for ${same} economies${differ.length ? `, differs for ${differ.length}: ${differ.join('; ')}` : ''}`;
}
