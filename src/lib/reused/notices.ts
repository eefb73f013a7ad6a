// Which pages show a source's data, and the notice they carry when the build reused that
// source's rows from an earlier build (pipelines/lib/snapshot.ts; run_record status 'reused').
// Pages are matched by path: '/' exactly, the others as prefixes.

/** A run_record row of a reused source. */
export interface ReusedSource {
  source: string;
  /** Run id of the build whose rows are served ('2026-11-29T10-00-00-000Z'). */
  reusedFrom: string;
  message: string;
}

/** One line of the banner. */
export interface ReusedNotice {
  source: string;
  label: string;
  /** ISO date of the build the rows come from (YYYY-MM-DD). */
  date: string;
  /** Why this run's rows were not used (the banner words it): failed, skipped, or fewer rows or economies than served. */
  reason: ReuseReason;
}

export type ReuseReason =
  | { kind: 'failed' }
  | { kind: 'skipped' }
  | { kind: 'incomplete'; got: number; of: number; unit: 'rows' | 'economies' }
  | { kind: 'other'; text: string };

/** The reason at the head of a reused source's run_record message (pipelines/lib/snapshot.ts writes it). */
export function reuseReason(message: string): ReuseReason {
  const head = message.split(': the rows of build')[0];
  if (head.startsWith("today's fetch failed")) return { kind: 'failed' };
  if (head.startsWith('the source was skipped')) return { kind: 'skipped' };
  const m = /^today's fetch (?:loaded (\d+) rows|covers (\d+) economies), (\d+) in the served build/.exec(head);
  if (m) return { kind: 'incomplete', got: Number(m[1] ?? m[2]), of: Number(m[3]), unit: m[1] != null ? 'rows' : 'economies' };
  return { kind: 'other', text: head };
}

const INDICATOR_PAGES = ['/', '/targets', '/regions', '/countries', '/compare', '/mdgs', '/action-lines'];
const ECONOMY_PAGES = ['/', '/targets', '/regions', '/countries', '/compare'];

/** What each source's data is called on a page, and the pages that show it. */
export const SOURCE_PAGES: Record<string, { label: string; pages: string[] }> = {
  'worldbank-files': { label: 'World Bank', pages: INDICATOR_PAGES },
  'worldbank-api': { label: 'World Bank', pages: INDICATOR_PAGES },
  'worldbank-countries': { label: 'World Bank country and group', pages: ECONOMY_PAGES },
  m49: { label: 'UN M49 country group', pages: ECONOMY_PAGES },
  'un-sdg': { label: 'UN SDG database', pages: INDICATOR_PAGES },
  uis: { label: 'UNESCO UIS', pages: INDICATOR_PAGES },
  egov: { label: 'UN E-Government Survey', pages: INDICATOR_PAGES },
  gdl: { label: 'Global Data Lab', pages: INDICATOR_PAGES },
  commoncrawl: { label: 'Common Crawl', pages: INDICATOR_PAGES },
  'itu-key-ict': { label: 'ITU key ICT', pages: INDICATOR_PAGES },
  'itu-wtid': { label: 'ITU', pages: INDICATOR_PAGES },
  'wsis-matrix': { label: 'WSIS-SDG matrix', pages: ['/action-lines'] },
  meetings: { label: 'Meeting and participation', pages: ['/action-lines', '/stakeholders'] },
  stocktaking: { label: 'Stocktaking', pages: ['/stocktaking', '/action-lines', '/stakeholders'] }
};

/** The pages listing every source's status show every reused one. */
const EVERY_SOURCE = ['/data', '/methodology'];

const shows = (pages: string[], path: string) => pages.some((p) => (p === '/' ? path === '/' : path === p || path.startsWith(`${p}/`)));

/** The notices a page at `path` carries: one per label, date and reason (the two World Bank sources say it once). */
export function noticesFor(path: string, reused: ReusedSource[]): ReusedNotice[] {
  const seen = new Set<string>();
  const notices: ReusedNotice[] = [];
  for (const r of reused) {
    const known = SOURCE_PAGES[r.source];
    if (!shows(EVERY_SOURCE, path) && !(known && shows(known.pages, path))) continue;
    const notice = { source: r.source, label: known?.label ?? r.source, date: r.reusedFrom.slice(0, 10), reason: reuseReason(r.message) };
    const key = `${notice.label}|${notice.date}|${JSON.stringify(notice.reason)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    notices.push(notice);
  }
  return notices;
}
