// An economy's series compared with others (its region, the world, a computed aggregate)
// against a goal line: the Plot spec and the one-sentence summary, both from the data.
import * as Plot from '@observablehq/plot';
import { formatPlain } from '$lib/format';
import { frame } from './frame';
import { getLocale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages.js';

export interface ComparisonPoint {
  series: string;
  year: number;
  value: number;
}

export interface ComparisonSeries {
  /** Label drawn at the end of the line and in the legend. */
  label: string;
  /** Drawn dashed (a computed aggregate, as opposed to a published series). */
  dashed?: boolean;
  /** Drawn thicker: the subject of the page. */
  emphasis?: boolean;
  points: { year: number; value: number }[];
}

export interface ComparisonOptions {
  yLabel: string;
  goal?: number | null;
  horizon?: number | null;
  width?: number;
  height?: number;
}

const COLOURS = ['#1f4e8c', '#c0392b', '#6b6b6b', '#1b7f3b', '#8e44ad'];

// Native SVG tooltips: hovering a point shows its value, with or without JavaScript.
const pointTitle = (d: ComparisonPoint) => `${d.series}, ${d.year}: ${formatPlain(+d.value.toFixed(2))}`;

export function comparisonChartSpec(series: ComparisonSeries[], options: ComparisonOptions): Plot.PlotOptions {
  if (series.length === 0) throw new Error('invalid comparison: no series');
  const labels = series.map((s) => s.label);
  if (new Set(labels).size !== labels.length) throw new Error(`invalid comparison: duplicate labels ${labels.join(', ')}`);
  const marks: Plot.Markish[] = [Plot.ruleY([0], { ariaHidden: 'true' })];
  series.forEach((s, i) => {
    const data: ComparisonPoint[] = s.points.map((p) => ({ series: s.label, year: p.year, value: p.value }));
    const stroke = COLOURS[i % COLOURS.length];
    marks.push(
      Plot.lineY(data, { x: 'year', y: 'value', stroke, strokeWidth: s.emphasis ? 2.6 : 1.6, strokeDasharray: s.dashed ? '5,3' : undefined, ariaHidden: 'true' }),
      Plot.dot(data, { x: 'year', y: 'value', fill: stroke, r: s.emphasis ? 2.2 : 1.6, title: pointTitle, ariaHidden: 'true' }),
      Plot.text(data, Plot.selectLast({ x: 'year', y: 'value', text: 'series', fill: stroke, dx: 5, dy: s.dashed ? 11 : 0, textAnchor: 'start', fontSize: 11, ariaHidden: 'true' }))
    );
  });
  if (options.goal != null) {
    marks.push(
      Plot.ruleY([options.goal], { stroke: '#b00020', strokeDasharray: '4,3', ariaHidden: 'true' }),
      Plot.text([options.goal], { y: (d: number) => d, frameAnchor: 'left', dx: 4, dy: -7, text: (d: number) => m.chart_goal_label({ value: formatPlain(d) }), fill: '#b00020', fontSize: 11, ariaHidden: 'true' })
    );
  }
  if (options.horizon != null) {
    marks.push(
      Plot.ruleX([options.horizon], { stroke: '#555', strokeDasharray: '2,3', ariaHidden: 'true' }),
      Plot.text([options.horizon], { x: (d: number) => d, frameAnchor: 'top', dy: 6, dx: 3, textAnchor: 'start', text: (d: number) => `${d}`, fill: '#555', fontSize: 11, ariaHidden: 'true' })
    );
  }
  return {
    ...frame(options, 300),
    marginRight: 150,
    marginLeft: 50,
    x: { label: null, tickFormat: 'd' },
    y: { label: options.yLabel, grid: true, zero: true },
    marks
  };
}

/** "rose from 2.1 in 2005 to 35.7 in 2025" for a series, in the request's language; null if it has no point. */
export function describeChange(points: { year: number; value: number }[], format: (v: number) => string): string | null {
  if (points.length === 0) return null;
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (sorted.length === 1) return m.cd_change_only({ value: format(last.value), year: last.year });
  if (last.value === first.value) return m.cd_change_stayed({ value: format(last.value), from: first.year, to: last.year });
  const change = { first: format(first.value), firstYear: first.year, last: format(last.value), lastYear: last.year };
  return last.value > first.value ? m.cd_change_rose(change) : m.cd_change_fell(change);
}

export interface SummaryInput {
  indicatorName: string;
  subjectName: string;
  subject: { year: number; value: number }[];
  /** The reference series (the world) to compare the latest value with. */
  reference?: { name: string; points: { year: number; value: number }[] } | null;
  goal?: number | null;
  format: (v: number) => string;
}

/**
 * One sentence from the data, e.g. "Individuals using the Internet in Sub-Saharan Africa rose
 * from 2.1% in 2005 to 35.7% in 2025, below the World's 73.6% in 2025."
 */
export function comparisonSummary(input: SummaryInput): string {
  const change = describeChange(input.subject, input.format);
  // An English sentence lower-cases the name inside it; other languages quote it as published.
  if (change === null) return m.cd_cmp_no_data({ indicator: getLocale() === 'en' ? lowerFirst(input.indicatorName) : input.indicatorName, subject: input.subjectName });
  const latest = [...input.subject].sort((a, b) => b.year - a.year)[0];
  let sentence: string = m.cd_cmp_change({ indicator: input.indicatorName, subject: input.subjectName, change });
  const ref = input.reference?.points.find((p) => p.year === latest.year);
  if (input.reference && ref) {
    const value = input.format(ref.value);
    sentence += latest.value > ref.value ? m.cd_cmp_above_world({ value }) : latest.value < ref.value ? m.cd_cmp_below_world({ value }) : m.cd_cmp_level_world({ value });
  }
  if (input.goal != null) {
    const goal = input.format(input.goal);
    sentence += latest.value >= input.goal ? m.cd_cmp_goal_met({ goal }) : m.cd_cmp_goal_is({ goal });
  }
  return `${sentence}.`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}


export { shortIndicatorName, unitKind, type UnitKind } from './units';
