// Observable Plot rendered to an SVG string on the server with linkedom (about 6 ms a
// chart), so every chart reads without JavaScript. Plot's generated class names come
// from a global counter; they are stable within one render.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/**
 * linkedom gives every node it creates (each element, attribute and text node of a chart: a
 * country page's four charts are some 2,000) an empty Map of event listeners, kept in a
 * module-private WeakMap: about a third of a chart's CPU time went to those maps and the
 * garbage they leave. Charts drawn on the server never listen to events, so the maps are made
 * when first asked for instead. The WeakMap is found through the one call that reads it
 * (addEventListener); if linkedom changes and it is not found, nothing is changed.
 * Returns whether the change is in place (tested in plot-render.test.ts).
 */
export const lazyListenerMaps: boolean = (() => {
  const probe = document.createElement('span');
  const read = WeakMap.prototype.get;
  const write = WeakMap.prototype.set;
  let listeners: WeakMap<object, Map<unknown, unknown>> | null = null;
  WeakMap.prototype.get = function (this: WeakMap<object, unknown>, key: object) {
    if (key === probe) listeners = this as WeakMap<object, Map<unknown, unknown>>;
    return read.call(this, key);
  };
  try {
    probe.addEventListener('probe', () => undefined);
  } finally {
    WeakMap.prototype.get = read;
  }
  const found = listeners as WeakMap<object, Map<unknown, unknown>> | null;
  if (!found || !(read.call(found, probe) instanceof Map)) return false;
  Object.defineProperty(found, 'set', {
    value: (key: object, value: Map<unknown, unknown>) => (value instanceof Map && value.size === 0 ? found : write.call(found, key, value))
  });
  Object.defineProperty(found, 'get', {
    value: (key: object) => {
      let map = read.call(found, key) as Map<unknown, unknown> | undefined;
      if (!map) write.call(found, key, (map = new Map()));
      return map;
    }
  });
  return true;
})();

export interface RenderOptions {
  /** Decimals kept in path data (maps keep whole pixels: map-template.ts MAP_PATH_DIGITS). */
  pathDigits?: number;
}

export function renderPlot(options: Plot.PlotOptions, render: RenderOptions = {}): string {
  const node = Plot.plot({ ...options, document: document as unknown as Document });
  let html = (node as unknown as { outerHTML: string }).outerHTML;
  if (render.pathDigits !== undefined) html = roundPathData(html, render.pathDigits);
  // Plot labels some groups (axes) with aria-label on a <g>, which axe reports as a prohibited
  // attribute; hide them from assistive technology: the Chart wrapper names the chart and its
  // data table carries the values.
  return latin1Text(
    html.replace(/<g ([^>]*?)aria-label="[^"]*"([^>]*)>/g, (m, a: string, b: string) => (m.includes('aria-hidden') ? m : `<g ${a}aria-hidden="true"${b}>`))
  );
}

/**
 * `markup` with every character beyond Latin-1 written as a character reference (↑ -> &#8593;),
 * outside <style> elements (whose text is not decoded): the same document for a browser. V8 keeps
 * a string with one such character (Plot's axis arrow, an en dash) at two bytes a character, and
 * almost every chart had one: the warm-up's charts and the fragments keyed by them are kept at
 * one byte a character instead, half the heap they took.
 */
export function latin1Text(markup: string): string {
  if (isLatin1(markup)) return markup;
  const written = markup
    .split(/(<style[\s\S]*?<\/style>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[^\u0000-\u00ff]/gu, (c) => `&#${c.codePointAt(0)};`)))
    .join('');
  // Pieces cut from a two-byte string stay two-byte in V8 whatever they hold: decoded from
  // Latin-1 bytes, the string is one-byte. (A <style> with such a character stays as it is.)
  return isLatin1(written) ? Buffer.from(written, 'latin1').toString('latin1') : written;
}

/** Every character of `text` is Latin-1 (U+0000-U+00FF), the strings V8 can keep at one byte a character. */
export function isLatin1(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[^\u0000-\u00ff]/.test(text);
}

/** Rounds the numbers inside d="..." attributes; the shapes are not simplified. */
export function roundPathData(svg: string, digits: number): string {
  const f = 10 ** digits;
  return svg.replace(/ d="([^"]*)"/g, (_, d: string) => ` d="${d.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * f) / f))}"`);
}
