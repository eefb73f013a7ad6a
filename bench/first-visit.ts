// First visits: every page a reviewer or researcher may open once, each requested exactly once
// on a freshly started server (so the per-build page cache holds none of them), one after
// another, with /healthz requested between them as the baseline of the same moment. The URLs
// come from the site itself (the index pages' links), so new pages are measured as they appear.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats';

const benchDir = dirname(fileURLToPath(import.meta.url));

export interface FirstVisit {
  path: string;
  type: string;
  status: number;
  ms: number;
}

export interface FirstVisitType {
  type: string;
  urls: number;
  median: number;
  p95: number;
  max: number;
  slowest: string;
  /** Non-2xx answers (a first visit that fails is not a fast first visit). */
  failures: number;
}

export interface FirstVisitFigures {
  urls: number;
  healthzMedian: number;
  healthzSamples: number;
  types: FirstVisitType[];
  visits: FirstVisit[];
}

export interface WarmupFigures {
  /** Wall time of the server's warm-up (warmup.ts), from its start to its last item. */
  ms: number;
  items: number;
  failed: number;
  longestItemMs: number;
  /** The chart store after the warm-up. */
  charts: { entries: number; bytes: number; budget: number };
  /** Page cache entries after the warm-up: must be 0 (the warm-up never fills it). */
  pageCacheEntries: number;
  /** RSS as the warm-up ends: its last collection compacts the heap, and the pages it left are unmapped in the background within a second. */
  rssBytes: number;
  /** RSS two seconds later: what the server holds while it serves. */
  rssSettledBytes: number;
  heapUsedBytes: number;
}

/** How long after the warm-up's end its RSS is read again (the compacting collection's old pages are gone within a second). */
const SETTLE_MS = 2000;

interface Health {
  warm?: { build: string; running: boolean; done: number; total: number; failed: number; ms: number | null; longestItemMs: number };
  cache: { charts?: { entries: number; bytes: number; budget: number }; pages: { entries: number } };
  memory: { rss: number; heapUsed: number };
}

/**
 * Wait until the server says its warm-up of the build is done (/healthz `warm`): first visits are
 * measured after it, and its duration is reported on its own (the cost moved from first visits to
 * the server's start). Throws with a clear message past `timeoutMs` or when the server has none.
 */
