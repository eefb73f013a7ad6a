// Observable Plot rendered to an SVG string on the server with linkedom (about 6 ms a
// chart), so every chart reads without JavaScript. Plot's generated class names come
// from a global counter; they are stable within one render.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

export interface RenderOptions {
  /** Decimals kept in path data (maps: 1 is a tenth of a pixel, and cuts the SVG by a third). */
  pathDigits?: number;
}

export function renderPlot(options: Plot.PlotOptions, render: RenderOptions = {}): string {
  const node = Plot.plot({ ...options, document: document as unknown as Document });
  let html = (node as unknown as { outerHTML: string }).outerHTML;
  if (render.pathDigits !== undefined) html = roundPathData(html, render.pathDigits);
  // Plot labels some groups (axes) with aria-label on a <g>, which axe reports as a prohibited
  // attribute; hide them from assistive technology: the Chart wrapper names the chart and its
  // data table carries the values.
  return html.replace(/<g ([^>]*?)aria-label="[^"]*"([^>]*)>/g, (m, a: string, b: string) =>
    m.includes('aria-hidden') ? m : `<g ${a}aria-hidden="true"${b}>`
  );
}

/** Rounds the numbers inside d="..." attributes; the shapes are not simplified. */
export function roundPathData(svg: string, digits: number): string {
  const f = 10 ** digits;
  return svg.replace(/ d="([^"]*)"/g, (_, d: string) => ` d="${d.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * f) / f))}"`);
}
