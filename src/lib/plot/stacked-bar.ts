// Horizontal bars of counts or shares by category, optionally stacked by a second key
// (e.g. stocktaking entries by stakeholder type, stacked by start year). Pure: data and
// options in, Plot options out; rendered to SVG on the server.
import * as Plot from '@observablehq/plot';
import { PLOT_STYLE } from './frame';

export interface StackedBarDatum {
  /** Category on the y axis (e.g. "Governments"). */
  label: string;
  value: number;
  /** Stack key (e.g. a start year or "not stated"); omit for plain bars. */
  stack?: string;
}

export interface StackedBarOptions {
  /** Axis label that states the measure (e.g. "Badges received at ITU (count)"). */
  xLabel: string;
  /** Suffix written after each bar's total ("%" for shares); default none. */
  valueSuffix?: string;
  /** Category drawn at full strength while the others are faded (a selected filter value). */
  highlight?: string | null;
  /** Order of the stack keys (legend and colours); default: order of first appearance. */
  stackOrder?: string[];
  width?: number;
}

const BAR = '#1f4e8c';
/** Colour-blind-safe palette (Okabe-Ito, without yellow). */
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#7f7f7f'];

export interface BarTotal {
  label: string;
  total: number;
}

/** Totals by category, largest first (ties keep input order). */
export function barTotals(data: StackedBarDatum[]): BarTotal[] {
  const totals = new Map<string, number>();
  for (const d of data) {
    if (!Number.isFinite(d.value) || d.value < 0) throw new Error(`invalid bar value for ${d.label}: ${d.value}`);
    totals.set(d.label, (totals.get(d.label) ?? 0) + d.value);
  }
  return [...totals].map(([label, total]) => ({ label, total })).sort((a, b) => b.total - a.total);
}

export function stackKeys(data: StackedBarDatum[], order?: string[]): string[] {
  const seen = [...new Set(data.map((d) => d.stack).filter((s): s is string => s != null))];
  if (!order) return seen;
  return [...order.filter((k) => seen.includes(k)), ...seen.filter((k) => !order.includes(k))];
}

export function stackedBarSpec(data: StackedBarDatum[], options: StackedBarOptions): Plot.PlotOptions {
  const totals = barTotals(data);
  const keys = stackKeys(data, options.stackOrder);
  const stacked = keys.length > 0;
  const highlight = options.highlight ?? null;
  if (highlight !== null && !totals.some((t) => t.label === highlight)) throw new Error(`invalid highlight: ${highlight}`);
  const opacity = (d: { label: string }) => (highlight === null || d.label === highlight ? 1 : 0.35);
  const suffix = options.valueSuffix ?? '';
  const totalsText = (fontWeight: string | undefined, fill: string, filter: (d: BarTotal) => boolean) =>
    Plot.text(totals, { x: 'total', y: 'label', text: (d: BarTotal) => `${d.total}${suffix}`, dx: 4, textAnchor: 'start', fill, fontWeight, filter, ariaHidden: 'true' });
  const marks: Plot.Markish[] = [
    Plot.barX(data, {
      x: 'value',
      y: 'label',
      fill: stacked ? (d: StackedBarDatum) => d.stack ?? '' : BAR,
      fillOpacity: opacity,
      title: (d: StackedBarDatum) => `${d.label}${d.stack ? `, ${d.stack}` : ''}: ${d.value}${suffix}`,
      ariaHidden: 'true'
    }),
    Plot.ruleX([0], { ariaHidden: 'true' }),
    // The highlighted bar's total in bold, the others' in grey: two marks, one filter each.
    totalsText(highlight === null ? 'normal' : 'bold', '#1a1a1a', (d) => highlight === null || d.label === highlight),
    totalsText(undefined, '#555', (d) => highlight !== null && d.label !== highlight)
  ];
  const max = Math.max(1, ...totals.map((t) => t.total));
  return {
    width: options.width ?? 720,
    height: Math.max(100, 28 * totals.length + 50),
    marginLeft: 190,
    marginRight: 50,
    marginBottom: 44,
    style: PLOT_STYLE,
    x: { label: options.xLabel, labelAnchor: 'center', labelOffset: 38, grid: true, domain: [0, max], nice: true, ticks: Math.min(Math.ceil(max), 8), tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : '') },
    y: { label: null, domain: totals.map((t) => t.label) },
    ...(stacked ? { color: { domain: keys, range: PALETTE.slice(0, Math.max(keys.length, 1)), legend: true } } : {}),
    marks
  };
}
