import { error } from '@sveltejs/kit';
import { chartDefinition } from '$lib/server/chart-data';
import { toCsv } from '$lib/csv-format';
import { warehouseVersion } from '$lib/server/warehouse';
import type { RequestHandler } from './$types';

// /download/chart/<id>.csv?params: the rows a chart draws, as CSV.
export const GET: RequestHandler = async ({ params, url }) => {
  const id = params.id.replace(/\.csv$/, '');
  const definition = chartDefinition(id);
  if (!definition) error(404, `No chart called ${id}`);
  const chart = await definition(url.searchParams);
  if (!chart) error(404, `No data for chart ${id} with these parameters`);
  const csv = toCsv(
    chart.columns.map((c) => c.key),
    chart.rows
  );
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${id}.csv"`,
      'cache-control': 'public, max-age=300',
      etag: `"${warehouseVersion()}-${id}-${url.search}"`,
      'access-control-allow-origin': '*'
    }
  });
};
