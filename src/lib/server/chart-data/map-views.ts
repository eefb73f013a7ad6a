// The map a page section shows for one indicator, from the page's URL parameters: the value
// per country (?map=value, the default; ?mapyear= picks a year) or, for an indicator with a
// goal, the verdict per country (?map=status). One map per page load keeps long pages light
// on phones; the other is one link away.
import type { ChartView } from '$lib/plot/types';
import { countryYears } from '../queries/maps';
import { parseMapYear, statusMapChart, valueMapChart } from './maps';
import { m } from '$lib/paraglide/messages.js';

export type MapKind = 'value' | 'status';

export interface IndicatorMapView {
  kind: MapKind;
  chart: ChartView | null;
  /** Whether a status map exists (the indicator has a goal). */
  hasStatus: boolean;
  years: number[];
  year: number | null;
}

/** A string naming what is wrong (the page answers 400), or the view. */
export async function indicatorMap(indicator: string, params: URLSearchParams, horizon: number | null): Promise<IndicatorMapView | string> {
  const rawKind = params.get('map') ?? '';
  const kind: MapKind | null = rawKind === '' || rawKind === 'value' ? 'value' : rawKind === 'status' ? 'status' : null;
  if (kind === null) return m.err_unknown_map({ value: String(rawKind) });
  if (kind === 'status' && horizon === null) return 'This indicator has no goal, so it has no status map: choose map=value';
  const year = await parseMapYear(indicator, params.get('mapyear'));
  if (year === undefined) return m.err_unknown_map_year({ value: String(params.get('mapyear')) });
  const p = (o: Record<string, string | number | null>) => {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(o)) if (v !== null) s.set(k, String(v));
    return s;
  };
  const [chart, years] = await Promise.all([
    kind === 'status' ? statusMapChart(p({ indicator, horizon })) : valueMapChart(p({ indicator, year })),
    countryYears(indicator)
  ]);
  return { kind, chart, hasStatus: horizon !== null, years, year: kind === 'value' ? year : null };
}
