import { error } from '@sveltejs/kit';
import { chartDefinition } from '$lib/server/chart-data';
import { safeBackPath } from '$lib/chart-links';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';

// /embed/<chart id>?params&from=<page>: one chart alone (for an iframe in slides or reports).
export const load: PageServerLoad = async ({ params, url }) => {
  const definition = chartDefinition(params.id);
  if (!definition) error(404, m.err_no_chart({ id: params.id }));
  const query = new URLSearchParams(url.searchParams);
  query.delete('from');
  const chart = await definition(query);
  if (!chart) error(404, m.err_no_chart_data({ id: params.id }));
  return { chart, back: safeBackPath(url.searchParams.get('from')) };
};
