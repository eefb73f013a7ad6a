// Source `commoncrawl`: the share of web pages by primary language in Common Crawl's monthly
// crawls of the public web (CLD2 detection on HTML pages, ISO 639-3 codes), from
// <mirror>/commoncrawl/languages.csv (online: the same file from commoncrawl/cc-crawl-statistics).
// One series, CC_LANG_SHARE, on the pseudo-economy CC_WEB ("the public web (Common Crawl)",
// declared as an aggregate: it is no country), disaggregated by language=<ISO 639-3 code>
// ('<unknown>' -> language=unknown). One value per year: the LAST crawl of each calendar year
// (crawl ids CC-MAIN-<year>-<ISO week>; older ids CC-MAIN-2008-2009, CC-MAIN-2012 name the
// year first), so a year is the web as crawled at its end, as close to a yearly stock as the
// crawls allow; the other crawls of the year are read and counted, not loaded. Crawls before
// CC-MAIN-2018-34 carry no language detection (a single <unknown> row at 100 %): they are
// quarantined with the reason, and a year whose last crawl is such a crawl has no value.
// Vintage: the Monday of the ISO week of the newest crawl in the file.
import type { Source, SourceContext, SourceReport, QuarantineInput } from '../lib/context';
import { InputError } from '../lib/context';
import { failedReport, skippedReport, sourceReport } from '../lib/report';
import { parseCsv, CsvError } from '../lib/csv';
import { declareAggregates, disaggregation, stageObservations, type ObservationInput } from '../observations';
import { inMirror, isUnreachable, readInput } from './inputs';
import { OBSERVATIONS } from '../lib/snapshot';

export const CC_FILE = 'commoncrawl/languages.csv';
export const CC_ECONOMY = 'CC_WEB';
const PUBLISHER = 'Common Crawl Foundation (crawl statistics)';
/** The language table of the crawl statistics: from the mirror, else the repository at a fixed commit. */
const LANGUAGES = {
  path: CC_FILE,
  url: 'https://raw.githubusercontent.com/commoncrawl/cc-crawl-statistics/011ff43f50c8c744ff891f027fec7a44677b2545/plots/languages.csv'
};

export interface CrawlId {
  id: string;
  year: number;
  /** ISO week for CC-MAIN-YYYY-WW ids; 0 for the older ids without one. */
  week: number;
}

/** 'CC-MAIN-2024-42' -> { year: 2024, week: 42 }; 'CC-MAIN-2008-2009' -> { year: 2008, week: 0 }; null if not a crawl id. */
export function parseCrawlId(id: string): CrawlId | null {
  const m = /^CC-MAIN-(\d{4})(?:-(\d{2}|\d{4}))?$/.exec(id.trim());
  if (!m) return null;
  const week = m[2] && m[2].length === 2 ? Number(m[2]) : 0;
  return { id: id.trim(), year: Number(m[1]), week };
}

