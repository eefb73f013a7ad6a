import type { ChartView } from '$lib/plot/types';
import { countryChart } from '$lib/server/chart-data/countries';
import { countryByCode, revisions, stocktakingFor } from '$lib/server/queries/countries';
import {
  DEFAULT_INDICATOR,
  headlineIndicators,
  servedFrom
} from '$lib/server/queries/regions';
import { found, indicatorAndHorizon } from '$lib/server/page-params';
import type { PageServerLoad } from './$types';
import { indicatorMenu } from '$lib/server/indicator-menu';
import { m } from '$lib/paraglide/messages.js';
import { economyStatusHtml } from '$lib/server/economy-status-html';

export const load: PageServerLoad = async ({ params, url }) => {
  const country = found(
    await countryByCode(params.iso3),
    m.err_no_country({ code: params.iso3 })
  );
  const { indicator, horizon } = await indicatorAndHorizon(url, DEFAULT_INDICATOR);

  const [headline, menu] = await Promise.all([headlineIndicators(), indicatorMenu()]);
  const charted = headline.some((h) => h.code === indicator.code) ? headline : [indicator, ...headline];
  const [statusHtml, charts, revs, served, stocktaking] = await Promise.all([
    economyStatusHtml(country, horizon, headline),
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
    indicatorMenu: menu,
    statusHtml,
    selectedChart,
    otherCharts: charts.filter((c) => c !== selectedChart),
    revisions: revs,
    served,
    stocktaking
  };
};
