import { regionChart } from '$lib/server/chart-data/regions';
import { valueMapChart } from '$lib/server/chart-data/maps';
import {
  aggregateView,
  defaultIndicatorFor,
  headlineIndicators,
  membersLatest,
  regionByCode,
  regionMembership
} from '$lib/server/queries/regions';
import { estimateYears, isItuAggregate, worldOf } from '$lib/server/queries/itu-regions';
import type { ChartView } from '$lib/plot/types';
import { found, indicatorAndHorizon } from '$lib/server/page-params';
import type { PageServerLoad } from './$types';
import { indicatorMenu } from '$lib/server/indicator-menu';
import { m } from '$lib/paraglide/messages.js';
import { economyStatusHtml } from '$lib/server/economy-status-html';
import { getLocale } from '$lib/i18n/locale';
import { perBuildRender } from '$lib/server/page-splice';
import RegionMembersTable from '$lib/components/RegionMembersTable.svelte';

export const load: PageServerLoad = async ({ params, url }) => {
  const region = found(
    await regionByCode(params.code),
    m.err_no_region({ code: params.code })
  );
  const { indicator, horizon } = await indicatorAndHorizon(url, defaultIndicatorFor(region.code));
  const [headline, menu, membership] = await Promise.all([headlineIndicators(region.code), indicatorMenu(), regionMembership(region.code)]);
  const charted = headline.some((h) => h.code === indicator.code) ? headline : [indicator, ...headline];
  const chartFor = (code: string) =>
    regionChart(new URLSearchParams({ code: region.code, indicator: code, horizon: String(horizon) })) as Promise<ChartView>;
  const [statusHtml, charts, aggregate, members, memberMap] = await Promise.all([
    economyStatusHtml(region, horizon, headline),
    Promise.all(charted.map((i) => chartFor(i.code))),
    membership.computed ? aggregateView(indicator.code, membership.members, region.code) : Promise.resolve(null),
    membersLatest(membership.members, indicator.code),
    membership.members.length > 0 ? valueMapChart(new URLSearchParams({ indicator: indicator.code, region: region.code })) : Promise.resolve(null)
  ]);
  // The members' table (up to 217 rows) depends on the region, indicator and horizon only:
  // rendered once per build and language.
  const membersHtml =
    members.length > 0
      ? await perBuildRender('region-members', `${getLocale()}|${region.code}|${indicator.code}|${horizon}`, RegionMembersTable, () => ({
          members,
          regionName: region.name,
          indicator: { code: indicator.code, unit: indicator.unit },
          horizon
        }))
      : '';
  // The selected indicator's chart first.
  const order = charted.map((i) => i.code);
  const selectedChart = charts[order.indexOf(indicator.code)];
  return {
    region,
    publisher: isItuAggregate(region.code) ? "ITU's" : "the World Bank's",
    estimateYears: isItuAggregate(region.code) ? await estimateYears(region.code) : [],
    world: worldOf(region.code),
    indicator,
    horizon,
    indicatorMenu: menu,
    membership: { classification: membership.classification, label: membership.label, count: membership.members.length, computed: membership.computed },
    statusHtml,
    selectedChart,
    otherCharts: charts.filter((c) => c !== selectedChart),
    aggregate,
    memberCount: members.length,
    membersWithData: members.filter((member) => member.value !== null).length,
    membersHtml,
    memberMap
  };
};
