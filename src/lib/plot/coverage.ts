// Coverage chart: how many countries report a value each year, against how many there are,
// so gaps in the data are visible before any verdict is read. Pure: rows in, Plot options out.
import * as Plot from '@observablehq/plot';
import { frame } from './frame';
import { m } from '$lib/paraglide/messages.js';

export interface CoverageDatum {
  year: number;
  countriesWithData: number;
  countriesTotal: number;
}

export function coverageChartSpec(data: CoverageDatum[], options: { width?: number; height?: number } = {}): Plot.PlotOptions {
  for (const d of data) {
    if (!(d.countriesWithData >= 0 && d.countriesWithData <= d.countriesTotal)) {
      throw new Error(`invalid coverage for ${d.year}: ${d.countriesWithData} of ${d.countriesTotal}`);
    }
  }
  const total = Math.max(0, ...data.map((d) => d.countriesTotal));
  return {
    ...frame(options, 220),
    marginTop: 24,
    x: { label: null, interval: 1 },
    y: { label: m.cd_col_countries_with_value(), domain: [0, total] },
    marks: [
      Plot.gridY({ ariaHidden: 'true' }),
      Plot.axisY({ label: null, ariaHidden: 'true' }),
      // The axis label as a plain text mark: Plot's own axis label cannot be hidden.
      Plot.text([m.cd_col_countries_with_value()], { frameAnchor: 'top-left', dx: -30, dy: -14, text: (d: string) => `↑ ${d}`, textAnchor: 'start', ariaHidden: 'true' }),
      Plot.axisX({ ticks: data.map((d) => d.year).filter((y) => y % 5 === 0), tickFormat: 'd', label: null, ariaHidden: 'true' }),
      Plot.barY(data, { x: 'year', y: 'countriesTotal', fill: '#e4e8ee', ariaHidden: 'true' }),
      Plot.barY(data, { x: 'year', y: 'countriesWithData', fill: '#3b6ea8', title: (d: { year: number; countriesWithData: number; countriesTotal: number }) => m.cd_cov_tip({ year: d.year, count: d.countriesWithData, total: d.countriesTotal }), ariaHidden: 'true' }),
      Plot.ruleY([0], { ariaHidden: 'true' })
    ]
  };
}
