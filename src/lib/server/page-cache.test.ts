import { describe, expect, it } from 'vitest';
import { PageCache, pageCacheKey } from './page-cache';

const page = (text: string) => ({ body: new TextEncoder().encode(text), headers: [['content-type', 'text/html']] as [string, string][] });

describe('PageCache', () => {
  it('serves a page again for the same build and forgets it when the build changes', () => {
    const cache = new PageCache();
    cache.set('build-1', '/targets/10', page('<h1>10</h1>'));
    expect(new TextDecoder().decode(cache.get('build-1', '/targets/10')!.body)).toBe('<h1>10</h1>');
    expect(cache.get('build-2', '/targets/10')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used page past its byte budget', () => {
    const big = 'x'.repeat(1000);
    const cache = new PageCache(12_000); // room for nine pages of about 1.3 kB
    for (const p of 'abcdefghi') cache.set('b', `/${p}`, page(big));
    expect(cache.size).toBe(9);
    cache.get('b', '/a'); // /a is now the most recent
    cache.set('b', '/j', page(big));
    expect(cache.get('b', '/b')).toBeUndefined();
    expect(cache.get('b', '/a')).toBeDefined();
    expect(cache.get('b', '/j')).toBeDefined();
    expect(cache.bytes).toBeLessThanOrEqual(cache.budget);
  });

  it('renders a page once for concurrent first requests (single flight)', async () => {
    const cache = new PageCache();
    let renders = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const render = async () => {
      renders++;
      await gate;
      return page('<h1>once</h1>');
    };
    const all = Promise.all(Array.from({ length: 200 }, () => cache.getOrRender('b', '/targets/10', render)));
    release();
    const results = await all;
    expect(renders).toBe(1);
    expect(results.filter((r) => !r.shared)).toHaveLength(1);
    expect(results.every((r) => r.page && new TextDecoder().decode(r.page.body) === '<h1>once</h1>')).toBe(true);
    expect(cache.size).toBe(1);
  });

  it('does not cache an answer the renderer refuses (error pages)', async () => {
    const cache = new PageCache();
    const r = await cache.getOrRender('b', '/targets/99', async () => null);
    expect(r.page).toBeNull();
    expect(cache.size).toBe(0);
  });
});

describe('pageCacheKey', () => {
  it('keeps only the parameters the route reads, first value, in a fixed order', () => {
    const u = (s: string) => new URL(s, 'http://x');
    expect(pageCacheKey('/targets/[n]', u('/targets/10?x=1&year=2015&horizon=2012&horizon=junk'), 'en')).toBe('en /targets/10?horizon=2012&year=2015');
    expect(pageCacheKey('/targets/[n]', u('/targets/10?x=12345'), 'en')).toBe('en /targets/10');
    expect(pageCacheKey('/data', u('/data?horizon=2012'), 'en')).toBe('en /data');
    // A route nobody listed: cached by path without a query, never cached with one.
    expect(pageCacheKey(null, u('/nowhere?a=1'), 'en')).toBeNull();
    expect(pageCacheKey('/compare', u('/compare?economy=KEN'), 'en')).toBeNull();
    expect(pageCacheKey('/compare', u('/compare'), 'en')).toBe('en /compare');
  });

  it('keys each language apart, even where the path alone would not tell them apart', () => {
    const u = (s: string) => new URL(s, 'http://x');
    expect(pageCacheKey('/targets/[n]', u('/fr/targets/10?year=2015'), 'fr')).toBe('fr /fr/targets/10?year=2015');
    expect(pageCacheKey('/methodology', u('/methodology'), 'es')).not.toBe(pageCacheKey('/methodology', u('/methodology'), 'en'));
  });

  it('stays under its budget after thousands of distinct cache-busting URLs', () => {
    const cache = new PageCache(256 * 1024);
    const body = 'y'.repeat(20_000);
    const keys = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      // What an attacker sends: unknown parameters collapse to one key; distinct valid paths are evicted.
      const key = pageCacheKey('/targets/[n]', new URL(`/targets/${i % 10}?x=${i}&${'pad'.repeat(50)}=${i}`, 'http://x'), 'en')!;
      keys.add(key);
      cache.set('b', key, page(body));
      cache.set('b', `/countries/Q${i}`, page(''));
      expect(cache.bytes).toBeLessThanOrEqual(cache.budget);
    }
    expect(keys.size).toBe(10);
    expect(cache.size).toBeGreaterThan(0);
  });
});

