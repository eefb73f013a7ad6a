// Text for HTML written by hand (tables written once per build: chart-table.ts, review-table.ts),
// escaped as Svelte escapes what it renders.

/** Text content: & and <. */
export const htmlText = (value: unknown): string => String(value ?? '').replace(/[&<]/g, (c) => (c === '&' ? '&amp;' : '&lt;'));

/** An attribute value inside double quotes: &, " and <. */
export const htmlAttr = (value: unknown): string => String(value).replace(/[&"<]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&lt;'));
