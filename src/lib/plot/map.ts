// World choropleths as pure Plot specs (rendered to SVG on the server like every chart): one
// fill per country shape, a class legend drawn as SVG beside the map, and "no data" drawn as
// such (a grey of its own, named in the legend). The caller joins values to shapes by M49 code.
import * as Plot from '@observablehq/plot';
import type { Feature, Geometry } from 'geojson';
import { m } from '$lib/paraglide/messages.js';

export interface MapShape extends Feature<Geometry, { name: string }> {
  id?: string | number;
}

export interface MapClass {
  key: string;
  label: string;
  color: string;
}

export const NO_DATA_COLOR = '#e6e6e6';
export const OUTSIDE_COLOR = '#fbfbfb';
/** Blues without the palest steps, so the lowest class stays apart from the no-data grey. */
const BLUES = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c', '#08306b'];

/** Class breaks: 20-point steps for shares, five equal "nice" steps up to the maximum otherwise. */
export function classBreaks(max: number, bounded: boolean): number[] {
  if (bounded) return [20, 40, 60, 80];
  if (!(max > 0)) return [];
  const rough = max / 5;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= rough) ?? rough;
  return [1, 2, 3, 4].map((i) => +(i * step).toPrecision(6));
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** One class per interval between breaks, lowest first, with its colour and a label ("20–40"). */
export function valueClasses(breaks: number[]): MapClass[] {
  const colors = BLUES.slice(0, breaks.length + 1);
  return colors.map((color, i) => {
    const lo = i === 0 ? null : breaks[i - 1];
    const hi = i < breaks.length ? breaks[i] : null;
    // No breaks (classBreaks: no value above 0): one class, every value at most 0.
    const label = lo === null && hi === null ? '≤ 0' : lo === null ? `below ${fmt(hi!)}` : hi === null ? `${fmt(lo)} or more` : `${fmt(lo)}–${fmt(hi)}`;
    return { key: String(i), label, color };
  });
}

export function classOf(value: number, breaks: number[]): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]) i++;
  return i;
}

export interface MapDatum {
  /** Class key (see MapClass), or null for no data. */
  classKey: string | null;
  /** Native tooltip: "Kenya: 40.8% (2023)". */
  title: string;
  /** Whether the shape belongs to the selection (a region's members); others are drawn faint. */
  inSelection?: boolean;
}

export interface MapOptions {
  classes: MapClass[];
  /** Words for shapes without data (in the legend). */
  noDataLabel?: string;
  width?: number;
  /** Fit the projection to these shapes (a region's members); the whole world otherwise. */
  focus?: MapShape[];
  /** Legend heading, e.g. the unit. */
  legendLabel?: string;
}

/** A shape's fill and tooltip for the data joined to it (by M49 code). */
export function shapeStyle(data: Map<string, MapDatum>, classes: MapClass[]): { fill: (f: MapShape) => string; title: (f: MapShape) => string } {
  const colorOf = new Map(classes.map((c) => [c.key, c.color]));
  const datum = (f: MapShape) => (f.id !== undefined ? data.get(String(f.id)) : undefined);
  return {
    fill: (f) => {
      const d = datum(f);
      // Shapes that are no country of the data (Antarctica, Western Sahara, ...) and non-members are background.
      if (!d || d.inSelection === false) return OUTSIDE_COLOR;
      return d.classKey === null ? NO_DATA_COLOR : (colorOf.get(d.classKey) ?? NO_DATA_COLOR);
    },
    title: (f) => datum(f)?.title ?? m.cd_map_not_in_data({ name: f.properties?.name ?? m.cd_map_unnamed() })
  };
}

/** Plot options for the map itself; the legend comes from mapLegendSvg. */
export function choroplethSpec(shapes: MapShape[], data: Map<string, MapDatum>, options: MapOptions): Plot.PlotOptions {
  const { fill, title } = shapeStyle(data, options.classes);
  const width = options.width ?? 720;
  const focus = options.focus && options.focus.length ? { type: 'FeatureCollection' as const, features: options.focus } : null;
  return {
    width,
    height: focus ? Math.round(width * 0.62) : Math.round(width * 0.49),
    margin: 4,
    style: { background: 'transparent' },
    projection: focus ? { type: 'equal-earth', domain: focus, inset: 6 } : { type: 'equal-earth' },
    marks: [
      Plot.sphere({ fill: '#f4f8fc', stroke: '#c8d3df', ariaHidden: 'true' }),
      Plot.geo(shapes, {
        fill,
        stroke: '#b8c2cc',
        strokeWidth: 0.4,
        title,
        clip: 'frame',
        ariaHidden: 'true'
      })
    ]
  };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A one-row swatch legend as an SVG string (the same in the page and in the downloaded SVG). */
export function mapLegendSvg(options: MapOptions): { svg: string; height: number } {
  const items = [...options.classes.map((c) => ({ label: c.label, color: c.color })), { label: options.noDataLabel ?? 'no data', color: NO_DATA_COLOR }];
  const width = options.width ?? 720;
  const x0 = 6;
  let x = x0;
  let y = options.legendLabel ? 30 : 8;
  const parts: string[] = [];
  if (options.legendLabel) parts.push(`<text x="${x0}" y="16" font-size="12" font-weight="600">${escapeXml(options.legendLabel)}</text>`);
  for (const item of items) {
    const w = 18 + item.label.length * 6.6 + 16;
    if (x + w > width) {
      x = x0;
      y += 20;
    }
    parts.push(`<rect x="${x}" y="${y}" width="14" height="14" fill="${item.color}" stroke="#888" stroke-width="0.5"/>`);
    parts.push(`<text x="${x + 18}" y="${y + 11.5}" font-size="12">${escapeXml(item.label)}</text>`);
    x += w;
  }
  const height = y + 20;
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" fill="#1a1a1a" aria-hidden="true">${parts.join('')}</svg>`,
    height
  };
}
