// Scatter of two changes across countries (ICT progress against MDG progress), with a least-
// squares line to show the direction of the association. Pure: points in, Plot options out.
import * as Plot from '@observablehq/plot';
import { frame } from './frame';

export interface ScatterPoint {
  label: string;
  x: number;
  y: number;
  group: string;
}

export interface ScatterOptions {
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
}

export function scatterChartSpec(points: ScatterPoint[], options: ScatterOptions): Plot.PlotOptions {
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) throw new Error(`invalid scatter point for ${p.label}: ${p.x}, ${p.y}`);
  }
  return {
    ...frame(options, 420),
    marginTop: 28,
    marginRight: 24,
    marginBottom: 44,
    x: { label: null },
    y: { label: null },
    color: { scheme: 'tableau10', legend: true },
    marks: [
      Plot.gridX({ ariaHidden: 'true' }),
      Plot.gridY({ ariaHidden: 'true' }),
      Plot.axisX({ label: null, ariaHidden: 'true' }),
      Plot.axisY({ label: null, ariaHidden: 'true' }),
      Plot.text([options.yLabel], { frameAnchor: 'top-left', dx: -30, dy: -18, text: (d: string) => `↑ ${d}`, textAnchor: 'start', ariaHidden: 'true' }),
      Plot.text([options.xLabel], { frameAnchor: 'bottom-right', dy: 36, text: (d: string) => `${d} →`, textAnchor: 'end', ariaHidden: 'true' }),
      Plot.ruleY([0], { ariaHidden: 'true' }),
      Plot.ruleX([0], { ariaHidden: 'true' }),
      Plot.linearRegressionY(points, { x: 'x', y: 'y', stroke: '#555', ci: 0, ariaHidden: 'true' }),
      Plot.dot(points, {
        x: 'x',
        y: 'y',
        fill: 'group',
        r: 3.5,
        fillOpacity: 0.85,
        title: (d: ScatterPoint) => `${d.label}: ${+d.x.toFixed(1)}, ${+d.y.toFixed(1)}`,
        ariaHidden: 'true'
      })
    ]
  };
}

/** Pearson's r, or null with fewer than 3 points or no spread. */
export function pearson(points: { x: number; y: number }[]): number | null {
  const n = points.length;
  if (n < 3) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}
