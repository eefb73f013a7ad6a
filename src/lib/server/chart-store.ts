// Charts drawn once per published build. A chart's SVG depends only on its kind (which spec
// function draws it) and the input that spec is given (its data, labels, goal, horizon): the
// warehouse never changes under a build, so the same input always draws the same SVG. Drawing
// with Plot through linkedom costs 5-10 ms of CPU a chart (and much garbage); a country page
// draws four. The store keeps each drawn SVG, keyed by kind and a hash of the input, bounded in
// bytes (`WSIS_CHART_CACHE_MB`, default 160: the warm-up draws 111 MB on the mirror, in three
// languages), least recently used out, shown on /healthz, and
// dropped when a new build is published. The warm-up (warmup.ts) fills it before visitors ask;
// a chart not yet drawn is drawn by the request that needs it, as before, and kept.
//
// Languages: a translated label reaches a chart as part of its input, and some specs in
// src/lib/plot also format for the request's locale themselves, so plotOnce keys every chart by
// the locale too; storedChart's callers pass `locale` when their drawing reads it.
import { createHash } from 'node:crypto';
import type * as Plot from '@observablehq/plot';
import { budgetFromEnv, ByteBudgetLru } from './byte-budget';
import { isLatin1, renderPlot, type RenderOptions } from './plot-render';
import { warehouseVersion } from './warehouse';
import { getLocale } from '$lib/i18n/locale';

export const CHART_CACHE_BYTES = budgetFromEnv('WSIS_CHART_CACHE_MB', 160);

const charts = new ByteBudgetLru<string>(CHART_CACHE_BYTES);
let version = '';
let draws = 0;
let hits = 0;

/** What the store holds (for /healthz and the tests); `draws` counts charts drawn since the process started. */
export function chartStoreStats(): { entries: number; bytes: number; budget: number; draws: number; hits: number } {
  return { entries: charts.size, bytes: charts.bytes, budget: charts.maxBytes, draws, hits };
}

/** JSON with the values JSON would blur kept apart (NaN, ±Infinity and null draw differently). */
function canonical(input: unknown): string {
  return JSON.stringify(input, (_, v) => {
    if (typeof v === 'number') return Number.isFinite(v) ? v : `\u0000${v}`;
    if (v === undefined) return '\u0000u';
    if (typeof v === 'function') throw new Error('a chart input holds a function: the store cannot key it');
    if (v instanceof Map) return ['\u0000Map', [...v]];
    if (v instanceof Set) return ['\u0000Set', [...v]];
    return v;
  });
}

/** The store's key for a chart: its kind, the locale when given, a SHA-1 of its input. */
export function chartKey(kind: string, input: unknown, locale?: string): string {
  const digest = createHash('sha1').update(canonical(input)).digest('base64');
  return `${kind}\u0000${locale ?? ''}\u0000${digest}`;
}

/** SVG text costs about a byte a character (Latin-1) or two (any other character). */
function svgBytes(svg: string): number {
  return isLatin1(svg) ? svg.length : svg.length * 2;
}

/** Checks the build being served; a new build empties the store. */
function sync(): void {
  let current: string;
  try {
    current = warehouseVersion();
  } catch {
    // No warehouse: nothing drawn now belongs to a build; draw without keeping.
    current = '';
  }
  if (current !== version) {
    charts.clear();
    version = current;
  }
}

/**
 * The chart `draw` gives for `input`, drawn once per build. `draw` must depend on nothing but
 * `kind` and `input` (and `locale`, if given): everything the spec reads goes into `input`.
 */
export function storedChart(kind: string, input: unknown, draw: () => string, options: { locale?: string } = {}): string {
  sync();
  const key = chartKey(kind, input, options.locale);
  const hit = charts.get(key);
  if (hit !== undefined) {
    hits++;
    return hit;
  }
  draws++;
  if (process.env.WSIS_CHART_LOG) console.log(`chart drawn: ${kind} ${options.locale ?? ''} ${key.slice(0, 160)}`);
  const svg = draw();
  if (version !== '') charts.set(key, svg, svgBytes(svg));
  return svg;
}

/**
 * `renderPlot(spec(...args), render)`, drawn once per build: the key is the spec's arguments and
 * the request's language, since some specs in $lib/plot format numbers and words for the locale
 * themselves (tooltips, coverage and comparison labels), so a chart of one language is never
 * served to another.
 */
export function plotOnce<A extends unknown[]>(kind: string, spec: (...args: A) => Plot.PlotOptions, args: A, render?: RenderOptions): string {
  return storedChart(kind, render ? [args, render] : args, () => renderPlot(spec(...args), render), { locale: getLocale() });
}

/** For tests: empty the store and its counters. */
export function resetChartStore(): void {
  charts.clear();
  version = '';
  draws = 0;
  hits = 0;
}
