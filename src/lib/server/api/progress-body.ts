// The /api/v1/progress response: the assessment from $lib/progress in the API's snake_case,
// with the goal it was measured against and where the goal comes from.
import { verdictText, type Assessment } from '$lib/progress';
import type { IndicatorGoal } from '../queries/progress';

export function progressBody(indicator: string, economy: string, g: IndicatorGoal, a: Assessment) {
  return {
    indicator,
    economy,
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
