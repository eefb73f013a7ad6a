// Links that stay in the reader's language. Pages live under /fr/..., /es/... (English has no
// prefix); files and machine endpoints (API, downloads, CSV) have one address in every language.
import { baseLocale, deLocalizeHref, deLocalizeUrl, getLocale, localizeHref, locales, type Locale } from '$lib/paraglide/runtime.js';
import { pageQuery } from '$lib/page-query';
import { localeInfo } from './locale';

/** Paths served the same in every language, never prefixed: /fr/api/... is not a page. */
const LANGUAGE_NEUTRAL = [/^\/api(\/|$)/, /^\/download\//, /^\/data\/download\//, /^\/healthz$/, /^\/stocktaking\/(entries\.csv|template\.json)$/];

export function isLanguageNeutral(pathname: string): boolean {
  return LANGUAGE_NEUTRAL.some((re) => re.test(pathname));
}

/** A site-internal href ('/targets/10?year=2015') in the current (or given) language; others unchanged. */
export function localHref(href: string, locale: Locale = getLocale()): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  if (isLanguageNeutral(new URL(href, 'http://x').pathname)) return href;
  return withoutTrailingSlash(localizeHref(href, { locale }));
}

/** '/fr/' -> '/fr' (SvelteKit redirects the former to the latter); '/' stays. */
function withoutTrailingSlash(href: string): string {
  return href.replace(/^(\/[^?#]*?)\/+(?=$|[?#])/, '$1');
}

/** The path a SvelteKit route matches for a localized URL: /fr/targets/10 -> /targets/10. Endpoints under a prefix stay as they are (and 404). */
export function routePath(url: URL): string {
  const path = deLocalizeUrl(url).pathname;
  return path !== url.pathname && isLanguageNeutral(path) ? url.pathname : path;
}

/**
 * Every site-internal link and form target of a rendered page, in the page's language:
 * `<a href="/targets/10?year=2015">` becomes `/fr/targets/10?year=2015` on a French page.
 * Done once on the HTML (hooks.server.ts) rather than at each of the pages' links, so no page,
 * component or server-written summary can send a reader back to English. Left alone: links that
 * name their language (hreflang: the switcher), links already carrying a language prefix, files
 * and the API (isLanguageNeutral), in-page and external links.
 */
export function localizeLinks(html: string, locale: Locale): string {
  if (locale === baseLocale) return html;
  return html.replace(/<(a|form)\b[^>]*>/g, (tag, name: string) => {
    if (name === 'a' && /\shreflang=/.test(tag)) return tag;
    return tag.replace(/(\s(?:href|action)=")(\/[^"]*)"/, (whole, attribute: string, url: string) => {
      const [, path, rest] = /^([^?#]*)(.*)$/.exec(url)!;
      const local = localizedPath(path, locale);
      return local === null ? whole : `${attribute}${local}${rest}"`;
    });
  });
}

/**
 * Paths already localised, by language and path: links repeat from page to page (the header,
 * the country, region and indicator links), and localising one parses it as a URL twice, about
 * 1 ms of every French or Spanish page before this was kept. null: a path left as it is.
 * Bounded by a count (the paths are the site's own links, a few thousand): emptied when full.
 */
const localizedPaths = new Map<string, string | null>();
const LOCALIZED_PATHS_MAX = 20_000;

function localizedPath(path: string, locale: Locale): string | null {
  const key = `${locale} ${path}`;
  let local = localizedPaths.get(key);
  if (local === undefined) {
    local = path.startsWith('//') || hasLanguagePrefix(path) || isLanguageNeutral(path) ? null : localHref(path, locale);
    if (localizedPaths.size >= LOCALIZED_PATHS_MAX) localizedPaths.clear();
    localizedPaths.set(key, local);
  }
  return local;
}

function hasLanguagePrefix(path: string): boolean {
  const first = path.split('/')[1] ?? '';
  return (locales as readonly string[]).includes(first.toLowerCase());
}

export interface LanguageLink {
  locale: Locale;
  href: string;
  autonym: string;
  current: boolean;
}

/**
 * The same page in every language, for the switcher and hreflang links: its path and the query
 * parameters the route reads (its filters; page-query.ts), which is also what the page cache keys
 * on, so a cached page never carries another visitor's stray parameters in its links.
 */
export function languageLinks(url: URL, routeId: string | null, current: Locale = getLocale()): LanguageLink[] {
  const here = deLocalizeHref(url.pathname + (pageQuery(routeId, url) ?? url.search));
  return locales.map((locale) => ({ locale, href: localHref(here, locale), autonym: localeInfo(locale).autonym, current: locale === current }));
}
