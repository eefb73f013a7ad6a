// The status table of a country or region page (EconomyStatusTable.svelte): the same section on
// both, rendered once per build, language, economy and horizon.
import { getLocale } from '$lib/i18n/locale';
import EconomyStatusTable from '$lib/components/EconomyStatusTable.svelte';
import { perBuildRender } from './page-splice';
import { indicatorStatuses, type IndicatorInfo } from './queries/regions';

/** The table's HTML for `economy` at `horizon`, over the headline indicators `headline`. */
export function economyStatusHtml(economy: { code: string; name: string }, horizon: number, headline: IndicatorInfo[]): Promise<string> {
  return perBuildRender('economy-status', `${getLocale()}|${economy.code}|${horizon}`, EconomyStatusTable, async () => ({
    rows: await indicatorStatuses(economy.code, horizon, headline),
    horizon,
    economy: economy.name
  }));
}
