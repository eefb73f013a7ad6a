// What the warm-up computes: the data of every page linked from /targets, /action-lines,
// /regions and /countries, and of the overview, then the same pages with each value their
// filter forms offer (horizons, review years, ranking years, indicators, stakeholder types),
// then all of it again in each other language of the site (the linked pages first).
// Each item calls the route's own `load` with the page's URL, so the warm-up computes exactly
// what a visit would (per-build values, series statuses for the horizon, aggregates, charts),
// with no second list of what each page needs. Loading the route
// modules here also takes their loading off the first visit. The page components are loaded by
// rendering one page of each route once, as a GET it does not keep (importing them from the server hooks instead
// makes Vite put every component's CSS into every page).
import { randomUUID } from 'node:crypto';
import { baseLocale, locales, type Locale } from '$lib/paraglide/runtime.js';
import { HORIZONS, DEFAULT_HORIZON } from '$lib/horizons';
import type { WarmupItem } from './warmup';
import { withLocale } from './locale-context';
import { stakeholderTypes } from './queries/stakeholders';
import { defaultIndicatorFor, headlineIndicators, indicators } from './queries/regions';

type Load = (event: { params: Record<string, string>; url: URL }) => unknown;

/**
 * The origin the loads see: the deployment's (adapter-node's ORIGIN) when it is set, as a
 * visitor's request has it, so what /data writes with its download addresses (its dictionary's
 * citations) is warmed for the visitors' origin; else a placeholder.
 */
const ORIGIN = deployedOrigin() ?? 'http://warm-up.invalid';

function deployedOrigin(): string | null {
  try {
    return process.env.ORIGIN ? new URL(process.env.ORIGIN).origin : null;
  } catch {
    return null;
  }
}
/** The country page's indicator menu is warmed indicator by indicator up to this length. */
const MENU_WARMED = 80;

const routes = {
  layout: () => import('../../routes/+layout.server'),
  overview: () => import('../../routes/+page.server'),
  countries: () => import('../../routes/countries/+page.server'),
  country: () => import('../../routes/countries/[iso3]/+page.server'),
  regions: () => import('../../routes/regions/+page.server'),
  region: () => import('../../routes/regions/[code]/+page.server'),
  targets: () => import('../../routes/targets/+page.server'),
  target: () => import('../../routes/targets/[n]/+page.server'),
  actionLines: () => import('../../routes/action-lines/+page.server'),
  actionLine: () => import('../../routes/action-lines/[id]/+page.server'),
  stakeholders: () => import('../../routes/stakeholders/+page.server'),
  methodology: () => import('../../routes/methodology/+page.server'),
  data: () => import('../../routes/data/+page.server')
};

async function loadOf(route: keyof typeof routes): Promise<Load> {
  return (await routes[route]()).load as unknown as Load;
}

/** A page's load, called as SvelteKit calls it for `path` (the loads read params and url only). */
function page(route: keyof typeof routes, path: string, params: Record<string, string> = {}): WarmupItem {
  return { name: path, run: async () => (await loadOf(route))({ params, url: new URL(path, ORIGIN) }) };
}

/**
 * `item` computed in another language: what a page draws and writes for its reader (charts,
 * their tables, the sections rendered once per build) is kept per language, and a first
 * French visit of /targets/10 computing its own took 150 ms against 14 ms in English. Run in
 * the context paraglideMiddleware gives a request (hooks.server.ts), so getLocale() is `locale`.
 */
function inLanguage(locale: Locale, item: WarmupItem): WarmupItem {
  const more = item.more;
  return { name: `/${locale}${item.name}`, run: () => withLocale(locale, item.run), ...(more ? { more: (data: unknown) => more(data).map((m) => inLanguage(locale, m)) } : {}) };
}

/** `item`, followed by the items `more` names from its page's data. */
function withMore(item: WarmupItem, more: (data: unknown) => WarmupItem[]): WarmupItem {
  return { ...item, more };
}

/**
 * The values a page's filter forms offer (its own <select>s) that only its data names, as
 * warm-up items: each computes what is per build for that value (another review year's
 * verdicts, another year's ranking, another indicator's detail), so a visitor's first filtered
 * visit finds it ready. Newest years first.
 */
