import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getRequestEvent } from '$app/server';
import { gzipSync } from 'node:zlib';
import { isLanguageNeutral, localizeLinks } from '$lib/i18n/links';
import { baseLocale, getLocale, localeInfo, type Locale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages.js';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { isApiPath, shapeApiError } from '$lib/server/api/error-shape';
import { bodyOf, pageCache, withBody, withGzip, pageCacheKey, type CachedPage } from '$lib/server/page-cache';
import { withSecurityHeaders } from '$lib/server/security-headers';
import { unavailablePage } from '$lib/server/unavailable';
import { warehouseVersion, WarehouseMissing } from '$lib/server/warehouse';
import { keepWarm } from '$lib/server/warmup';
import { assemble, SpliceSink } from '$lib/server/page-splice';
import { setSpliceMarker } from '$lib/page-splice';
import { RENDER_ONLY_HEADER, RENDER_ONLY_TOKEN, warmupPages } from '$lib/server/warmup-pages';
import { collectWhenIdle } from '$lib/server/idle-gc';

/** Security headers on every response, whatever produced it; then, once it is written, a young-generation collection if one is due (idle-gc.ts). */
const security: Handle = async ({ event, resolve }) => {
  const response = withSecurityHeaders(await resolve(event), event.url.pathname);
  collectWhenIdle();
  return response;
};

/** API errors in one shape; pages without a warehouse answer 503 with a plain page. */
const errors: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  if (isApiPath(event.url.pathname)) return shapeApiError(response, event.request, event.url);
  if (event.locals.warehouseUnavailable && response.status >= 500) return unavailablePage(event.url);
  return response;
};

/**
 * The language comes from the URL (/fr/..., /es/..., none for English). paraglideMiddleware makes
 * it the request's locale for every message and formatter rendered below (AsyncLocalStorage) and
 * hands SvelteKit the URL without its prefix; `reroute` (hooks.ts) picks the route the same way.
 * Files and the API have one address in every language and skip it.
 */
const language: Handle = ({ event, resolve }) => {
  if (isLanguageNeutral(event.url.pathname)) return resolve(event, { transformPageChunk: htmlLanguage(baseLocale, event.locals) });
  return paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    return resolve(event, { transformPageChunk: htmlLanguage(locale, event.locals) });
  });
};

/**
 * Stands in, in SvelteKit's response, for the HTML of a page the page-cache handle takes over
 * (locals.pageHtml): SvelteKit hashes the whole page for an ETag that handle replaces anyway
 * (1.7 ms for a 300 KB page, about a tenth of a first visit), and encodes it once more.
 */
const HANDED_OVER = '<!--wsis:page-html-handed-over-->';

/**
 * lang and dir on <html> (app.html), and every internal link in the page's language; an
 * endpoint's error page is in the base language. When the page-cache handle asked for the
 * page (locals.pageHtml), a page rendered in one piece is handed to it there.
 */
function htmlLanguage(locale: Locale, locals: App.Locals) {
  const { dir } = localeInfo(locale);
  return ({ html, done }: { html: string; done: boolean }) => {
    const sink = locals.pageHtml;
    if (sink && done && sink.html === undefined && locale === baseLocale) {
      // Handed over whole, in the base language (no link to localise): the assembly fills lang
      // and dir in the page's first bytes, so the page is not copied twice more here.
      sink.splice.placeholders = { '%paraglide.lang%': locale, '%paraglide.dir%': dir };
      sink.html = html;
      return HANDED_OVER;
    }
    const out = localizeLinks(html.replace('%paraglide.lang%', locale).replace('%paraglide.dir%', dir), locale);
    if (!sink || !done || sink.html !== undefined) {
      if (!sink) return out;
      locals.pageHtml = undefined; // streamed in pieces: SvelteKit's own response stands, with its fragments as text
      return sink.splice.unsplice(out);
    }
    sink.html = out;
    return HANDED_OVER;
  };
}

/**
 * The page's HTML back in place of HANDED_OVER, as bytes (encoded once), and the response's
 * headers without SvelteKit's content-length and ETag (both were of the stand-in). Nothing
 * handed over (a redirect, an endpoint, a page streamed in pieces): the response as it is.
 */
async function withPageHtml(
  response: Response,
  locals: App.Locals,
  sink: NonNullable<App.Locals['pageHtml']>,
  gzip: boolean
): Promise<{ response: Response; body?: Uint8Array; gzipped?: Uint8Array }> {
  locals.pageHtml = undefined;
  const html = sink.html;
  if (html === undefined) return { response };
  const text = await response.text();
  const handed = text === HANDED_OVER;
  const { body, gzipped } = assemble(handed ? html : text, sink.splice, gzip && handed && response.status === 200);
  const headers = new Headers(response.headers);
  // (A gzipped page is a 200's, whose length send() gives.)
  if (body) headers.set('content-length', String(body.byteLength));
  headers.delete('etag');
  // A 200 page's bytes go to the page cache as they are; only another status is answered from this response.
  return { response: new Response(response.status === 200 ? null : body, { status: response.status, statusText: response.statusText, headers }), body, gzipped };
}

