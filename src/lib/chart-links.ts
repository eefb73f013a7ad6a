// Where a chart can be taken: its SVG file and its embed view, derived from its CSV link
// (/download/chart/<id>.csv?params), so all three carry the same parameters.

export function svgHref(csvHref: string): string {
  return csvHref.replace(/\.csv(\?|$)/, '.svg$1');
}

/** /embed/<id>?params&from=<page>: one chart alone, with a link back to the page it came from. */
export function embedHref(csvHref: string, from: string): string {
  const [path, query = ''] = csvHref.split('?');
  const id = path.replace(/^\/download\/chart\//, '').replace(/\.csv$/, '');
  const params = new URLSearchParams(query);
  params.set('from', from);
  return `/embed/${id}?${params}`;
}

/** The page an embed links back to: a path on this site only (never another origin). */
export function safeBackPath(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/\\') ? from : '/';
}
