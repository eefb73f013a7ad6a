import { apiGet, json, page, preflight } from '$lib/server/api/responses';
import { code, optionalString, paging } from '$lib/server/api/params';
import { participation, requireEvent } from '$lib/server/api/queries';

export const GET = apiGet(async (params) => {
  const e = optionalString(params, 'event');
  const eventCode = e === null ? null : code(e, 'event', { upper: false });
  const p = paging(params);
  const event = eventCode === null ? null : await requireEvent(eventCode);
  const { total, rows } = await participation(event, p);
  return json(page(rows, total, p));
});
export const OPTIONS = preflight;
