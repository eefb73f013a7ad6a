import { countsByActionLine, countsByCountry, filterOptions, filteredEntries } from '$lib/server/queries/stocktaking';
import { stocktakingFilterOrError } from '$lib/server/stocktaking-filter';
import { warningSummary } from '$lib/server/queries/stocktaking-warnings';
import { PAGE_SIZE } from '$lib/stocktaking/filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const { filter, page } = await stocktakingFilterOrError(url.searchParams);
  const [entries, byLine, byCountry, options, warnings] = await Promise.all([
    filteredEntries(filter, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    countsByActionLine(filter),
    countsByCountry(filter),
    filterOptions(),
    warningSummary(null)
  ]);
  return { filter, page, pageSize: PAGE_SIZE, entries, byLine, byCountry, options, warnings };
};
