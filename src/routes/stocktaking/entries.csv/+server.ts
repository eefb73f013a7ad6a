// /stocktaking/entries.csv?<the page's filters>: every filtered entry (all pages), as CSV.
import { toCsv } from '$lib/csv-format';
import { filteredEntries } from '$lib/server/queries/stocktaking';
import { stocktakingFilterOrError } from '$lib/server/stocktaking-filter';
import { warehouseVersion } from '$lib/server/warehouse';
import type { RequestHandler } from './$types';

const COLUMNS = [
  'id', 'title', 'lead_organisation', 'stakeholder_type', 'stakeholder_type_rule', 'countries', 'action_lines',
  'status', 'start_year', 'reported_year', 'warnings', 'source', 'conversion_note'
];

export const GET: RequestHandler = async ({ url }) => {
  const { filter } = await stocktakingFilterOrError(url.searchParams);
  const { rows } = await filteredEntries(filter, null);
  return new Response(toCsv(COLUMNS, rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="wsis-stocktaking-entries.csv"',
      'cache-control': 'public, max-age=300',
      etag: `"${warehouseVersion()}-stocktaking-${url.search}"`
    }
  });
};
