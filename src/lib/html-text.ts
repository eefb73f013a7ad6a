// Text for HTML written by hand (tables written once per build: chart-table.ts, review-table.ts,
// batch-table.ts),
// escaped as Svelte escapes what it renders.

/** Text content: & and <. */
export const htmlText = (value: unknown): string => String(value ?? '').replace(/[&<]/g, (c) => (c === '&' ? '&amp;' : '&lt;'));

/** An attribute value inside double quotes: &, " and <. */
export const htmlAttr = (value: unknown): string => String(value).replace(/[&"<]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&lt;'));

/**
 * DataTable.svelte's <table> as text (keyboard-reachable, caption visually hidden), for the tables
 * written once per build; `head` and `body` are their rows' HTML, `caption` plain text.
 */
export function dataTableHtml(className: string, caption: string, head: string, body: string): string {
  return `<table tabindex="0" class="${htmlAttr(className)}"><caption class="visually-hidden">${htmlText(caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}
