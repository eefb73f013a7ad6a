import { error } from '@sveltejs/kit';
import { horizonError, parseHorizon } from '$lib/horizons';
import type { ChartView } from '$lib/plot/types';
import { countryChart } from '$lib/server/chart-data/countries';
import { countryByCode, revisions, stocktakingFor } from '$lib/server/queries/countries';
import {
  DEFAULT_INDICATOR,
  headlineIndicators,
  indicatorByCode,
  indicators,
  indicatorStatuses,
  servedFrom
} from '$lib/server/queries/regions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
  const country = await countryByCode(params.iso3);
  if (!country) error(404, `No country with the ISO3 code ${params.iso3}: codes are three upper-case letters such as KEN.`);
  const indicatorParam = url.searchParams.get('indicator') ?? DEFAULT_INDICATOR;
  const indicator = await indicatorByCode(indicatorParam);
  if (!indicator) error(404, `No indicator ${indicatorParam}.`);
  const horizon = parseHorizon(url.searchParams.get('horizon'));
  if (horizon === null) error(400, horizonError(url.searchParams.get('horizon')));

  const [headline, all] = await Promise.all([headlineIndicators(), indicators()]);
  const charted = headline.some((h) => h.code === indicator.code) ? headline : [indicator, ...headline];
  const [statuses, charts, revs, served, stocktaking] = await Promise.all([
    indicatorStatuses(country.code, horizon, headline),
    Promise.all(
      charted.map((i) => countryChart(new URLSearchParams({ iso3: country.code, indicator: i.code, horizon: String(horizon) })) as Promise<ChartView>)
    ),
    revisions(indicator.code, country.code),
    servedFrom(indicator.code, country.code),
    stocktakingFor(country.code)
  ]);
  const selectedChart = charts[charted.findIndex((i) => i.code === indicator.code)];
  return {
    country,
    indicator,
    horizon,
    indicators: all.map((i) => ({ code: i.code, name: i.name })),
    statuses,
    selectedChart,
    otherCharts: charts.filter((c) => c !== selectedChart),
    revisions: revs,
    served,
    stocktaking
  };
};
