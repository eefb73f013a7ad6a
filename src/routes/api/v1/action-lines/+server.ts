import { apiGet, json, page, preflight } from '$lib/server/api/responses';
import { paging } from '$lib/server/api/params';
import { actionLines } from '$lib/server/api/queries';

export const GET = apiGet(async (params) => {
  const p = paging(params);
  const { total, rows } = await actionLines(p);
  return json(page(rows, total, p));
});
export const OPTIONS = preflight;
