import { apiGet, json, preflight } from '$lib/server/api/responses';
import { codeList, optionalString } from '$lib/server/api/params';
import { goalBody, parseGoal, requireGoal } from '$lib/server/api/mdg-body';
import { requireEconomies } from '$lib/server/api/queries';

export const GET = apiGet(async (query, { params }) => {
  // Parse everything first (400), then look codes up (404).
  const n = parseGoal(params.goal);
  const rawEconomies = optionalString(query, 'economy');
  const economies = rawEconomies === null ? null : codeList(rawEconomies, 'economy');
  await requireGoal(n);
  if (economies) await requireEconomies(economies);
  return json(await goalBody(n, economies));
});
export const OPTIONS = preflight;