const variants = {
  /** The review years the overview's <select> offers (the default one is the page itself). */
  overview: (prefix: string) => (data: unknown) => {
    const d = data as { reviewYear: number; reviewChoices: number[] };
    return d.reviewChoices.filter((y) => y !== d.reviewYear).map((y) => page('overview', `/?${prefix}review=${y}`));
  },
  /** The ranking's years and the target's other indicators. */
  target: (n: number) => (data: unknown) => {
    const d = (data as { detail: { rankingFilter: { years: number[]; defaultYear: number }; others: { id: string }[] } | null }).detail;
    if (!d) return [];
    const params = { n: String(n) };
    const years = [...d.rankingFilter.years].filter((y) => y !== d.rankingFilter.defaultYear).sort((a, b) => b - a);
    return [
      ...d.others.map((i) => page('target', `/targets/${n}?indicator=${encodeURIComponent(i.id)}`, params)),
      ...years.map((y) => page('target', `/targets/${n}?year=${y}`, params))
    ];
  }
};

interface Linked {
  countries: { code: string }[];
  groups: { code: string; linked: boolean }[];
  targets: { target: number; withData?: number }[];
  lines: { id: string }[];
}

/** The pages to warm, in the order visitors are likeliest to open them (index pages first). */
export async function warmupPages(): Promise<WarmupItem[]> {
  const path = (p: string) => new URL(p, ORIGIN);
  const [countries, regions, targets, lines] = (await Promise.all([
    loadOf('countries').then((l) => l({ params: {}, url: path('/countries') })),
    loadOf('regions').then((l) => l({ params: {}, url: path('/regions') })),
    loadOf('targets').then((l) => l({ params: {}, url: path('/targets') })),
    loadOf('actionLines').then((l) => l({ params: {}, url: path('/action-lines') }))
  ])) as [Pick<Linked, 'countries'>, Pick<Linked, 'groups'>, Pick<Linked, 'targets'>, Pick<Linked, 'lines'>];

  const other = HORIZONS.filter((h) => h !== DEFAULT_HORIZON);
  const items: WarmupItem[] = [page('layout', '/')];
  // The filter variants listed here, in English, warmed again in each other language at the end.
  const filtered: WarmupItem[] = [];
  const variant = (...more: WarmupItem[]) => {
    items.push(...more);
    filtered.push(...more);
  };
  // The overview and target pages assess every series for the chosen horizon: each horizon the filters offer.
  const overview = withMore(page('overview', '/'), variants.overview(''));
  items.push(overview);
  variant(...other.map((h) => withMore(page('overview', `/?horizon=${h}`), variants.overview(`horizon=${h}&`))));
  const linkedRegions = regions.groups.filter((g) => g.linked).map((g) => g.code);
  // Every page the indexes link to, and the header's (kept for the other languages, below).
  // The target pages queue their ranking years and indicators, the overview its review years.
  const linked = {
    targets: targets.targets.map((t) => withMore(page('target', `/targets/${t.target}`, { n: String(t.target) }), variants.target(t.target))),
    lines: lines.lines.map((l) => page('actionLine', `/action-lines/${l.id}`, { id: l.id })),
    regions: linkedRegions.map((code) => page('region', `/regions/${code}`, { code })),
    countries: countries.countries.map((c) => page('country', `/countries/${c.code}`, { iso3: c.code })),
    header: [page('stakeholders', '/stakeholders'), page('methodology', '/methodology'), page('data', '/data')]
  };
  items.push(...linked.targets);
  for (const h of other) for (const t of targets.targets) variant(page('target', `/targets/${t.target}?horizon=${h}`, { n: String(t.target) }));
  items.push(...linked.lines, ...linked.regions, ...linked.countries);
  // The pages the header links to, and the stakeholder page's highlight per type (a few charts each).
  const types = await stakeholderTypes();
  items.push(...linked.header);
  for (const t of types) variant(page('stakeholders', `/stakeholders?stakeholder_type=${encodeURIComponent(t.id)}`));
  // Values the filters reach that are build-wide rather than per page: each indicator the menu
  // offers (its values for every economy) while the menu is short (at scale it lists a
  // thousand: not all warmed).
  const [firstCountry, firstRegion] = [countries.countries[0]?.code, linkedRegions[0]];
  // The menu lists every indicator (indicator-menu.ts): read them, not a country page's data.
  const menu = await indicators();
  // A longer menu: its headline (ICT) indicators, the ones the page charts and a visitor picks
  // likeliest (at 1,000 indicators a first ?indicator=IT.CEL.SETS.P2 took 137 ms unwarmed).
  const warmedMenu = menu.length <= MENU_WARMED ? menu : await headlineIndicators();
  if (firstCountry) for (const i of warmedMenu) variant(page('country', `/countries/${firstCountry}?indicator=${encodeURIComponent(i.code)}`, { iso3: firstCountry }));
  // A region page with a chosen indicator maps it: the per-indicator values behind its "served
  // from" line are build-wide (queries/maps.ts), so one region's variants warm every region's.
  if (firstRegion) for (const i of warmedMenu) variant(page('region', `/regions/${firstRegion}?indicator=${encodeURIComponent(i.code)}`, { code: firstRegion }));
  // Then one page of each route rendered once: SvelteKit loads a route's component module on
  // its first render (a few hundred ms on this machine).
  // The target page with the most series with data is the one with every section (map, coverage, parity, checks).
  const richest = [...targets.targets].sort((a, b) => (b.withData ?? 0) - (a.withData ?? 0))[0]?.target;
  const routePages = ['/', '/targets', '/action-lines', '/regions', '/countries', '/stakeholders', '/methodology', '/data', `/targets/${richest}`, `/action-lines/${lines.lines[0]?.id}`];
  if (firstRegion) routePages.push(`/regions/${firstRegion}`);
  if (firstCountry) routePages.push(`/countries/${firstCountry}`);
  const self = ownOrigin();
  if (self) for (const p of routePages) items.push({ name: `GET ${p}`, run: () => renderOnce(self, p) });
  // Then the filter variants, the likeliest first. The overview's review years and the targets'
  // ranking years and indicators are named by their pages' data: queued when those ran, after
  // every item listed here. The others are known now: each action line per stakeholder type,
  // each region and country page at the other horizons.
  for (const l of lines.lines) for (const t of types) variant(page('actionLine', `/action-lines/${l.id}?stakeholder_type=${encodeURIComponent(t.id)}`, { id: l.id }));
  for (const h of other) for (const code of linkedRegions) variant(page('region', `/regions/${code}?horizon=${h}`, { code }));
  for (const h of other) for (const c of countries.countries) variant(page('country', `/countries/${c.code}?horizon=${h}`, { iso3: c.code }));
  // Then every page the indexes link to, and the header's, in the other languages.
  const others = locales.filter((l) => l !== baseLocale);
  const plain = [overview, ...linked.targets, ...linked.lines, ...linked.regions, ...linked.countries, ...linked.header];
  for (const locale of others) for (const item of plain) items.push(inLanguage(locale, item));
  // Each other region with each headline indicator it charts: what is per region (its map of
  // the indicator, its members' table, its chart at the horizon) is drawn for the first
  // region's variants only (a first /regions/SSF?indicator=IT.CEL.SETS.P2 took 14-28 ms unwarmed).
  for (const code of linkedRegions.slice(1)) {
    const shown = defaultIndicatorFor(code);
    for (const i of await headlineIndicators(code)) {
      if (i.code !== shown) variant(page('region', `/regions/${code}?indicator=${encodeURIComponent(i.code)}`, { code }));
    }
  }
  // Last, every filter variant in the other languages: their data is the English variant's
  // (kept per build), but their charts, tables and sections are drawn per language, and a
  // first /fr/regions/WLD?horizon=2012 drawing its own took 22-36 ms against 5-8 ms warmed.
  for (const locale of others) for (const item of filtered) items.push(inLanguage(locale, item));
  return items;
}

