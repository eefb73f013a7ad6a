// A chart's data table as HTML text: the markup DataTable.svelte gives a chart's rows (a
// scroll box named for keyboard users, a visually hidden caption, one header row, one row a
// record), written once per chart view and language instead of at every render. A region or
// target page shows hundreds of these cells; the views are kept per build (chart-data/registry.ts),
// so a first visit after the warm-up reuses the table its view already has.
import { formatNumber } from '$lib/format';
import { getLocale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages.js';
import type { ChartView } from '$lib/plot/types';
import { dataTableHtml, htmlAttr as attr, htmlText as text } from '$lib/html-text';

/**
 * Column headings the chart definitions (server code, English) share, in the interface
 * language; a heading not listed (an indicator's own name and unit) is shown as written.
 */
const COLUMN_LABELS: Record<string, () => string> = {
  Year: m.col_year,
  Code: m.col_code,
  Country: m.col_country,
  Region: m.col_region,
  Entries: m.col_entries,
  'Stakeholder type': m.filter_stakeholder_type,
  Goal: m.col_goal,
  Status: m.col_status,
  Rank: m.col_rank,
  'Start year': m.col_start_year,
  'World / region': m.col_world_region,
  'As written in the source': m.col_as_written_source
};

export const columnLabel = (label: string): string => COLUMN_LABELS[label]?.() ?? label;

/** The table's HTML, built afresh (chartTableHtml keeps it). */
export function buildChartTableHtml(chart: ChartView): string {
  const caption = m.chart_table_caption({ title: chart.title });
  const num = (kind: string | undefined) => (kind === 'number' ? ' class="num"' : '');
  const head = chart.columns.map((col) => `<th scope="col"${num(col.kind)}>${text(columnLabel(col.label))}</th>`).join('');
  const body = chart.rows
    .map((r) => {
      const cells = chart.columns.map((col) => {
        const value = r[col.key];
        const shown = col.kind === 'number' ? formatNumber(value as number | null, col.digits) : value;
        return `<td${num(col.kind)}>${text(shown)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return (
    `<div class="table-wrap" tabindex="0" role="region" aria-label="${attr(caption)}">` +
    `${dataTableHtml('chart-table', caption, `<tr>${head}</tr>`, body)}</div>`
  );
}

/** Per chart view (kept per build) and language. */
const made = new WeakMap<ChartView, Map<string, string>>();

/** The table of `chart` in the request's language, built once per view and language. */
export function chartTableHtml(chart: ChartView): string {
  const locale = getLocale();
  let byLocale = made.get(chart);
  if (!byLocale) made.set(chart, (byLocale = new Map()));
  let html = byLocale.get(locale);
  if (html === undefined) byLocale.set(locale, (html = buildChartTableHtml(chart)));
  return html;
}
