// Whole-page cache per published build. Every page is a pure function of the warehouse
// build, its route and the query parameters that route reads (filters live in the URL; there
// are no sessions), so a rendered page can be served again until a new build is published.
// Bounded by bytes (body, gzipped body, headers and key); only successful HTML is kept.
// Concurrent first requests for one page wait for one render (single flight).
// A page first asked for with gzip (every browser) is kept compressed only, as its first answer
// was sent: about a fifth of its HTML's bytes. Keeping the HTML as well made each first visit
// leave 100-360 KB behind in buffers, and that growth started two or three full garbage
// collections of a 400-600 MB heap per 1,000 first visits ("external memory pressure"), each
// slowing the visits around it; without it none.
import { gunzip, gunzipSync, gzip } from 'node:zlib';
import { PAGE_PARAMS, pageQuery } from '../page-query';
import { budgetFromEnv, ByteBudgetLru } from './byte-budget';

export { PAGE_PARAMS };

export interface CachedPage {
  /** The HTML as UTF-8, when a request without gzip rendered or asked for it. */
  body?: Uint8Array;
  /** The same bytes gzip-compressed (adapter-node does not compress responses itself). */
  gzipped?: Uint8Array;
  /** `gzipped` is a first answer's quick compression (level 1), not yet the kept one (level 6). */
  quick?: boolean;
  headers: [string, string][];
}

/** A page's HTML as UTF-8: its body, or its gzipped bytes decompressed. */
export function bodyOf(page: CachedPage): Uint8Array {
  if (page.body) return page.body;
  if (!page.gzipped) throw new Error('a cached page without a body');
  return gunzipSync(page.gzipped);
}

// One of three byte budgets, all shown on /healthz: rendered pages here, query results
// (WSIS_QUERY_CACHE_MB, warehouse.ts) and values derived per build (WSIS_MEMO_CACHE_MB,
// build-memo.ts), besides the chart store, chart views and fragments (README, "The dashboard").
export const PAGE_CACHE_BYTES = budgetFromEnv('WSIS_PAGE_CACHE_MB', 48);

/**
 * The interface language, then path plus the parameters the route reads, first value only (what
 * `searchParams.get` sees), in a fixed order. A route not listed in PAGE_PARAMS is cached by path
 * only when the URL has no query; with one, the key is null and the page is rendered uncached, so
 * a new page's filters can never be served another filter's page because nobody listed them here.
 * The language is keyed on its own (not only through the /fr/ prefix in the path) so a page can
 * never be served in another language than the one it was rendered in, whatever decides it.
 */
export function pageCacheKey(routeId: string | null, url: URL, locale: string): string | null {
  const search = pageQuery(routeId, url);
  if (search === null) return null;
  return `${locale} ${url.pathname}${search}`;
}

function pageBytes(page: CachedPage): number {
  let n = (page.body?.byteLength ?? 0) + (page.gzipped?.byteLength ?? 0);
  for (const [k, v] of page.headers) n += 2 * (k.length + v.length) + 32;
  return n;
}

export class PageCache {
  private entries: ByteBudgetLru<CachedPage>;
  private rendering = new Map<string, Promise<CachedPage | null>>();
  private version = '';

  constructor(maxBytes = PAGE_CACHE_BYTES) {
    this.entries = new ByteBudgetLru<CachedPage>(maxBytes);
  }

  /** Forget everything when the build changes. */
  private sync(version: string) {
    if (version !== this.version) {
      this.entries.clear();
      this.rendering.clear();
      this.version = version;
    }
  }

  get(version: string, key: string): CachedPage | undefined {
    this.sync(version);
    return this.entries.get(key);
  }

  set(version: string, key: string, page: CachedPage): void {
    this.sync(version);
    this.entries.set(key, page, pageBytes(page));
  }

  /**
   * The cached page, or the one `render` makes; concurrent callers for one key share a
   * single render. `render` answers null when its result is not cacheable (an error page);
   * each caller then renders for itself.
   */
  async getOrRender(version: string, key: string, render: () => Promise<CachedPage | null>): Promise<{ page: CachedPage | null; shared: boolean }> {
    const hit = this.get(version, key);
    if (hit) return { page: hit, shared: true };
    const pending = this.rendering.get(key);
    if (pending) return { page: await pending, shared: true };
    const run = render();
    this.rendering.set(key, run);
    try {
      const page = await run;
      if (page && this.version === version) this.set(version, key, page);
      return { page, shared: false };
    } finally {
      if (this.rendering.get(key) === run) this.rendering.delete(key);
    }
  }

  /** Put `next` in place of `page` if it is still the cached page of the build being served (never switches builds). */
  replace(version: string, key: string, page: CachedPage, next: CachedPage): boolean {
    if (version !== this.version || this.entries.get(key) !== page) return false;
    this.entries.set(key, next, pageBytes(next));
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.entries.bytes;
  }

  get budget(): number {
    return this.entries.maxBytes;
  }
}

/** The server's one page cache. */
export const pageCache = new PageCache();

/**
 * The page with its HTML, for a client without gzip (a script, a crawler): decompressed once and
 * kept beside the gzipped bytes while the page is the cached one of the build, so such a client
 * asking again is answered as fast as a browser.
 */
export function withBody(version: string, key: string, page: CachedPage, cache: PageCache = pageCache): CachedPage {
  if (page.body) return page;
  const next: CachedPage = { ...page, body: bodyOf(page) };
  cache.replace(version, key, page, next);
  return next;
}

const compressing = new WeakMap<CachedPage, Promise<CachedPage>>();

/**
 * The page with the gzipped body kept for every later request (level 6), made on the first
 * request that accepts gzip after the page was rendered: a page visited once (most first visits)
 * never pays for it, and the render that answered it did not wait for it. Made in zlib's thread
 * pool from the body, or from the first answer's quick gzip, once per page (concurrent requests
 * share it), and kept in the cache when the page is still the cached one of the build.
 */
export function withGzip(version: string, key: string, page: CachedPage, cache: PageCache = pageCache): Promise<CachedPage> {
  if (page.gzipped && !page.quick) return Promise.resolve(page);
  let pending = compressing.get(page);
  if (!pending) {
    pending = new Promise<CachedPage>((done) => {
      const compress = (err: Error | null, html: Uint8Array) => {
        if (err) return done(page);
        gzip(html, { level: 6 }, (err, gzipped) => {
          if (err) return done(page);
          const next: CachedPage = { headers: page.headers, gzipped: new Uint8Array(gzipped.buffer, gzipped.byteOffset, gzipped.byteLength) };
          if (page.body) next.body = page.body;
          cache.replace(version, key, page, next);
          done(next);
        });
      };
      if (page.body) compress(null, page.body);
      else gunzip(page.gzipped!, compress);
    });
    compressing.set(page, pending);
  }
  return pending;
}