/**
 * The server's own address when it runs as the production build (adapter-node's PORT and HOST),
 * else null (dev server, tests): route components are then loaded by the first visit.
 */
function ownOrigin(): string | null {
  const port = process.env.PORT;
  if (!port || !/^\d+$/.test(port) || process.env.SOCKET_PATH) return null;
  const host = process.env.HOST && !['0.0.0.0', '::', ''].includes(process.env.HOST) ? process.env.HOST : '127.0.0.1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * Asks the page-cache handle (hooks.server.ts) to answer a GET without keeping the page, when
 * its value is this process's token: only the warm-up, in this process, knows it. (Trusting the
 * loopback address instead would let any visitor through a reverse proxy on the same machine
 * skip the page cache.)
 */
export const RENDER_ONLY_HEADER = 'x-wsis-render-only';
export const RENDER_ONLY_TOKEN = randomUUID();

/**
 * Render a page once through the server, as a visitor's GET with gzip: the route's component is
 * loaded and run, and so is everything after it (the assembly, the compression, the write),
 * which a HEAD skipped (the first GET of a run then paid for compiling it: /targets/1 took
 * 13-23 ms against 4-6 ms for the next target pages). The page is not kept in the page cache
 * (RENDER_ONLY_HEADER). A failure only means the first visit pays for it.
 */
async function renderOnce(origin: string, path: string): Promise<void> {
  try {
    const res = await fetch(origin + path, { headers: { [RENDER_ONLY_HEADER]: RENDER_ONLY_TOKEN, 'accept-encoding': 'gzip' }, signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
  } catch {
    /* not listening (yet), or slow: not the warm-up's concern */
  }
}
