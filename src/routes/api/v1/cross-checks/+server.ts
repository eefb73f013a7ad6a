// GET /api/v1/cross-checks[?indicator=ITU_INET]: the world series ITU and the World Bank both
// publish, year by year with the difference. Parse first (400), then look the code up (404).
import { apiGet, json, preflight } from '$lib/server/api/responses';
import { code, optionalString } from '$lib/server/api/params';
import { notFound } from '$lib/server/api/errors';
import { CROSS_CHECK_PAIRS, crossCheck, pairOf } from '$lib/server/queries/cross-checks';

export const GET = apiGet(async (params) => {
  const raw = optionalString(params, 'indicator');
  const wanted = raw === null ? null : code(raw, 'indicator');
  const pairs = wanted === null ? CROSS_CHECK_PAIRS : [pairOf(wanted)].filter((p) => p !== null);
  if (pairs.length === 0) {
    throw notFound(`No cross-check for indicator ${wanted}: one of ${CROSS_CHECK_PAIRS.flatMap((p) => [p.itu, p.worldBank]).join(', ')}.`);
  }
  const checks = (await Promise.all(pairs.map(crossCheck))).filter((c) => c !== null);
  return json({ data: checks });
});
export const OPTIONS = preflight;
