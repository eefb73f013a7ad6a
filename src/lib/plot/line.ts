// Chart specs are pure functions from data and options to Plot options, used on the server
// (rendered to SVG) and testable without a DOM.
import * as Plot from '@observablehq/plot';
import { formatPlain } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { frame, PLOT_STYLE } from './frame';

export interface LinePoint {
  series: string;
  year: number;
  value: number;
}

export interface LineOptions {
  yLabel: string;
  goal?: number | null;
  horizon?: number | null;
  width?: number;
  height?: number;
  /** Series to draw emphasised (e.g. the selected country). */
  highlight?: string | null;
  yDomain?: [number, number];
}

export function lineChartSpec(points: LinePoint[], options: LineOptions): Plot.PlotOptions {
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { ariaHidden: 'true' }),
    Plot.lineY(points, {
      x: 'year',
      y: 'value',
      stroke: 'series',
      strokeWidth: (d: LinePoint) => (options.highlight && d.series === options.highlight ? 3 : 1.6),
      ariaHidden: 'true',
      tip: false
    }),
    Plot.dot(points, { x: 'year', y: 'value', fill: 'series', r: 1.8, title: (d: LinePoint) => `${d.series}, ${d.year}: ${formatPlain(+d.value.toFixed(2))}`, ariaHidden: 'true' }),
    Plot.text(
      points,
      Plot.selectLast({ x: 'year', y: 'value', z: 'series', text: 'series', dx: 4, textAnchor: 'start', ariaHidden: 'true', fontSize: 11 })
    )
  ];
  if (options.goal != null) {
    marks.push(Plot.ruleY([options.goal], { stroke: '#b00020', strokeDasharray: '4,3', ariaHidden: 'true' }));
    marks.push(
      Plot.text([options.goal], { y: (d: number) => d, frameAnchor: 'left', dy: -6, text: () => m.chart_goal_label({ value: formatPlain(options.goal) }), fill: '#b00020', ariaHidden: 'true', fontSize: 11 })
    );
  }
  if (options.horizon != null) {
    marks.push(Plot.ruleX([options.horizon], { stroke: '#666', strokeDasharray: '2,3', ariaHidden: 'true' }));
  }
  return {
    ...frame(options, 320),
    marginRight: 120,
    x: { label: null, tickFormat: 'd' },
    y: { label: options.yLabel, grid: true, ...(options.yDomain ? { domain: options.yDomain } : {}) },
    color: { scheme: 'tableau10' },
    marks
  };
}

export interface BarDatum {
  label: string;
  value: number;
  group?: string;
}

export function barChartSpec(data: BarDatum[], options: { xLabel: string; goal?: number | null; width?: number }): Plot.PlotOptions {
  const marks: Plot.Markish[] = [
    Plot.barX(data, { x: 'value', y: 'label', fill: data.some((d) => d.group) ? 'group' : '#3b6ea8', sort: { y: '-x' }, title: (d: BarDatum) => `${d.label}: ${formatPlain(+d.value.toFixed(2))}`, ariaHidden: 'true' }),
    Plot.ruleX([0], { ariaHidden: 'true' })
  ];
  if (options.goal != null) marks.push(Plot.ruleX([options.goal], { stroke: '#b00020', strokeDasharray: '4,3', ariaHidden: 'true' }));
  return {
    width: options.width ?? 720,
    height: Math.max(120, 22 * data.length + 40),
    marginLeft: 200,
    style: PLOT_STYLE,
    x: { label: options.xLabel, grid: true },
    y: { label: null },
    color: { scheme: 'tableau10', legend: data.some((d) => d.group) },
    marks
  };
}

export function sparklineSpec(points: { year: number; value: number }[], options: { goal?: number | null } = {}): Plot.PlotOptions {
  const marks: Plot.Markish[] = [Plot.lineY(points, { x: 'year', y: 'value', stroke: '#3b6ea8', strokeWidth: 1.5, ariaHidden: 'true' })];
  if (options.goal != null) marks.push(Plot.ruleY([options.goal], { stroke: '#b00020', strokeDasharray: '2,2', ariaHidden: 'true' }));
  return { width: 120, height: 32, margin: 2, axis: null, style: { background: 'transparent' }, marks };
}
