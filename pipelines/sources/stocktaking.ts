// Source "stocktaking": activity entries in the stocktaking template (data/stocktaking/*.csv
// and *.json in the repository, plus full exports in the folder named by WSIS_STOCKTAKING_DIR),
// each row checked against data/stocktaking/schema.json; and, in mirror mode, the WSIS Prizes
// 2015 nominated projects converted into the template (stocktaking/prizes-2015.ts; country names
// through the shared harmoniser) and the published yearly totals of the stocktaking database.
// Warnings (stocktaking/warnings.ts) are computed over the loaded entries.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { QuarantineRow, Source, SourceContext, SourceReport } from '../lib/context';
import { sha256 } from '../lib/checksum';
import { sourceReport } from '../lib/report';
import { insertRows } from '../lib/warehouse';
import { knownIds } from './meetings/known-ids';
import { readPublishedFigures, PUBLISHED_FIGURES_FILE } from './meetings/published-figures';
import { checkEntry, readTemplate, type References, type StocktakingEntry, type Template } from './stocktaking/template';
import { FileRefused, isExportFile, readExport, type ExportRecord } from './stocktaking/export-file';
import { publishedTotals } from './stocktaking/published-totals';
import { convertPrizes2015, PRIZES_2015_FILE, type CountryLookup } from './stocktaking/prizes-2015';
import { createHarmoniser } from '../harmonise';
import { stocktakingWarnings } from './stocktaking/warnings';

/** Year the warning rules are applied in: the run's year, unless WSIS_AS_OF_YEAR sets it (tests, re-runs of a past state). */
export const AS_OF_YEAR = 'WSIS_AS_OF_YEAR';

function asOfYear(ctx: SourceContext): number {
  const set = ctx.setting(AS_OF_YEAR);
  if (set === undefined || set === '') return new Date().getUTCFullYear();
  if (!/^\d{4}$/.test(set)) throw new Error(`${AS_OF_YEAR} must be a four-digit year, got "${set}"`);
  return Number(set);
}

export const ENTRIES_DIR = 'data/stocktaking';
/** A folder of full stocktaking exports outside the repository. */
export const STOCKTAKING_DIR = 'WSIS_STOCKTAKING_DIR';

export interface InputFile {
  /** Name used in messages and quarantine rows (repo-relative, or absolute for external exports). */
  label: string;
  path: string;
}

export function inputFiles(root: string, externalDir?: string): InputFile[] {
  const list = (dir: string, label: (name: string) => string) =>
    readdirSync(dir)
      .filter(isExportFile)
      .sort()
      .map((name) => ({ label: label(name), path: join(dir, name) }));
  const files = list(join(root, ENTRIES_DIR), (name) => `${ENTRIES_DIR}/${name}`);
  if (externalDir) {
    const dir = resolve(externalDir);
    if (!existsSync(dir)) throw new Error(`WSIS_STOCKTAKING_DIR does not exist: ${dir}`);
    files.push(...list(dir, (name) => join(dir, name)));
  }
  return files;
}

export interface EntriesResult {
  entries: StocktakingEntry[];
  bridge: { entry: string; action_line: string }[];
  refused: QuarantineRow[];
  rowsRead: number;
  checksums: string[];
  /** Where each accepted id was first seen, for the duplicate check across files. */
  seen: Map<string, { label: string; row: number }>;
}

/** Check every row of every file; ids must be unique across all files. */
export function readEntries(files: InputFile[], template: Template, refs: References): EntriesResult {
  const result: EntriesResult = { entries: [], bridge: [], refused: [], rowsRead: 0, checksums: [], seen: new Map() };
  for (const file of files) {
    const bytes = readFileSync(file.path);
    result.checksums.push(sha256(bytes));
    let records;
    try {
      records = readExport(file.path, bytes.toString('utf8'), template);
    } catch (err) {
      if (!(err instanceof FileRefused)) throw err;
      result.refused.push({ source: 'stocktaking', file: file.label, row_number: null, reason: err.reason, raw: bytes.toString('utf8', 0, 500) });
      continue;
    }
    acceptRecords(file.label, records, template, refs, result);
  }
  return result;
}

/** Check records (from a file or a converter) against the template; add them to the result. */
export function acceptRecords(
  label: string,
  records: ExportRecord[],
  template: Template,
  refs: References,
  result: EntriesResult
): void {
  const { seen } = result;
  for (const { row, record, raw } of records) {
    result.rowsRead++;
    const refuse = (reason: string) => result.refused.push({ source: 'stocktaking', file: label, row_number: row, reason, raw });
    if (record.__notAnObject) {
      refuse('not an object');
      continue;
    }
    const checked = checkEntry(record, template, refs);
    if (typeof checked === 'string') {
      refuse(checked);
      continue;
    }
    const { id } = checked.entry;
    const first = seen.get(id);
    if (first) {
      refuse(`duplicate key: id ${id} (also at ${first.label === label ? '' : `${first.label} `}row ${first.row})`);
      continue;
    }
    seen.set(id, { label, row });
    result.entries.push(checked.entry);
    result.bridge.push(...checked.actionLines.map((action_line) => ({ entry: id, action_line })));
  }
}

