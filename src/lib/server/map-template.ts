// A choropleth drawn from a template: projecting the 177 country shapes and writing their paths
// (d3-geo through Plot and linkedom) cost about 25 ms a map on every first visit of a region or
// target page, yet the geometry only depends on the shapes and the focus (a region's members).
// So each (focus, width) is rendered once per process with a placeholder colour and tooltip per
// shape, and a map is that text with each shape's own fill and tooltip put in: the same SVG the
// direct render gives (map-template.test.ts compares them), Plot's clip id made unique per map.
import { choroplethSpec, type MapClass, type MapDatum, type MapOptions, type MapShape, shapeStyle } from '$lib/plot/map';
import { getLocale } from '$lib/i18n/locale';
import { renderPlot } from './plot-render';

/**
 * Decimals kept in a map's path data. Maps are drawn 720 px wide from the 1:110m atlas, whose
 * outlines are coarser than a pixel anyway: whole pixels (at most half a pixel off) look the
 * same and make the world map's SVG 42 -> 26 KB gzipped (one decimal: 130 -> 93 KB raw), which
 * is most of what a region or target page with a map sends.
 */
export const MAP_PATH_DIGITS = 0;

interface Template {
  svg: string;
  /** The shape each placeholder stands for, by placeholder number. */
  shapes: MapShape[];
}

/** Focus sets drawn at once are the world plus the regions with pages (a few dozen); bounded anyway. */
const MAX_TEMPLATES = 48;
const templates = new Map<string, Template>();
let clipIds = 0;

const placeholderColor = (i: number) => `#ab${i.toString(16).padStart(4, '0')}`;
const PLACEHOLDER_FILL = /fill="#ab([0-9a-f]{4})"/g;
const PLACEHOLDER_TITLE = /<title>\u0001(\d+)\u0001<\/title>/g;

/** Text as linkedom writes a text node (the direct render's escaping). */
function escapeText(s: string): string {
  return s.replace(/[<>&\xA0]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '\xA0': '&#160;' })[c]!);
}

function template(shapes: MapShape[], options: MapOptions): Template {
  // The language too: the tooltips of shapes without an id ("Kosovo: not in the data") are written into the template.
  const key = `${getLocale()}\u0000${options.width ?? 720}\u0000${options.focus ? options.focus.map((f) => f.id ?? '?').join(',') : 'world'}`;
  const hit = templates.get(key);
  if (hit) {
    templates.delete(key);
    templates.set(key, hit);
    return hit;
  }
  // One placeholder class and tooltip per shape with an id; shapes without one are the same on every map.
  const data = new Map<string, MapDatum>();
  const classes: MapClass[] = [];
  const byPlaceholder: MapShape[] = [];
  for (const f of shapes) {
    if (f.id === undefined || data.has(String(f.id))) continue;
    const i = byPlaceholder.push(f) - 1;
    classes.push({ key: `p${i}`, label: '', color: placeholderColor(i) });
    data.set(String(f.id), { classKey: `p${i}`, title: `\u0001${i}\u0001` });
  }
  const t = { svg: renderPlot(choroplethSpec(shapes, data, { ...options, classes }), { pathDigits: MAP_PATH_DIGITS }), shapes: byPlaceholder };
  templates.set(key, t);
  for (const k of templates.keys()) {
    if (templates.size <= MAX_TEMPLATES) break;
    templates.delete(k);
  }
  return t;
}

/** The map's SVG (without its legend), as renderPlot(choroplethSpec(...), { pathDigits: MAP_PATH_DIGITS }) draws it. */
export function renderChoropleth(shapes: MapShape[], data: Map<string, MapDatum>, options: MapOptions): string {
  const t = template(shapes, options);
  const style = shapeStyle(data, options.classes);
  const clip = `plot-clip-m${++clipIds}`;
  return t.svg
    .replace(PLACEHOLDER_FILL, (_, hex: string) => `fill="${style.fill(t.shapes[parseInt(hex, 16)])}"`)
    .replace(PLACEHOLDER_TITLE, (_, i: string) => `<title>${escapeText(style.title(t.shapes[Number(i)]))}</title>`)
    .replace(/plot-clip-\d+/g, clip);
}
