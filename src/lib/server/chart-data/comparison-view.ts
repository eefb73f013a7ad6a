// The chart view of one economy's series against the world and the indicator's goal: the country
// and region charts differ in what they draw and tabulate, not in how the view is put together.
import { comparisonChartSpec, comparisonSummary, type ComparisonSeries } from '$lib/plot/comparison';
import type { ChartColumn, ChartRow, ChartView } from '$lib/plot/types';
import { formatIndicatorValue, shortIndicatorName } from '$lib/plot/units';
import { m } from '$lib/paraglide/messages.js';
import { plotOnce } from '../chart-store';
import { chartCsvHref } from './registry';

export interface ComparisonViewInput {
  chart: string;
  indicator: { code: string; name: string; unit: string };
  /** Who the title names, e.g. "Kenya, Sub-Saharan Africa and the world" (in the request's language). */
  titleSubjects: string;
  /** Who the summary names. */
  subjectName: string;
  subject: { year: number; value: number }[];
  /** The world the summary compares with; null on the world's own page. */
  world: { year: number; value: number }[] | null;
  goal: number | null;
  horizon: number;
  drawn: ComparisonSeries[];
  columns: ChartColumn[];
  rows: ChartRow[];
  csvParams: Record<string, string | number | null | undefined>;
  source: string;
}

export function comparisonView(v: ComparisonViewInput): ChartView {
  const format = (x: number) => formatIndicatorValue(x, v.indicator.unit);
  const name = shortIndicatorName(v.indicator.name);
  return {
    id: `${v.chart}-${v.indicator.code.replace(/\W+/g, '-')}`,
    title: v.goal != null ? m.cd_cmp_title_goal({ indicator: name, subjects: v.titleSubjects, goal: format(v.goal) }) : m.cd_cmp_title({ indicator: name, subjects: v.titleSubjects }),
    summary: comparisonSummary({
      indicatorName: name,
      subjectName: v.subjectName,
      subject: v.subject,
      reference: v.world ? { name: 'World', points: v.world } : null,
      goal: v.goal,
      format
    }),
    svg: plotOnce('comparison', comparisonChartSpec, [v.drawn, { yLabel: v.indicator.unit, goal: v.goal, horizon: v.horizon }]),
    columns: v.columns,
    rows: v.rows,
    csvHref: chartCsvHref(v.chart, v.csvParams),
    source: v.source
  };
}
