// The maps a page section shows for one indicator, from the page's URL parameters.
import type { ChartView } from '$lib/plot/types';
import { countryYears } from '../queries/maps';
import { parseMapYear, statusMapChart, valueMapChart } from './maps';

export interface IndicatorMapViews {
  valueMap: ChartView | null;
  statusMap: ChartView | null;
  years: number[];
  year: number | null;
}

/** Null when ?mapyear= names a year without country values (the page answers 400). */
export async function indicatorMaps(indicator: string, rawYear: string | null, horizon: number | null): Promise<IndicatorMapViews | null> {
  const year = await parseMapYear(indicator, rawYear);
  if (year === undefined) return null;
  const p = (o: Record<string, string | number | null>) => {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(o)) if (v !== null) s.set(k, String(v));
    return s;
  };
  const [valueMap, statusMap, years] = await Promise.all([
    valueMapChart(p({ indicator, year })),
    horizon !== null ? statusMapChart(p({ indicator, horizon })) : Promise.resolve(null),
    countryYears(indicator)
  ]);
  return { valueMap, statusMap, years, year };
}
