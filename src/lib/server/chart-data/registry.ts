// A chart definition: a function from URL parameters to a ChartView. Pages call it to draw;
// /download/chart/<id>.csv calls the same function, so the CSV holds exactly the data drawn.
// The map from ids to definitions is static (index.ts), so no chart depends on import order.
import type { ChartView } from '$lib/plot/types';

export type ChartDefinition = (params: URLSearchParams) => Promise<ChartView | null>;

/** The download link for a chart: its id plus the parameters that select its data. */
export function chartCsvHref(id: string, params: Record<string, string | number | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') qs.set(k, String(v));
  const q = qs.toString();
  return `/download/chart/${encodeURIComponent(id)}.csv${q ? `?${q}` : ''}`;
}