// Pages (not the API or downloads, which set their own caching) are cached per build and
// URL, and carry an ETag tied to the build so browsers can revalidate cheaply.
const pages: Handle = async ({ event, resolve }) => {
  const { request, url } = event;
  const cacheable =
    request.method === 'GET' && !isApiPath(url.pathname) && !url.pathname.startsWith('/data/download/') && !url.pathname.startsWith('/download/') && url.pathname !== '/healthz' && !event.isDataRequest && event.route.id !== null;
  if (!cacheable) return resolve(event);

  let version: string;
  try {
    version = warehouseVersion();
  } catch (err) {
    if (err instanceof WarehouseMissing) return unavailablePage();
    throw err;
  }
  const key = pageCacheKey(event.route.id, url, getLocale());
  if (key === null) return resolve(event);
  const etag = `"${version}-${hash(key)}"`;
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });

  const gzipOk = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
  let own: Response | null = null;
  const render = async (): Promise<CachedPage | null> => {
    const sink = { splice: new SpliceSink() };
    event.locals.pageHtml = sink;
    const { response, body: handed, gzipped } = await withPageHtml(await resolve(event), event.locals, sink, gzipOk);
    if (response.status !== 200 || !(response.headers.get('content-type') ?? '').startsWith('text/html')) {
      own = response;
      return null;
    }
    const headers: [string, string][] = [...response.headers.entries()].filter(([k]) => k !== 'content-length' && k !== 'etag' && k !== 'cache-control');
    headers.push(['etag', etag], ['cache-control', 'public, max-age=0, must-revalidate']);
    headers.push(['vary', 'accept-encoding']);
    // Kept as it was sent: gzipped (page-cache.ts), or the HTML.
    if (gzipped) return { gzipped, quick: true, headers };
    return { body: handed ?? new Uint8Array(await response.arrayBuffer()), headers };
  };
  // The warm-up's own renders (warmup-pages.ts) take this whole path but are never kept: the
  // page cache holds visitors' pages only. Only the warm-up knows the token.
  const renderOnly = request.headers.get(RENDER_ONLY_HEADER) === RENDER_ONLY_TOKEN;
  const { page, shared } = renderOnly ? { page: await render(), shared: false } : await pageCache.getOrRender(version, key, render);
  if (!page) return own ?? resolve(event); // an error page is not cached; a request that waited on someone else's error renders its own
  // Most pages are visited once per build. A first render is compressed for its own answer at
  // level 1 (1.8 ms for a 130 KB country page against 4.3 ms at level 6, 17 % more bytes), its
  // charts spliced in already compressed (page-splice.ts); the copy kept for later requests is
  // made at level 6 by the next request that accepts gzip (zlib's thread pool, once). Answering
  // uncompressed instead sent five times the bytes and slowed the requests that followed it
  // (paired first-visit runs: /healthz after a page 2 -> 6 ms).
  if (!shared) return send(gzipOk && !page.gzipped ? { ...page, gzipped: gzipSync(bodyOf(page), { level: 1 }) } : page, gzipOk, 'miss');
  return send(gzipOk ? await withGzip(version, key, page) : withBody(version, key, page), gzipOk, 'hit');
};

export const handle = sequence(security, errors, language, pages);

// A component's spliceable() HTML becomes a token only in a page the page-cache handle assembles.
setSpliceMarker((html) => {
  let sink: App.Locals['pageHtml'];
  try {
    sink = getRequestEvent().locals.pageHtml;
  } catch {
    return html; // outside a request
  }
  return sink ? sink.splice.mark(html) : html;
});

/** At start, outside any request: warm the build's per-build values and charts in the background (warmup.ts). */
export const init: ServerInit = () => keepWarm(warmupPages);

/** Unexpected errors: logged on the server, answered without message, path or stack. */
export const handleError: HandleServerError = ({ error, event, status }) => {
  if (error instanceof WarehouseMissing) {
    event.locals.warehouseUnavailable = true;
    return { message: error.message };
  }
  if (status >= 500) console.error(error);
  // In the request's language: handleError runs inside the language handle's context.
  return { message: status === 404 ? m.error_not_found() : m.error_internal() };
};

function send(page: CachedPage, gzipOk: boolean, cache: 'hit' | 'miss'): Response {
  const gzipped = gzipOk && page.gzipped;
  const bytes = gzipped ? page.gzipped! : bodyOf(page);
  const headers: [string, string][] = [...page.headers, ['x-page-cache', cache], ['content-length', String(bytes.byteLength)]];
  if (gzipped) headers.push(['content-encoding', 'gzip']);
  return new Response(bytesStream(bytes), { status: 200, headers });
}

/** The cached bytes as a body without a copy: a Uint8Array body is copied by undici on every response (~0.1 ms for 77 KB). */
function bytesStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    }
  });
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
