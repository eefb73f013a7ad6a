// The /data page's table of observation batches (one row per indicator, vintage and input file),
// as HTML text. The mirror has about 100 batches, a warehouse with a thousand indicators over a
// thousand; rendered through Svelte at every visit it was most of that page's time (51 ms of a
// first visit at 1,000 synthetic indicators). The server writes it once per build and language
// (+page.server.ts) with the markup DataTable.svelte gives a table in a scroll box.
import { formatNumber } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { dataTableHtml, htmlText as text } from '$lib/html-text';

export interface BatchRow {
  indicator: string;
  vintage: string | null;
  layout: string;
  file: string;
  rows_loaded: number | bigint;
  is_served: boolean;
}

export function batchesTableHtml(rows: readonly BatchRow[]): string {
  const th = (label: string, num = false) => `<th scope="col"${num ? ' class="num"' : ''}>${text(label)}</th>`;
  const head =
    `<tr>${th(m.col_indicator())}${th(m.col_vintage())}${th(m.col_layout())}${th(m.col_file())}` +
    `${th(m.col_values_loaded(), true)}${th(m.col_served())}</tr>`;
  const notStated = text(m.series_vintage_not_stated());
  const yes = text(m.yes());
  const no = text(m.no());
  const body = rows
    .map(
      (b) =>
        `<tr><td class="nowrap">${text(b.indicator)}</td><td class="nowrap">${b.vintage == null ? notStated : text(b.vintage)}</td>` +
        `<td>${text(b.layout)}</td><td class="file">${text(b.file)}</td>` +
        `<td class="num">${text(formatNumber(Number(b.rows_loaded), 0))}</td><td>${b.is_served ? yes : no}</td></tr>`
    )
    .join('');
  return `<div class="scroll batches">${dataTableHtml('data', m.data_batches_caption(), head, body)}</div>`;
}
