// The /api/v1/progress response: the assessment from $lib/progress in the API's snake_case,
// with the goal it was measured against and where the goal comes from.
import { TREND_LABELS, verdictText, type Assessment, type TrendAssessment } from '$lib/progress';
import type { IndicatorGoal } from '../queries/progress';

export function progressBody(indicator: string, economy: string, g: IndicatorGoal, a: Assessment) {
  return {
    indicator,
    economy,
    kind: 'goal',
    horizon: a.horizon,
    status: a.status,
    phase: a.phase,
    label: verdictText(a),
    reason: a.reason,
    note: a.note,
    as_of: a.asOf,
    baseline: a.baseline && { year: a.baseline.year, value: a.baseline.value, requested_year: a.baseline.requestedYear, distance: a.baseline.distance },
    latest: a.latest,
    goal: {
      value: g.goalValue,
      effective_value: a.goal.effectiveValue,
      higher_is_better: g.higherIsBetter,
      upper_bound: g.upperBound,
      target: g.target,
      target_indicator: g.targetIndicatorId,
      reasoning: g.goalReasoning
    },
    first_year_met: a.firstYearMet,
    points_used: a.pointsUsed,
    csi: a.csi,
    api: a.api,
    projected_value_at_horizon: a.projectedValueAtHorizon,
    projected_year_reached: a.projectedYearReached,
    regression: a.regression ? { scale: a.regression.scale, fit: a.regression.fit } : null,
    thresholds: a.thresholds,
    method: { ...a.method, documentation: '/methodology' }
  };
}

/** An indicator without a numeric goal: the trend verdict (Eurostat), in its own vocabulary; `kind` says which. */
export function trendBody(indicator: string, economy: string, horizon: number, t: TrendAssessment) {
  return {
    indicator,
    economy,
    kind: 'trend',
    horizon: null,
    horizon_requested: horizon,
    status: t.status,
    label: TREND_LABELS[t.status].label,
    reason: t.reason,
    as_of: t.asOf,
    baseline: t.baseline && { year: t.baseline.year, value: t.baseline.value, requested_year: t.baseline.requestedYear, distance: t.baseline.distance },
    latest: t.latest,
    goal: null,
    higher_is_better: t.higherIsBetter,
    cagr: t.cagr,
    directed_cagr: t.directedCagr,
    thresholds: t.thresholds,
    method: { ...t.method, documentation: '/methodology' }
  };
}
