import { apiGet, json, preflight } from '$lib/server/api/responses';
import { code } from '$lib/server/api/params';
import { actionLine, requireActionLine } from '$lib/server/api/queries';

export const GET = apiGet(async (_query, { params }) => {
  const id = await requireActionLine(code(params.id, 'id', { upper: false }));
  return json(await actionLine(id));
});
export const OPTIONS = preflight;
