// Every chart the dashboard draws is defined once here, by id: a function from URL
// parameters to a ChartView. Pages call it to draw; /download/chart/<id>.csv calls the same
// function, so the CSV holds exactly the data drawn.
import type { ChartView } from '$lib/charts/types';

export type ChartDefinition = (params: URLSearchParams) => Promise<ChartView | null>;

const definitions = new Map<string, ChartDefinition>();

export function defineChart(id: string, definition: ChartDefinition): ChartDefinition {
  // A module re-evaluated by the dev server's hot reload redefines its charts: replace them.
  // In a build, two modules claiming one id is a bug.
  if (definitions.has(id) && !import.meta.env?.DEV) throw new Error(`chart defined twice: ${id}`);
  definitions.set(id, definition);
  return definition;
}

export function chartDefinition(id: string): ChartDefinition | undefined {
  return definitions.get(id);
}

/** The download link for a chart: its id plus the parameters that select its data. */
export function chartCsvHref(id: string, params: Record<string, string | number | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') qs.set(k, String(v));
  const q = qs.toString();
  return `/download/chart/${encodeURIComponent(id)}.csv${q ? `?${q}` : ''}`;
}
