// The overview's table of every country verdict that changed since a review year, as HTML text.
// With review=2012 it holds about 600 rows (480 KB of a 670 KB page), each with two verdict
// pills: rendering it through Svelte at every first visit was most of that page's time. The
// server writes it once per build, language, horizon and review year (+page.server.ts) with the
// markup StatusPill.svelte and DataTable.svelte give it.
import { statusLabel, verdictContext, verdictText, type Status, type VerdictFacts } from '$lib/progress';
import { m } from '$lib/paraglide/messages.js';
import { dataTableHtml, htmlAttr as attr, htmlText as text } from '$lib/html-text';

/** StatusPill.svelte's markup for a verdict with its facts (no reason): words with their years, the context in the title. */
export function statusPillHtml(status: Status, verdict: VerdictFacts): string {
  const label = statusLabel(status);
  const words = verdictText({ ...verdict, status });
  const why = `${label.explanation} ${m.verdict_context_sentence({ context: verdictContext(verdict) })}`;
  const asOf = verdict.asOf == null ? '' : ` data-as-of="${attr(verdict.asOf)}"`;
  return `<span class="status ${attr(status)}" title="${attr(why)}" data-status="${attr(status)}" data-horizon="${attr(verdict.horizon)}"${asOf}>${text(words)}</span>`;
}

/** What the table shows of a changed verdict (the overview's ReviewRow has these and more). */
export interface ChangedVerdict {
  indicator: string;
  indicatorName: string;
  economy: string;
  economyName: string;
  from: string;
  to: string;
  /** The facts each verdict needs to be read (horizon, as-of year, first year met, projected year). */
  before: VerdictFacts;
  after: VerdictFacts;
}

/** The table of changed verdicts: indicator, country (linked), the verdict as of each year. */
export function changedVerdictsTableHtml(rows: readonly ChangedVerdict[], reviewYear: number, latestYear: number | null): string {
  const latest = latestYear ?? '–';
  const head =
    `<tr><th scope="col">${text(m.col_indicator())}</th><th scope="col">${text(m.col_country())}</th>` +
    `<th scope="col">${text(m.col_as_of({ year: reviewYear }))}</th><th scope="col">${text(m.col_as_of({ year: latest }))}</th></tr>`;
  const body = rows
    .map(
      (r) =>
        `<tr data-economy="${attr(r.economy)}" data-indicator="${attr(r.indicator)}"><td>${text(r.indicatorName)}</td>` +
        `<td><a href="/countries/${attr(r.economy)}">${text(r.economyName)}</a></td>` +
        `<td>${statusPillHtml(r.from as Status, r.before)}</td><td>${statusPillHtml(r.to as Status, r.after)}</td></tr>`
    )
    .join('');
  return dataTableHtml('data review-countries', m.review_changed_caption(), head, body);
}
