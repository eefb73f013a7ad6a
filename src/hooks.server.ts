import type { Handle } from '@sveltejs/kit';
import { PageCache } from '$lib/server/page-cache';
import { warehouseVersion, WarehouseMissing } from '$lib/server/warehouse';

const pages = new PageCache();

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
  const key = url.pathname + url.search;
  const etag = `"${version}-${hash(key)}"`;
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });

  const hit = pages.get(version, key);
  if (hit) return new Response(hit.body, { status: 200, headers: [...hit.headers, ['x-page-cache', 'hit']] });

  const response = await resolve(event);
  if (response.status !== 200 || !(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const headers: [string, string][] = [...response.headers.entries()].filter(([k]) => k !== 'content-length' && k !== 'etag' && k !== 'cache-control');
  headers.push(['etag', etag], ['cache-control', 'public, max-age=0, must-revalidate']);
  pages.set(version, key, { body, headers });
  return new Response(body, { status: 200, headers: [...headers, ['x-page-cache', 'miss']] });
};

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
