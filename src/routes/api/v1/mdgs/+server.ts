import { apiGet, json, page, preflight } from '$lib/server/api/responses';
import { paging } from '$lib/server/api/params';
import { frameworkBody } from '$lib/server/api/mdg-body';

export const GET = apiGet(async (params) => {
  const p = paging(params);
  const all = await frameworkBody();
  return json(page(all.slice(p.offset, p.offset + p.limit), all.length, p));
});
export const OPTIONS = preflight;
