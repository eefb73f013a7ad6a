import { apiGet, json, preflight } from '$lib/server/api/responses';
import { code, requiredString, year } from '$lib/server/api/params';
import { badRequest, notFound } from '$lib/server/api/errors';
import { assessTrend, DEFAULT_BASELINE_YEAR } from '$lib/progress';
import { DEFAULT_HORIZON } from '$lib/horizons';
import { requireEconomies, requireIndicator } from '$lib/server/api/queries';
import { assessSeries, indicatorDirection, indicatorGoals, series } from '$lib/server/queries/progress';
import { progressBody, trendBody } from '$lib/server/api/progress-body';

const MAX_HORIZON = 2100;

export const GET = apiGet(async (params) => {
  const indicatorCode = code(requiredString(params, 'indicator'), 'indicator');
  const economyCode = code(requiredString(params, 'economy'), 'economy');
  const horizon = year(params, 'horizon') ?? DEFAULT_HORIZON;
  const asOf = year(params, 'as_of');
  if (horizon <= DEFAULT_BASELINE_YEAR || horizon > MAX_HORIZON) {
    throw badRequest(`horizon must be a year after the baseline year ${DEFAULT_BASELINE_YEAR} and at most ${MAX_HORIZON}, got ${horizon}.`);
  }
  const indicator = await requireIndicator(indicatorCode);
  const [economy] = await requireEconomies([economyCode]);
  const goals = await indicatorGoals();
  const goal = goals.find((g) => g.indicator === indicator);
  if (!goal) {
    // No numeric goal: the trend verdict, when the catalog gives the indicator a direction.
    const direction = await indicatorDirection(indicator);
    if (direction === null) {
      const withGoals = [...new Set(goals.map((g) => g.indicator))].join(', ');
      throw notFound(
        `Indicator ${indicator} has no goal value and no direction of improvement (a context series), so progress is not assessed. Indicators with a goal: ${withGoals}.`
      );
    }
    const trend = assessTrend(await series(indicator, economy), { higherIsBetter: direction, ...(asOf != null ? { asOf } : {}) });
    return json(trendBody(indicator, economy, horizon, trend));
  }
  const assessment = await assessSeries(await series(indicator, economy), goal, horizon, asOf ?? undefined);
  return json(progressBody(indicator, economy, goal, assessment));
});
export const OPTIONS = preflight;