/** The WSIS Prizes 2015 list from the mirror, converted to template records; null when absent. */
export async function readPrizes2015(mirror: string, toIso3: CountryLookup) {
  const path = join(mirror, PRIZES_2015_FILE);
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  // latin1: one character per byte, so the converter repairs the file's own bytes.
  return { checksum: sha256(bytes), converted: convertPrizes2015(bytes.toString('latin1'), toIso3) };
}

export async function loadStocktaking(ctx: SourceContext): Promise<SourceReport> {
  const messages: string[] = [];
  let status: SourceReport['status'] = 'ok';
  const template = readTemplate(ctx.root);
  const loadedLines = await knownIds(ctx.conn, 'action_line');
  const countries = await knownIds(ctx.conn, 'economy', 'code', 'NOT is_aggregate');
  if (!loadedLines) messages.push('action_line table empty: action lines checked against the template list');
  if (!countries) messages.push('economy table empty: country codes checked for format only');
  const refs: References = { actionLines: loadedLines ?? template.actionLines, countries };

  const files = inputFiles(ctx.root, ctx.setting(STOCKTAKING_DIR));
  const read = readEntries(files, template, refs);
  if (ctx.mirror) {
    const harmoniser = await createHarmoniser(ctx.conn, { root: ctx.root });
    const prizes = await readPrizes2015(ctx.mirror, (name) => harmoniser.toIso3(name, 'WSIS Prizes 2015'));
    if (!prizes) {
      status = 'partial';
      messages.push(`mirror has no ${PRIZES_2015_FILE}: WSIS Prizes 2015 projects not loaded`);
    } else {
      read.checksums.push(prizes.checksum);
      read.refused.push(...prizes.converted.refused);
      read.rowsRead += prizes.converted.refused.length;
      acceptRecords(PRIZES_2015_FILE, prizes.converted.records, template, refs, read);
      messages.push(`WSIS Prizes 2015: ${prizes.converted.records.length} converted, ${prizes.converted.refused.length} refused, ${prizes.converted.repairedRows} with text repaired; country names: ${harmoniser.summary()}`);
    }
  }
  await insertRows(ctx.conn, 'stocktaking_entry', read.entries);
  await insertRows(ctx.conn, 'stocktaking_action_line', read.bridge);
  const warnings = stocktakingWarnings(read.entries, read.bridge, asOfYear(ctx));
  await insertRows(ctx.conn, 'stocktaking_warning', warnings);
  const refused = [...read.refused];
  const checksums = [...read.checksums];
  let rowsRead = read.rowsRead;
  let rowsLoaded = read.entries.length;

  if (ctx.mirror) {
    const file = readPublishedFigures(ctx.mirror);
    if (!file) {
      status = 'partial';
      messages.push(`mirror has no ${PUBLISHED_FIGURES_FILE}: published stocktaking totals not loaded`);
    } else {
      checksums.push(sha256(file.bytes));
      const published = publishedTotals(file.figures);
      await insertRows(ctx.conn, 'stocktaking_total', published.totals);
      await insertRows(ctx.conn, 'data_quality_flag', published.flags);
      refused.push(...published.refused);
      rowsRead += published.totals.length + published.refused.length;
      rowsLoaded += published.totals.length;
    }
  } else {
    messages.push(`online mode: published stocktaking totals (${PUBLISHED_FIGURES_FILE}) are read from the mirror only; skipped`);
  }

  if (refused.length > 0) {
    await ctx.quarantine(refused);
    messages.push(`${refused.length} row(s) or file(s) quarantined`);
  }
  ctx.log(`${read.entries.length} stocktaking entries from ${files.length} file(s)${ctx.mirror ? ' and the WSIS Prizes 2015 list' : ''}, ${read.bridge.length} action-line links, ${warnings.length} warnings`);
  return sourceReport({ status, files: checksums.length, rowsRead, rowsLoaded, rowsQuarantined: refused.length, checksums, messages });
}

export const stocktaking: Source = {
  // It alone writes the stocktaking tables; its flags are ids stocktaking_total:....
  snapshot: {
    rows: [
      { table: 'stocktaking_entry', where: 'true' },
      { table: 'stocktaking_action_line', where: 'true' },
      { table: 'stocktaking_warning', where: 'true' },
      { table: 'stocktaking_total', where: 'true' },
      { table: 'data_quality_flag', where: "id LIKE 'stocktaking_total:%'" }
    ]
  },
  id: 'stocktaking',
  description: 'WSIS stocktaking entries in the published template, and the published stocktaking totals (mirror mode)',
  required: false,
  origin: {
    publisher: 'ITU (WSIS stocktaking database)',
    url: 'https://www.itu.int/net4/wsis/stocktaking/',
    licence: 'entries cited per row; published totals quoted with citation',
    inputs: [`${ENTRIES_DIR}/*.csv, *.json`, `$${STOCKTAKING_DIR}`, `mirror ${PRIZES_2015_FILE}`, `mirror ${PUBLISHED_FIGURES_FILE}`]
  },
  settings: [
    { env: STOCKTAKING_DIR, description: 'Folder of full stocktaking exports (template CSV or JSON) read besides data/stocktaking/', inputDir: true },
    { env: AS_OF_YEAR, description: 'Year the stocktaking warning rules are applied in (default: the year of the run)' }
  ],
  run: loadStocktaking
};
