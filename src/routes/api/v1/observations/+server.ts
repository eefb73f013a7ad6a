import { apiGet, csv, json, page, preflight } from '$lib/server/api/responses';
import { code, codeList, disaggregationParam, format, optionalString, paging, requiredString, vintageMode, yearRange } from '$lib/server/api/params';
import { OBSERVATION_COLUMNS, observations, requireEconomies, requireIndicator } from '$lib/server/api/queries';

export const GET = apiGet(async (params) => {
  // Validate everything first (400), then look codes up (404).
  const indicatorCode = code(requiredString(params, 'indicator'), 'indicator');
  const economyParam = optionalString(params, 'economy');
  const economyCodes = economyParam === null ? null : codeList(economyParam, 'economy');
  const { from, to } = yearRange(params);
  const vintage = vintageMode(params);
  const disaggregation = disaggregationParam(params);
  const fmt = format(params);
  const p = paging(params);
  const indicator = await requireIndicator(indicatorCode);
  const economies = economyCodes === null ? null : await requireEconomies(economyCodes);
  const { total, rows } = await observations({ indicator, economies, from, to, vintage, disaggregation }, p);
  if (fmt === 'csv') return csv([...OBSERVATION_COLUMNS], rows, total, `observations-${indicator}.csv`);
  return json(page(rows, total, p));
});
export const OPTIONS = preflight;
