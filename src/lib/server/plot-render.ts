// Observable Plot rendered to an SVG string on the server with linkedom (about 6 ms a
// chart), so every chart reads without JavaScript. Plot's generated class names come
// from a global counter; they are stable within one render.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

export function renderPlot(options: Plot.PlotOptions): string {
  const node = Plot.plot({ ...options, document: document as unknown as Document });
  // With a legend or caption Plot returns a <figure>; keep only the SVG(s) and legend markup.
  const html = (node as unknown as { outerHTML: string }).outerHTML;
  return html;
}
