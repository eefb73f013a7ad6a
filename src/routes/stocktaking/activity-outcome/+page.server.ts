import { error } from '@sveltejs/kit';
import { chartDefinition } from '$lib/server/chart-data';
import { ACTIVITY_OUTCOME_CHART } from '$lib/server/chart-data/stocktaking';
import { query } from '$lib/server/warehouse';
import type { PageServerLoad } from './$types';

const CODE = /^[A-Za-z0-9._-]{1,64}$/;

export const load: PageServerLoad = async ({ url }) => {
  const by = url.searchParams.get('by') || 'country';
  if (by !== 'country' && by !== 'action_line') error(400, `by: "${by.slice(0, 32)}" is country or action_line`);
  const params = new URLSearchParams({ by });
  for (const key of ['action_line', 'indicator']) {
    const v = url.searchParams.get(key)?.trim() || null;
    if (v === null) continue;
    if (!CODE.test(v)) error(400, `${key}: "${v.slice(0, 64)}" is not a code`);
    params.set(key, v);
  }
  const [lines, indicators] = await Promise.all([
    query<{ id: string; parent: string | null }>('SELECT id, parent FROM action_line ORDER BY sort_order'),
    query<{ code: string; name: string }>('SELECT code, name FROM indicator WHERE code IN (SELECT DISTINCT indicator FROM observation) ORDER BY name')
  ]);
  if (params.has('action_line') && !lines.some((l) => l.id === params.get('action_line'))) error(404, `No action line called ${params.get('action_line')}`);
  if (params.has('indicator') && !indicators.some((i) => i.code === params.get('indicator'))) error(404, `No indicator with data called ${params.get('indicator')}`);
  const chart = await chartDefinition(ACTIVITY_OUTCOME_CHART)!(params);
  return { by, actionLine: params.get('action_line'), indicator: params.get('indicator'), lines, indicators, chart };
};
