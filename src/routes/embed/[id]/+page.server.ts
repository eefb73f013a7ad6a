import { error } from '@sveltejs/kit';
import { chartDefinition } from '$lib/server/chart-data';
import { safeBackPath } from '$lib/chart-links';
import type { PageServerLoad } from './$types';

// /embed/<chart id>?params&from=<page>: one chart alone (for an iframe in slides or reports).
export const load: PageServerLoad = async ({ params, url }) => {
  const definition = chartDefinition(params.id);
  if (!definition) error(404, `No chart called ${params.id}`);
  const query = new URLSearchParams(url.searchParams);
  query.delete('from');
  const chart = await definition(query);
  if (!chart) error(404, `No data for chart ${params.id} with these parameters`);
  return { chart, back: safeBackPath(url.searchParams.get('from')) };
};
