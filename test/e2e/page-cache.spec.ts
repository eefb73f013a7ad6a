// The page cache's compression: a first visit is answered with a quick gzip (level 1) made for it
// alone; the next request that accepts gzip makes the copy kept for every later request.
import { expect, test } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One GET with the raw bytes as sent (fetch would decompress them). */
function get(url: string, acceptEncoding: string | null, extra: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}), ...extra } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function syncFlushes(gzip: Buffer): number {
  let n = 0;
  for (let i = gzip.indexOf(SYNC_FLUSH); i >= 0; i = gzip.indexOf(SYNC_FLUSH, i + 4)) n++;
  return n;
}
const SYNC_FLUSH = Buffer.from([0, 0, 0xff, 0xff]);

test('a first visit gets a quick gzip of its own, the next ones the kept gzipped copy of the same page', async ({ baseURL }) => {
  // A URL no other test asks for, so this request renders it.
  const url = `${baseURL}/countries/ISL?horizon=2012&indicator=IT.NET.USER.ZS`;
  const first = await get(url, 'gzip, deflate, br');
  expect(first.status).toBe(200);
  expect(first.headers['x-page-cache']).toBe('miss');
  expect(first.headers['content-encoding']).toBe('gzip');
  const html = gunzipSync(first.body).toString('utf8');
  expect(html).toContain('Iceland');

  const later = await get(url, 'gzip');
  expect(later.headers['x-page-cache']).toBe('hit');
  expect(later.headers['content-encoding']).toBe('gzip');
  expect(later.headers['vary']).toBe('accept-encoding');
  // The kept copy is compressed harder than the first answer's.
  expect(later.body.length).toBeLessThan(first.body.length);
  expect(gunzipSync(later.body).toString('utf8')).toBe(html);

  const third = await get(url, 'gzip');
  expect(third.headers['content-encoding']).toBe('gzip');
  expect(third.body.equals(later.body)).toBe(true);

  // A client that does not accept gzip gets the same page uncompressed.
  const plain = await get(url, null);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString('utf8')).toBe(html);
});

test('the page handed to the page cache past SvelteKit is the whole page, error pages too, with their own length', async ({ baseURL }) => {
  // hooks.server.ts takes each rendered page's HTML past SvelteKit's response (which then holds
  // only a stand-in) to spare SvelteKit's whole-page ETag hash: the stand-in must never be sent.
  const page = await get(`${baseURL}/countries/NOR?horizon=2012`, null);
  expect(page.status).toBe(200);
  const html = page.body.toString('utf8');
  expect(html).not.toContain('wsis:page-html-handed-over');
  expect(html).toContain('Norway');
  expect(html.trimEnd().endsWith('</html>')).toBe(true);
  expect(Number(page.headers['content-length'])).toBe(page.body.byteLength);
  expect(String(page.headers['etag'])).toMatch(/^"[a-z0-9]+-[a-z0-9-]+"$/);

  const missing = await get(`${baseURL}/fr/countries/XXX`, null);
  expect(missing.status).toBe(404);
  const errorHtml = missing.body.toString('utf8');
  expect(errorHtml).not.toContain('wsis:page-html-handed-over');
  expect(errorHtml).toContain('lang="fr"');
  expect(Number(missing.headers['content-length'])).toBe(missing.body.byteLength);
});

test('charts prepared once per build are spliced into a first answer already compressed: the same page, in every language', async ({ baseURL }) => {
  // page-splice.ts: a chart's SVG and data table are encoded and compressed when its view is
  // computed (by the warm-up, or here, with the warm-up off, by the first page that draws it); a
  // first answer compresses only the rest of the page and splices them in.
  // An explicit default horizon: a page-cache key no other test asks for.
  for (const path of ['/countries/GHA?horizon=2015', '/fr/countries/GHA?horizon=2015', '/regions/SSF?horizon=2015']) {
    const first = await get(`${baseURL}${path}`, 'gzip');
    expect(first.headers['x-page-cache'], path).toBe('miss');
    expect(first.headers['content-encoding']).toBe('gzip');
    const html = gunzipSync(first.body).toString('utf8');
    // Each spliced piece ends with a sync flush (an empty stored block: 00 00 ff ff); a page
    // compressed whole has none.
    expect(syncFlushes(first.body), path).toBeGreaterThanOrEqual(2);
    expect(html).not.toContain('wsis:splice');
    expect(html).toContain('<svg');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    const plain = await get(`${baseURL}${path}`, null);
    expect(plain.headers['x-page-cache']).toBe('hit');
    expect(plain.body.toString('utf8')).toBe(html);
    expect(Number(plain.headers['content-length'])).toBe(plain.body.byteLength);
  }
  const health = (await (await fetch(`${baseURL}/healthz`)).json()) as { cache: { fragments: { entries: number; bytes: number; budget: number } } };
  expect(health.cache.fragments.entries).toBeGreaterThan(0);
  expect(health.cache.fragments.bytes).toBeLessThanOrEqual(health.cache.fragments.budget);
});

test('a visitor cannot skip the page cache with the warm-up\'s header: only its process token does that', async ({ baseURL }) => {
  // A URL no other test asks for. The warm-up sends a random token of its process
  // (warmup-pages.ts); its renders not being kept is checked by warmup.spec.ts (page cache
  // empty after the warm-up, which renders one page of each route through the page cache).
  const url = `${baseURL}/countries/NOR?horizon=2012&indicator=IT.CEL.SETS.P2`;
  for (const guess of ['1', 'true', '']) {
    const r = await get(url, 'gzip', { 'x-wsis-render-only': guess });
    expect(r.status).toBe(200);
    expect(gunzipSync(r.body).toString('utf8')).toContain('Norway');
  }
  // The first guess rendered and kept it; the others were answered from the cache.
  expect((await get(url, 'gzip', { 'x-wsis-render-only': '1' })).headers['x-page-cache']).toBe('hit');
});
