// The query parameters each page reads, by SvelteKit route id: what the page cache keys on and
// what the language switcher carries to the same page in another language. A parameter a page
// does not read does not change it, so it is left out: `/targets/10?x=<unique>` is one page.
/** Keep in step with the pages' load functions. */
export const PAGE_PARAMS: Readonly<Record<string, readonly string[]>> = {
  '/': ['horizon', 'review'],
  '/targets/[n]': ['horizon', 'indicator', 'year', 'region', 'map', 'mapyear'],
  '/regions/[code]': ['indicator', 'horizon'],
  '/countries/[iso3]': ['indicator', 'horizon'],
  '/action-lines/[id]': ['stakeholder_type'],
  '/stakeholders': ['stakeholder_type'],
  // /compare reads `economy` as a list (repeated or comma-separated) and /embed/[id] passes every
  // parameter to its chart: left unlisted, so they are cached only without a query string.
  // Pages that read no parameter: any query string shares their one entry.
  '/targets': [],
  '/action-lines': [],
  '/regions': [],
  '/countries': [],
  '/methodology': [],
  '/data': []
};

/**
 * The query string that decides the page (`?horizon=2012&year=2015`, '' for none): the parameters
 * the route reads, first value only (what `searchParams.get` sees), in a fixed order. A route not
 * in PAGE_PARAMS keeps its whole query, and null says it cannot be cached with one.
 */
export function pageQuery(routeId: string | null, url: URL): string | null {
  const names = routeId ? PAGE_PARAMS[routeId] : undefined;
  if (!names) return url.search ? null : '';
  const kept = new URLSearchParams();
  for (const name of names) {
    const value = url.searchParams.get(name);
    if (value !== null) kept.set(name, value);
  }
  const search = kept.toString();
  return search ? `?${search}` : '';
}
