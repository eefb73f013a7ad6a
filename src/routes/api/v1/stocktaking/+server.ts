import { apiGet, json, page, preflight } from '$lib/server/api/responses';
import { code, optionalString, paging } from '$lib/server/api/params';
import { requireActionLine, requireEconomies, requireStakeholderType, stocktaking } from '$lib/server/api/queries';

export const GET = apiGet(async (params) => {
  const al = optionalString(params, 'action_line');
  const st = optionalString(params, 'stakeholder_type');
  const c = optionalString(params, 'country');
  const alCode = al === null ? null : code(al, 'action_line', { upper: false });
  const stCode = st === null ? null : code(st, 'stakeholder_type', { upper: false });
  const country = c === null ? null : code(c, 'country');
  const p = paging(params);
  const filter = {
    actionLine: alCode === null ? null : await requireActionLine(alCode),
    stakeholderType: stCode === null ? null : await requireStakeholderType(stCode),
    country: country === null ? null : (await requireEconomies([country]))[0]
  };
  const { total, rows } = await stocktaking(filter, p);
  return json(page(rows, total, p));
});
export const OPTIONS = preflight;
