// A chart definition: a function from URL parameters to a ChartView. Pages call it to draw;
// /download/chart/<id>.csv calls the same function, so the CSV holds exactly the data drawn.
// The map from ids to definitions is static (index.ts), so no chart depends on import order.
import type { ChartView } from '$lib/plot/types';
import { chartTableHtml } from '$lib/chart-table';
import { getLocale } from '$lib/i18n/locale';
import { budgetFromEnv, estimateBytes } from '../byte-budget';
import { BuildMemo } from '../build-memo';
import { fragments } from '../page-splice';

export type ChartDefinition = (params: URLSearchParams) => Promise<ChartView | null>;

/**
 * Chart views computed once per build, language and parameters, in a memo of their own
 * (`WSIS_CHART_VIEW_CACHE_MB`, default 192, on /healthz; the warm-up keeps 148 MB on the mirror) so they never crowd out the shared
 * per-build values. A view depends on nothing else (the warehouse never changes under a build),
 * so the warm-up's views serve first visits: the series lookups, the rows, the chart store's key
 * (a hash of the whole input) are done once. A view is shared by every request: never change one.
 */
export const chartViews = new BuildMemo(budgetFromEnv('WSIS_CHART_VIEW_CACHE_MB', 192));

/** Parameters in a stable order (by name; the values of one name keep theirs, as getAll reads them). */
function paramsKey(params: URLSearchParams): string {
  return new URLSearchParams([...params].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))).toString();
}

/**
 * A view's bytes without its SVG: that string is the chart store's (chart-store.ts), counted
 * against its own budget; counting it twice made the warm-up's late views push out its first,
 * most visited ones. Its data table (chart-table.ts, kept beside the view) is about the size of
 * its rows again.
 */
const viewBytes = (view: ChartView | null) => (view ? 2 * estimateBytes({ ...view, svg: '' }) : 0);

export function oncePerBuild(name: string, definition: ChartDefinition): ChartDefinition {
  return (params) =>
    chartViews.get(
      'chart-view',
      `${name}\u0000${getLocale()}\u0000${paramsKey(params)}`,
      async () => {
        const view = await definition(params);
        // Its data table too, while the warm-up computes it, not at the first visit's render; both
        // encoded and compressed once for the responses that splice them in (page-splice.ts).
        if (view) {
          fragments.prepare(view.svg);
          fragments.prepare(chartTableHtml(view));
        }
        return view;
      },
      viewBytes
    );
}

/** The download link for a chart: its id plus the parameters that select its data. */
export function chartCsvHref(id: string, params: Record<string, string | number | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') qs.set(k, String(v));
  const q = qs.toString();
  return `/download/chart/${encodeURIComponent(id)}.csv${q ? `?${q}` : ''}`;
}
