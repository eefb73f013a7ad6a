// Activity against outcome: each point (a country, or an action line) has an amount of
// stocktaking activity (entries) and a movement of an indicator over the same period. The
// quadrants split at the medians of the points drawn: "many" / "much" means above the median
// (a point on the median counts as "few" / "little"). Pure: classification, summary, Plot spec.
import * as Plot from '@observablehq/plot';
import { frame } from './frame';

export interface QuadrantInput {
  code: string;
  label: string;
  activity: number;
  movement: number;
}

export interface QuadrantPoint extends QuadrantInput {
  quadrant: string;
}

export const QUADRANTS = {
  manyMuch: 'many activities, much movement',
  manyLittle: 'many activities, little movement',
  fewMuch: 'few activities, much movement',
  fewLittle: 'few activities, little movement'
} as const;

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function classifyQuadrants(points: QuadrantInput[]): { xSplit: number; ySplit: number; points: QuadrantPoint[] } {
  if (points.length === 0) return { xSplit: 0, ySplit: 0, points: [] };
  const xSplit = median(points.map((p) => p.activity));
  const ySplit = median(points.map((p) => p.movement));
  return {
    xSplit,
    ySplit,
    points: points.map((p) => {
      const many = p.activity > xSplit;
      const much = p.movement > ySplit;
      const quadrant = many ? (much ? QUADRANTS.manyMuch : QUADRANTS.manyLittle) : much ? QUADRANTS.fewMuch : QUADRANTS.fewLittle;
      return { ...p, quadrant };
    })
  };
}

/** How many points fall in each quadrant, in a fixed order. */
export function quadrantCounts(points: QuadrantPoint[]): { quadrant: string; n: number }[] {
  return Object.values(QUADRANTS).map((q) => ({ quadrant: q, n: points.filter((p) => p.quadrant === q).length }));
}

export interface QuadrantOptions {
  xLabel: string;
  yLabel: string;
  /** Written on the chart itself, under the plot area. */
  caveat: string;
  /** How many of the most active points get a text label. */
  labelled?: number;
  width?: number;
  height?: number;
}

export function quadrantSpec(classified: { xSplit: number; ySplit: number; points: QuadrantPoint[] }, options: QuadrantOptions): Plot.PlotOptions {
  const { points, xSplit, ySplit } = classified;
  const labelled = [...points].sort((a, b) => b.activity - a.activity || a.label.localeCompare(b.label)).slice(0, options.labelled ?? 8);
  const corner = (text: string, frameAnchor: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right') =>
    Plot.text([text], { frameAnchor, dx: frameAnchor.endsWith('left') ? 6 : -6, dy: frameAnchor.startsWith('top') ? 8 : -8, fill: '#555', fontSize: 11, fontStyle: 'italic', ariaHidden: 'true' });
  return {
    ...frame(options, 420),
    marginBottom: 84,
    marginLeft: 60,
    marginRight: 90,
    x: { label: options.xLabel, grid: true, labelOffset: 30 },
    y: { label: options.yLabel, grid: true },
    marks: [
      Plot.ruleX([xSplit], { stroke: '#888', strokeDasharray: '4,3', ariaHidden: 'true' }),
      Plot.ruleY([ySplit], { stroke: '#888', strokeDasharray: '4,3', ariaHidden: 'true' }),
      corner(QUADRANTS.fewMuch, 'top-left'),
      corner(QUADRANTS.manyMuch, 'top-right'),
      corner(QUADRANTS.fewLittle, 'bottom-left'),
      corner(QUADRANTS.manyLittle, 'bottom-right'),
      Plot.dot(points, {
        x: 'activity',
        y: 'movement',
        r: 3.5,
        fill: '#1f4e8c',
        fillOpacity: 0.7,
        title: (d: QuadrantPoint) => `${d.label}: ${d.activity} entries, ${+d.movement.toFixed(2)} (${d.quadrant})`,
        ariaHidden: 'true'
      }),
      Plot.text(labelled, { x: 'activity', y: 'movement', text: 'label', dx: 6, textAnchor: 'start', fontSize: 10, fill: '#1a1a1a', ariaHidden: 'true' }),
      // The caveat is part of the chart, so it travels with every copy of the picture.
      Plot.text([options.caveat], { frameAnchor: 'bottom-left', lineAnchor: 'top', dy: 46, dx: -50, textAnchor: 'start', fontSize: 11, fill: '#8a4b00', lineWidth: 62, ariaHidden: 'true' })
    ]
  };
}
