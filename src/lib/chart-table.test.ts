import { describe, expect, it } from 'vitest';
import { buildChartTableHtml, chartTableHtml } from './chart-table';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import type { ChartView } from '$lib/plot/types';

// Kenya's Internet use as the country chart shows it (values from the mirror's WDI file).
const chart: ChartView = {
  id: 'country-indicator',
  title: 'Individuals using the Internet: Kenya & "the world"',
  summary: '',
  svg: '<svg></svg>',
  columns: [
    { key: 'year', label: 'Year' },
    { key: 'country', label: 'Kenya', kind: 'number', digits: 1 },
    { key: 'note', label: 'As written in the source' }
  ],
  rows: [
    { year: 2023, country: 32.7, note: '<estimate>' },
    { year: 2024, country: 34.976, note: null }
  ],
  csvHref: '/download/chart/country-indicator.csv',
  source: 'World Bank WDI (ITU)'
};

describe('chart data table', () => {
  it('is the markup DataTable gave a chart: a named scroll box, hidden caption, one header row, a row a record', () => {
    overwriteGetLocale(() => 'en');
    const html = buildChartTableHtml(chart);
    expect(html).toBe(
      '<div class="table-wrap" tabindex="0" role="region" aria-label="Individuals using the Internet: Kenya &amp; &quot;the world&quot;: data">' +
        '<table tabindex="0" class="chart-table"><caption class="visually-hidden">Individuals using the Internet: Kenya &amp; "the world": data</caption>' +
        '<thead><tr><th scope="col">Year</th><th scope="col" class="num">Kenya</th><th scope="col">As written in the source</th></tr></thead>' +
        '<tbody><tr><td>2023</td><td class="num">32.7</td><td>&lt;estimate></td></tr>' +
        '<tr><td>2024</td><td class="num">35.0</td><td></td></tr></tbody></table></div>'
    );
  });

  it('writes headings and numbers in the request language, once per view and language', () => {
    overwriteGetLocale(() => 'fr');
    const fr = chartTableHtml(chart);
    expect(fr).toContain('<th scope="col">Année</th>');
    expect(fr).toContain('<td class="num">35,0</td>');
    expect(chartTableHtml(chart)).toBe(fr); // the same string: kept, not rebuilt
    overwriteGetLocale(() => 'en');
    expect(chartTableHtml(chart)).toContain('<td class="num">35.0</td>');
    expect(chartTableHtml({ ...chart, rows: [] })).toContain('<tbody></tbody>');
  });
});
