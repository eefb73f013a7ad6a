// Large HTML a page takes whole from a per-build value (a chart's SVG, its data table) can go
// into the response already encoded and compressed, instead of being copied, encoded and
// compressed again at every render (src/lib/server/page-splice.ts). Components pass such HTML
// through spliceable(); on the server, hooks.server.ts installs the marker that puts a token in
// its place while the page-cache handle assembles the page. Anywhere else (a page answered
// another way, the browser) the HTML is returned as it is.

let marker: (html: string) => string = (html) => html;
/** While above 0, spliceable() leaves HTML as it is (withoutSplicing). */
let suspended = 0;

/** `html` as the page should contain it: itself, or a token the server swaps back for its bytes. */
export function spliceable(html: string): string {
  return suspended > 0 ? html : marker(html);
}

/**
 * Runs `render` (synchronous) with spliceable() returning HTML as it is: for HTML kept beyond the
 * request being answered (a section rendered once per build), where a token would name a piece of
 * that one request's page.
 */
export function withoutSplicing<T>(render: () => T): T {
  suspended++;
  try {
    return render();
  } finally {
    suspended--;
  }
}

/** The server's marker (hooks.server.ts); tests put back the identity. */
export function setSpliceMarker(next: (html: string) => string): void {
  marker = next;
}