describe('withGzip', () => {
  it('adds the gzipped body to the cached page once, byte for byte the page', async () => {
    const { gunzipSync } = await import('node:zlib');
    const { withGzip } = await import('./page-cache');
    const cache = new PageCache();
    const html = '<h1>Kenya</h1>' + '<tr><td>KEN</td><td>35.0</td></tr>'.repeat(500);
    cache.set('b', '/countries/KEN', page(html));
    const first = cache.get('b', '/countries/KEN')!;
    expect(first.gzipped).toBeUndefined();
    // Concurrent requests share one compression.
    const [a, b] = await Promise.all([withGzip('b', '/countries/KEN', first, cache), withGzip('b', '/countries/KEN', first, cache)]);
    expect(a).toBe(b);
    const cached = cache.get('b', '/countries/KEN')!;
    expect(cached).toBe(a);
    expect(new TextDecoder().decode(gunzipSync(cached.gzipped!))).toBe(html);
    expect(cached.gzipped!.byteLength).toBeLessThan(html.length / 10);
    expect(await withGzip('b', '/countries/KEN', cached, cache)).toBe(cached);
  });

  it("keeps a first answer's quick gzip alone, and makes the kept copy from it", async () => {
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const { bodyOf, withGzip } = await import('./page-cache');
    const cache = new PageCache();
    const html = '<h1>Kenya – Internet</h1>' + '<tr><td>KEN</td><td>35.0</td></tr>'.repeat(500);
    const quick = gzipSync(Buffer.from(html), { level: 1 });
    cache.set('b', '/countries/KEN', { gzipped: quick, quick: true, headers: [['content-type', 'text/html']] });
    const first = cache.get('b', '/countries/KEN')!;
    // Counted at its compressed size: the HTML is not kept beside it.
    expect(cache.bytes).toBeLessThan(html.length / 5);
    // A client without gzip gets the HTML all the same, decompressed once and kept.
    expect(new TextDecoder().decode(bodyOf(first))).toBe(html);
    const { withBody } = await import('./page-cache');
    const plain = withBody('b', '/countries/KEN', first, cache);
    expect(new TextDecoder().decode(plain.body!)).toBe(html);
    expect(cache.get('b', '/countries/KEN')).toBe(plain);
    expect(withBody('b', '/countries/KEN', plain, cache)).toBe(plain);
    const kept = await withGzip('b', '/countries/KEN', plain, cache);
    expect(kept.quick).toBeUndefined();
    expect(kept.body).toBe(plain.body);
    expect(cache.get('b', '/countries/KEN')).toBe(kept);
    expect(kept.gzipped!.byteLength).toBeLessThan(quick.byteLength);
    expect(new TextDecoder().decode(gunzipSync(kept.gzipped!))).toBe(html);
    expect(await withGzip('b', '/countries/KEN', kept, cache)).toBe(kept);
  });

  it('does not bring back a page of an older build', async () => {
    const { withGzip } = await import('./page-cache');
    const cache = new PageCache();
    cache.set('b1', '/targets/10', page('<h1>10</h1>'));
    const old = cache.get('b1', '/targets/10')!;
    cache.set('b2', '/targets/10', page('<h1>10, new build</h1>'));
    expect((await withGzip('b1', '/targets/10', old, cache)).gzipped).toBeDefined();
    expect(cache.get('b2', '/targets/10')!.gzipped).toBeUndefined();
    expect(cache.size).toBe(1);
  });
});
