import type { Handle } from '@sveltejs/kit';
import { gzipSync } from 'node:zlib';
import { pageCache, pageCacheKey, type CachedPage } from '$lib/server/page-cache';
import { warehouseVersion, WarehouseMissing } from '$lib/server/warehouse';

// Pages (not the API or downloads, which set their own caching) are cached per build and
// URL, and carry an ETag tied to the build so browsers can revalidate cheaply.
export const handle: Handle = async ({ event, resolve }) => {
  const { request, url } = event;
  const cacheable =
    request.method === 'GET' && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/data/download/') && !url.pathname.startsWith('/download/') && url.pathname !== '/healthz' && !event.isDataRequest;
  if (!cacheable) return resolve(event);

  let version: string;
  try {
    version = warehouseVersion();
  } catch (err) {
    if (err instanceof WarehouseMissing) return resolve(event);
    throw err;
  }
  const key = pageCacheKey(event.route.id, url);
  const etag = `"${version}-${hash(key)}"`;
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });

  const gzipOk = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
  let own: Response | null = null;
  const { page, shared } = await pageCache.getOrRender(version, key, async () => {
    const response = await resolve(event);
    if (response.status !== 200 || !(response.headers.get('content-type') ?? '').startsWith('text/html')) {
      own = response;
      return null;
    }
    const body = new Uint8Array(await response.arrayBuffer());
    const headers: [string, string][] = [...response.headers.entries()].filter(([k]) => k !== 'content-length' && k !== 'etag' && k !== 'cache-control');
    headers.push(['etag', etag], ['cache-control', 'public, max-age=0, must-revalidate']);
    headers.push(['vary', 'accept-encoding']);
    return { body, gzipped: gzipSync(body, { level: 6 }), headers };
  });
  if (page) return send(page, gzipOk, shared ? 'hit' : 'miss');
  // An error page is not cached; a request that waited on someone else's error renders its own.
  return own ?? resolve(event);
};

function send(page: CachedPage, gzipOk: boolean, cache: 'hit' | 'miss'): Response {
  const headers: [string, string][] = [...page.headers, ['x-page-cache', cache]];
  if (gzipOk && page.gzipped) return new Response(page.gzipped as Uint8Array<ArrayBuffer>, { status: 200, headers: [...headers, ['content-encoding', 'gzip']] });
  return new Response(page.body as Uint8Array<ArrayBuffer>, { status: 200, headers });
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
