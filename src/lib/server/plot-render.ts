// Observable Plot rendered to an SVG string on the server with linkedom (about 6 ms a
// chart), so every chart reads without JavaScript. Plot's generated class names come
// from a global counter; they are stable within one render.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

export function renderPlot(options: Plot.PlotOptions): string {
  const node = Plot.plot({ ...options, document: document as unknown as Document });
  const html = (node as unknown as { outerHTML: string }).outerHTML;
  // Plot labels some groups (axes) with aria-label on a <g>, which axe reports as a prohibited
  // attribute; hide them from assistive technology: the Chart wrapper names the chart and its
  // data table carries the values.
  return html.replace(/<g ([^>]*?)aria-label="[^"]*"([^>]*)>/g, (m, a: string, b: string) =>
    m.includes('aria-hidden') ? m : `<g ${a}aria-hidden="true"${b}>`
  );
}
