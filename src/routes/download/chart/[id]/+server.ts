import { error } from '@sveltejs/kit';
import { chartDefinition } from '$lib/server/chart-data';
import { toCsv } from '$lib/csv-format';
import { standaloneSvg } from '$lib/server/standalone-svg';
import { warehouseVersion } from '$lib/server/warehouse';
import type { RequestHandler } from './$types';

// /download/chart/<id>.csv?params: the rows a chart draws, as CSV.
// /download/chart/<id>.svg?params: the chart as one SVG file with its title, source and vintage inside.
export const GET: RequestHandler = async ({ params, url }) => {
  const match = /^(.+)\.(csv|svg)$/.exec(params.id);
  if (!match) error(404, `No download called ${params.id}: charts are offered as <id>.csv and <id>.svg`);
  const [, id, format] = match;
  const definition = chartDefinition(id);
  if (!definition) error(404, `No chart called ${id}`);
  const chart = await definition(url.searchParams);
  if (!chart) error(404, `No data for chart ${id} with these parameters`);
  const body =
    format === 'csv'
      ? toCsv(
          chart.columns.map((c) => c.key),
          chart.rows
        )
      : standaloneSvg(chart, url.origin);
  return new Response(body, {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'image/svg+xml; charset=utf-8',
      'content-disposition': `attachment; filename="${chart.id}.${format}"`,
      'cache-control': 'public, max-age=300',
      etag: `"${warehouseVersion()}-${id}.${format}-${url.search}"`,
      'access-control-allow-origin': '*'
    }
  });
};