/** Monday of ISO week `week` of `year`, YYYY-MM-DD. */
export function isoWeekMonday(year: number, week: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  return new Date(monday1.getTime() + (week - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
}

export interface CrawlRow {
  line: number;
  crawl: CrawlId;
  language: string;
  share: string;
  raw: string;
}

/** Pure reader: rows of languages.csv, and lines that are not (bad crawl id). */
export function readLanguages(text: string, file: string): { rows: CrawlRow[]; refused: QuarantineInput[] } {
  let table;
  try {
    table = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvError) throw new InputError(file, err.line, err.reason);
    throw err;
  }
  for (const col of ['crawl', 'primary_language', '%pages/crawl']) {
    if (!table.header.includes(col)) throw new InputError(file, table.headerLine, `no column "${col}"`);
  }
  const rows: CrawlRow[] = [];
  const refused: QuarantineInput[] = [];
  for (const { line, record, values } of table.rows) {
    if (values.every((v) => v.trim() === '')) continue;
    const raw = values.join(',');
    const crawl = parseCrawlId(record.crawl);
    if (!crawl) refused.push({ file, row_number: line, reason: `not a crawl id: "${record.crawl}"`, raw });
    else rows.push({ line, crawl, language: record.primary_language.trim(), share: record['%pages/crawl'].trim(), raw });
  }
  return { rows, refused };
}

/** A crawl with language detection has more than the single <unknown> row. */
const detected = (rows: CrawlRow[]) => rows.some((r) => r.language !== '<unknown>');

export const commoncrawl: Source = {
  snapshot: OBSERVATIONS,
  id: 'commoncrawl',
  description: 'Common Crawl: share of web pages by primary language (ISO 639-3), the last crawl of each year',
  required: false,
  origin: {
    publisher: PUBLISHER,
    url: 'https://commoncrawl.github.io/cc-crawl-statistics/plots/languages',
    licence: "Common Crawl's terms of use; the statistics repository states no data licence",
    inputs: [CC_FILE, LANGUAGES.url]
  },
  run: loadCommonCrawl
};

export async function loadCommonCrawl(ctx: SourceContext): Promise<SourceReport> {
  if (ctx.mirror && !inMirror(ctx, CC_FILE)) return skippedReport(`no ${CC_FILE} in the mirror`);
  let input;
  try {
    input = await readInput(ctx, LANGUAGES, 'Common Crawl statistics');
  } catch (err) {
    if (isUnreachable(err)) return failedReport(`${err.message}; no language shares loaded`);
    throw err;
  }
  const { rows, refused } = readLanguages(input.text, input.file);
  const byCrawl = new Map<string, CrawlRow[]>();
  for (const r of rows) byCrawl.set(r.crawl.id, [...(byCrawl.get(r.crawl.id) ?? []), r]);
  const crawls = [...byCrawl.values()].map((rs) => rs[0].crawl);
  // The last crawl of each year (by ISO week; ids without a week come first).
  const last = new Map<number, CrawlId>();
  for (const c of crawls) if (!last.has(c.year) || c.week > last.get(c.year)!.week) last.set(c.year, c);
  const chosen: ObservationInput[] = [];
  let skipped = 0;
  for (const [id, rs] of byCrawl) {
    if (!detected(rs)) {
      for (const r of rs) refused.push({ file: input.file, row_number: r.line, reason: `crawl ${id} has no language detection (a single <unknown> row; detection starts with CC-MAIN-2018-34)`, raw: r.raw });
      continue;
    }
    if (last.get(rs[0].crawl.year)?.id !== id) {
      skipped += rs.length;
      continue;
    }
    for (const r of rs) {
      const language = r.language === '<unknown>' ? 'unknown' : r.language.toLowerCase();
      chosen.push({ economy: CC_ECONOMY, economyName: `crawl ${id}`, year: r.crawl.year, value: r.share, disaggregation: disaggregation({ language }), rowNumber: r.line });
    }
  }
  const newest = crawls.filter((c) => c.week > 0).sort((a, b) => a.year - b.year || a.week - b.week).pop();
  const vintage = newest ? isoWeekMonday(newest.year, newest.week) : null;
  await declareAggregates(ctx.conn, [{ code: CC_ECONOMY, name: 'The public web (Common Crawl)', source: `Common Crawl monthly crawls (${CC_FILE})` }]);
  const years = [...new Set(chosen.map((c) => Number(c.year)))].sort();
  await stageObservations(
    ctx.conn,
    {
      indicator: 'CC_LANG_SHARE',
      vintage,
      publisher: PUBLISHER,
      layout: 'cc-languages-csv',
      file: input.file,
      checksum: input.checksum,
      source: `Common Crawl crawl statistics, languages.csv (commoncrawl/cc-crawl-statistics @ 011ff43f); one crawl per year, the last: ${years.map((y) => last.get(y)!.id).join(', ')}`,
      sourceId: 'commoncrawl'
    },
    chosen
  );
  await ctx.quarantine(refused);
  return sourceReport({
    files: 1,
    rowsRead: rows.length + refused.filter((r) => r.reason.startsWith('not a crawl id')).length,
    rowsLoaded: chosen.length,
    rowsQuarantined: refused.length,
    checksums: [input.checksum],
    vintages: [vintage],
    messages: [
      `${byCrawl.size} crawls; years ${years[0]}-${years[years.length - 1]} from the last crawl of each year`,
      `${skipped} rows of the other crawls of those years read, not loaded`,
      `${refused.length} rows quarantined (crawls before language detection)`
    ]
  });
}
