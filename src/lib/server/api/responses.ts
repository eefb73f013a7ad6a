// HTTP responses of the API: the paged envelope, JSON and CSV bodies, cache headers with an
// ETag tied to the warehouse build and the query, 304 on If-None-Match, CORS for GET, and
// ApiError -> `{ error, detail }`. Pure helpers first; `respond` wires them to a request.
import { createHash } from 'node:crypto';
import { toCsv } from '$lib/csv-format';
import { ApiError } from './errors';
import type { Paging } from './params';
import { perBuild } from '../build-memo';
import { WarehouseMissing, warehouseVersion } from '../warehouse';

export const CACHE_CONTROL = 'public, max-age=300';

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  data: T[];
}

export function page<T>(data: T[], total: number, p: Paging): Page<T> {
  return { total, limit: p.limit, offset: p.offset, data };
}

/** Strong ETag: the warehouse build identity plus a digest of path and query string. */
export function etagFor(version: string, url: URL): string {
  const digest = createHash('sha256').update(`${url.pathname}?${url.searchParams.toString()}`).digest('hex').slice(0, 16);
  return `"${version}-${digest}"`;
}

/** If-None-Match: a list of (possibly weak) tags, or *. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'If-None-Match',
  'access-control-expose-headers': 'ETag, X-Total-Count, Content-Disposition'
};

export type Body =
  | { kind: 'json'; body: unknown }
  | { kind: 'csv'; columns: string[]; rows: Record<string, unknown>[]; total: number; filename: string };

export const json = (body: unknown): Body => ({ kind: 'json', body });
export const csv = (columns: string[], rows: Record<string, unknown>[], total: number, filename: string): Body => ({
  kind: 'csv',
  columns,
  rows,
  total,
  filename
});

export function errorResponse(e: ApiError): Response {
  return new Response(JSON.stringify({ error: e.error, detail: e.detail }), {
    status: e.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': CACHE_CONTROL, ...CORS_HEADERS }
  });
}

/** A body serialised once, with its content headers. */
export interface RenderedBody {
  text: string;
  headers: Record<string, string>;
}

export function renderBody(b: Body): RenderedBody {
  if (b.kind === 'json') return { text: JSON.stringify(b.body), headers: { 'content-type': 'application/json; charset=utf-8' } };
  return {
    text: toCsv(b.columns, b.rows),
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${b.filename}"`, 'x-total-count': String(b.total) }
  };
}

export function bodyResponse(b: Body | RenderedBody, etag: string): Response {
  const r = 'kind' in b ? renderBody(b) : b;
  return new Response(r.text, { headers: { 'cache-control': CACHE_CONTROL, etag, ...CORS_HEADERS, ...r.headers } });
}

export interface RespondDeps {
  version: () => string;
}

/** Run a handler for a GET request: 304 when the client's ETag is current, errors as JSON. */
export async function respond(
  request: Request,
  url: URL,
  deps: RespondDeps,
  handler: () => Promise<Body | RenderedBody>
): Promise<Response> {
  try {
    const etag = etagFor(deps.version(), url);
    if (etagMatches(request.headers.get('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers: { etag, 'cache-control': CACHE_CONTROL, ...CORS_HEADERS } });
    }
    return bodyResponse(await handler(), etag);
  } catch (e) {
    if (e instanceof ApiError) return errorResponse(e);
    if (e instanceof WarehouseMissing) {
      return new Response(JSON.stringify({ error: 'unavailable', detail: e.message }), {
        status: 503,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...CORS_HEADERS }
      });
    }
    throw e;
  }
}

export function preflight(): Response {
  return new Response(null, { status: 204, headers: { ...CORS_HEADERS, 'access-control-max-age': '86400' } });
}

/** Serialised API bodies are kept per build (an answer depends only on the build and the URL), up to this size. */
const API_BODY_MAX_CHARS = 512 * 1024;

/** Heap estimate for the memo's byte budget: the text (UTF-16) and its headers. */
function renderedBytes(r: RenderedBody | null): number {
  if (!r) return 8;
  let n = 2 * r.text.length + 64;
  for (const [k, v] of Object.entries(r.headers)) n += 2 * (k.length + v.length) + 32;
  return n;
}

/** A GET handler for an API route: `export const GET = apiGet((query, event) => ...)`. */
export function apiGet(handler: (query: URLSearchParams, event: { url: URL; params: Record<string, string> }) => Promise<Body>) {
  return (event: { request: Request; url: URL; params: Record<string, string> }) =>
    respond(event.request, event.url, { version: warehouseVersion }, async () => {
      const key = `${event.url.pathname}?${event.url.searchParams.toString()}`;
      let fresh: RenderedBody | null = null;
      const kept = await perBuild('api-body', key, async () => {
        fresh = renderBody(await handler(event.url.searchParams, event));
        return fresh.text.length <= API_BODY_MAX_CHARS ? fresh : null;
      }, renderedBytes);
      // Large bodies (long observation pages, CSV exports) are not kept: rendered per request.
      return kept ?? fresh ?? renderBody(await handler(event.url.searchParams, event));
    });
}