export async function waitForWarmup(base: string, timeoutMs: number, log: (s: string) => void): Promise<WarmupFigures> {
  const deadline = Date.now() + timeoutMs;
  let last: Health | null = null;
  for (;;) {
    last = (await (await fetch(`${base}/healthz`)).json()) as Health;
    const w = last.warm;
    if (!w) throw new Error('the server reports no warm-up (/healthz has no "warm"): is build/ older than src/? run with --build');
    if (!w.running && w.build !== '' && w.ms !== null) {
      const f: WarmupFigures = {
        ms: w.ms, items: w.total, failed: w.failed, longestItemMs: w.longestItemMs,
        charts: last.cache.charts ?? { entries: 0, bytes: 0, budget: 0 },
        pageCacheEntries: last.cache.pages.entries, rssBytes: last.memory.rss, rssSettledBytes: last.memory.rss, heapUsedBytes: last.memory.heapUsed
      };
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      f.rssSettledBytes = ((await (await fetch(`${base}/healthz`)).json()) as Health).memory.rss;
      const mb = (b: number) => (b / 2 ** 20).toFixed(1);
      log(`      warm-up done: ${w.total} items in ${(w.ms / 1000).toFixed(1)} s (${w.failed} failed, longest item ${w.longestItemMs.toFixed(0)} ms); chart store ${f.charts.entries} charts, ${mb(f.charts.bytes)} of ${mb(f.charts.budget)} MB; page cache ${f.pageCacheEntries} entries; RSS ${mb(f.rssBytes)} MB at its end, ${mb(f.rssSettledBytes)} MB ${SETTLE_MS / 1000} s later`);
      if (f.pageCacheEntries !== 0) throw new Error(`the warm-up left ${f.pageCacheEntries} pages in the page cache: first visits would not be first`);
      return f;
    }
    if (Date.now() > deadline) {
      throw new Error(`the server's warm-up did not finish within ${timeoutMs / 1000} s (${w.done} of ${w.total} items done): first visits not measured`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Index pages whose links name the pages to visit. */
const INDEXES = ['/targets', '/action-lines', '/regions', '/countries'];

/** Variants a user makes with the filters (GET forms): parameters the pages document. */
const VARIANTS = [
  '/?horizon=2012',
  '/?horizon=2015&review=2012',
  '/targets/10?horizon=2012',
  '/targets/10?horizon=2012&year=2012',
  '/targets/10?year=2010',
  '/regions/SSF?indicator=IT.CEL.SETS.P2',
  '/regions/WLD?horizon=2012',
  '/regions/SAS?indicator=IT.NET.USER.ZS&horizon=2012',
  '/countries/KEN?indicator=IT.CEL.SETS.P2',
  '/countries/IND?horizon=2012',
  '/countries/BRA?indicator=IT.MLT.MAIN.P2',
  '/action-lines/C2?stakeholder_type=civil_society',
  '/stakeholders?stakeholder_type=government',
  '/stakeholders',
  '/methodology',
  '/data',
  '/'
];

/**
 * The site's languages other than English (project.inlang/settings.json): every URL is visited
 * in each of them too, after the English ones. Their pages draw and write their own charts and
 * sections (kept per language), so an English-only run would not see a French reader's first visit.
 */
export const OTHER_LANGUAGES = ['fr', 'es'];
const LANGUAGE_PREFIX = new RegExp(`^/(${OTHER_LANGUAGES.join('|')})(?=/|$|\\?)`);

const typeOf = (path: string): string => {
  const language = LANGUAGE_PREFIX.exec(path)?.[1];
  const [pathname, query] = (language ? path.slice(language.length + 1) || '/' : path).split('?');
  const first = pathname.split('/')[1] ?? '';
  const depth = pathname.split('/').filter(Boolean).length;
  const base = first === '' ? 'overview' : depth > 1 ? `${first}/[page]` : first;
  return `${base}${query ? ' (filtered)' : ''}${language ? ` [${OTHER_LANGUAGES.join(', ')}]` : ''}`;
};

/** `path` in `language`: '/targets/10' -> '/fr/targets/10', '/' -> '/fr', '/?horizon=2012' -> '/fr?horizon=2012'. */
export function inLanguage(path: string, language: string): string {
  return path === '/' ? `/${language}` : path.startsWith('/?') ? `/${language}${path.slice(1)}` : `/${language}${path}`;
}

async function links(base: string, index: string): Promise<string[]> {
  const res = await fetch(base + index);
  const html = await res.text();
  const prefix = index.endsWith('/') ? index : `${index}/`;
  const found = new Set<string>();
  for (const m of html.matchAll(/href="([^"#?]+)"/g)) {
    const href = m[1];
    if (href.startsWith(prefix) && href.length > prefix.length && !href.slice(prefix.length).includes('/')) found.add(href);
  }
  return [...found];
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** The horizon the filters offer besides the default (2015): the 2012 mid-point review. */
const OTHER_HORIZON = 2012;

/**
 * Filter variants spread over the linked pages, so each filtered type is judged on ten or more
 * first visits instead of one to three (whose one sample moved 2x between runs): every target
 * and region at the other horizon, every tenth country, each action line with a stakeholder
 * type, taking the types in turn, and the stakeholder page with each type. Chosen by rule from what the forms offer, not by what the
 * warm-up covers; VARIANTS above keeps the combinations (indicator and horizon together, a ranking year).
 */
export function spreadVariants(linked: string[], stakeholderTypes: string[]): string[] {
  if (linked.some((p) => p.includes('?'))) throw new Error('spreadVariants: the linked pages are plain paths');
  const out: string[] = [];
  const of = (prefix: string) => linked.filter((p) => p.startsWith(prefix));
  for (const p of [...of('/targets/'), ...of('/regions/')]) out.push(`${p}?horizon=${OTHER_HORIZON}`);
  of('/countries/').forEach((p, i) => {
    if (i % 10 === 5) out.push(`${p}?horizon=${OTHER_HORIZON}`);
  });
  if (stakeholderTypes.length > 0) of('/action-lines/').forEach((p, i) => out.push(`${p}?stakeholder_type=${encodeURIComponent(stakeholderTypes[i % stakeholderTypes.length])}`));
  // The stakeholder page (linked from the header) with each type its filter offers.
  for (const t of stakeholderTypes) out.push(`/stakeholders?stakeholder_type=${encodeURIComponent(t)}`);
  return out;
}

/**
 * The URLs of a first-visit run: every detail page linked from the indexes, plus filter variants
 * (VARIANTS, and spreadVariants with the warehouse's stakeholder types), in English, then all of
 * them again in each other language.
 */
export async function firstVisitUrls(base: string, stakeholderTypes: string[] = []): Promise<string[]> {
  const linked: string[] = [];
  for (const index of INDEXES) linked.push(...(await links(base, index)));
  const urls = new Set<string>(linked);
  for (const v of VARIANTS) urls.add(v);
  for (const v of spreadVariants(linked, stakeholderTypes)) urls.add(v);
  const english = [...urls];
  return [...english, ...OTHER_LANGUAGES.flatMap((language) => english.map((path) => inLanguage(path, language)))];
}

/**
 * Visit each URL once (the server must be fresh: nothing but the indexes requested before);
 * /healthz is requested before every page, and its median is the baseline. The requests are
 * made by a client process of its own (visit-child.ts), which collects its garbage before each
 * pair, outside the timings, and warms itself on the index pages (in the page cache by then).
 */
export async function measureFirstVisits(base: string, urls: string[], log: (s: string) => void): Promise<FirstVisitFigures> {
  const { healthz, visits: raw } = await runVisitClient(base, urls);
  const visits: FirstVisit[] = raw.map((v) => ({ ...v, type: typeOf(v.path) }));
  const byType = new Map<string, FirstVisit[]>();
  for (const v of visits) byType.set(v.type, [...(byType.get(v.type) ?? []), v]);
  const types: FirstVisitType[] = [...byType.entries()].map(([type, vs]) => {
    const ms = vs.map((v) => v.ms);
    const slowest = vs.reduce((a, b) => (b.ms > a.ms ? b : a));
    return { type, urls: vs.length, median: median(ms), p95: percentile(ms, 95), max: slowest.ms, slowest: slowest.path, failures: vs.filter((v) => v.status >= 400).length };
  });
  types.sort((a, b) => a.type.localeCompare(b.type));
  const figures = { urls: urls.length, healthzMedian: median(healthz), healthzSamples: healthz.length, types, visits };
  log(`      ${urls.length} first visits; /healthz median ${figures.healthzMedian.toFixed(2)} ms`);
  for (const t of types) log(`      ${t.type}: ${t.urls} URLs, median ${t.median.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, slowest ${t.slowest} ${t.max.toFixed(0)} ms${t.failures ? `, ${t.failures} failed` : ''}`);
  return figures;
}

/** Run the client process (visit-child.ts) over `paths`; its one JSON line is the result. */
function runVisitClient(base: string, paths: string[]): Promise<{ healthz: number[]; visits: { path: string; status: number; ms: number }[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'wsis-visits-'));
  const jobFile = join(dir, 'job.json');
  writeFileSync(jobFile, JSON.stringify({ base, paths, warm: INDEXES }));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', resolve(benchDir, 'visit-child.ts'), jobFile], { cwd: resolve(benchDir, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', fail);
    child.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) return fail(new Error(`the first-visit client exited with ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`));
      try {
        done(JSON.parse(out.trim().split('\n').pop() ?? ''));
      } catch {
        fail(new Error(`the first-visit client printed no result: ${out.slice(0, 200)} ${err.slice(0, 200)}`));
      }
    });
  });
}
