// Projection chart: the observed series, the fitted trend carried forward to the horizon
// (dashed), the goal line and the horizon year. Pure: rows in, Plot options out.
import * as Plot from '@observablehq/plot';
import { formatPlain } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { frame } from './frame';

export interface ProjectionPoint {
  year: number;
  value: number;
  /** 'observed' or 'projected' (the trend from the assessment, drawn dashed). */
  kind: 'observed' | 'projected';
}

export interface ProjectionOptions {
  yLabel: string;
  goal: number;
  horizon: number;
  width?: number;
  height?: number;
}

export function projectionChartSpec(points: ProjectionPoint[], options: ProjectionOptions): Plot.PlotOptions {
  for (const p of points) {
    if (p.kind !== 'observed' && p.kind !== 'projected') throw new Error(`invalid point kind: ${p.kind}`);
  }
  const observed = points.filter((p) => p.kind === 'observed');
  const projected = points.filter((p) => p.kind === 'projected');
  const maxValue = Math.max(options.goal, ...points.map((p) => p.value));
  return {
    ...frame(options, 300),
    marginRight: 48,
    marginTop: 24,
    x: { label: null },
    y: { label: options.yLabel, domain: [0, maxValue * 1.05] },
    marks: [
      // Explicit axes so they too are hidden from assistive technology (the data table carries the values).
      Plot.gridY({ ariaHidden: 'true' }),
      Plot.axisY({ label: null, ariaHidden: 'true' }),
      // The axis label as a plain text mark: Plot's own axis label cannot be hidden.
      Plot.text([options.yLabel], { frameAnchor: 'top-left', dx: -30, dy: -14, text: (d: string) => `↑ ${d}`, textAnchor: 'start', ariaHidden: 'true' }),
      Plot.axisX({ tickFormat: 'd', label: null, ariaHidden: 'true' }),
      Plot.ruleY([0], { ariaHidden: 'true' }),
      Plot.ruleY([options.goal], { stroke: '#b00020', strokeDasharray: '4,3', ariaHidden: 'true' }),
      Plot.text([options.goal], { y: (d: number) => d, frameAnchor: 'left', dx: 4, dy: -7, text: () => m.chart_goal_label({ value: formatPlain(options.goal) }), fill: '#b00020', ariaHidden: 'true' }),
      Plot.ruleX([options.horizon], { stroke: '#555', strokeDasharray: '2,3', ariaHidden: 'true' }),
      Plot.text([options.horizon], { x: (d: number) => d, frameAnchor: 'top', dy: 2, dx: -4, textAnchor: 'end', text: (d: number) => `horizon ${d}`, fill: '#444', ariaHidden: 'true' }),
      Plot.lineY(projected, { x: 'year', y: 'value', stroke: '#a15c00', strokeWidth: 1.8, strokeDasharray: '6,4', ariaHidden: 'true' }),
      Plot.text(projected, Plot.selectLast({ x: 'year', y: 'value', text: () => 'trend', dx: 4, textAnchor: 'start', fill: '#8a4f00', ariaHidden: 'true' })),
      Plot.lineY(observed, { x: 'year', y: 'value', stroke: '#1f4e8c', strokeWidth: 2, ariaHidden: 'true' }),
      Plot.dot(observed, { x: 'year', y: 'value', fill: '#1f4e8c', r: 2.5, title: (d: { year: number; value: number }) => `${d.year}: ${formatPlain(+d.value.toFixed(2))}`, ariaHidden: 'true' })
    ]
  };
}
