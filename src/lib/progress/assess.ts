// assess(series, goal): the UN ESCAP "anticipated progress" verdict for one series, with all its working.
import {
  API_ON_TRACK,
  API_REGRESSING,
  COVERAGE_THRESHOLD,
  LOGIT_EPSILON,
  MAX_BASELINE_DISTANCE,
  MAX_GAP_YEARS,
  METHOD_NAME,
  METHOD_VERSION,
  MIN_POINTS,
  NEAR_BOUND_TOLERANCE,
  PROJECTION_SEARCH_LIMIT,
  REGRESSION_WEIGHTING
} from './constants';
import { direction, meetsGoal, resolveGoal, type ResolvedGoal } from './goal';
import { projectTrend, projectedYearReached } from './project';
import type { Fit } from './regression';
import { checkBounds, findBaseline, latestPoint, pointsAsOf, sortedSeries, type Baseline } from './series';
import type { Goal, InsufficientReason, Point, Series, Status } from './types';

export type AssessOptions = {
  /** Assess as if in this year: later points are ignored, and the latest point must be within MAX_GAP_YEARS of it. Default: the series' last year. */
  asOf?: number;
};

export type Thresholds = {
  minPoints: number;
  maxBaselineDistance: number;
  maxGapYears: number;
  apiOnTrack: number;
  apiRegressing: number;
  regressionWeighting: string;
  logitEpsilon: number;
  nearBoundTolerance: number;
  projectionSearchLimit: number;
  coverageThreshold: number;
};

export type Assessment = {
  status: Status;
  /** Why the data are insufficient; null otherwise. */
  reason: InsufficientReason | null;
  /** A sentence on a special case (e.g. a goal met at baseline and since lost); null otherwise. */
  note: string | null;
  asOf: number | null;
  /** 'by_horizon' when asOf <= horizon (met / on_track / too_slow / regressing), 'after_horizon' once the deadline has passed (met_on_time / met_late / not_met). */
  phase: 'by_horizon' | 'after_horizon';
  baseline: Baseline | null;
  latest: Point | null;
  goal: ResolvedGoal;
  horizon: number;
  /** First year (up to asOf) whose value met the goal; null if none did. */
  firstYearMet: number | null;
  /** Points between baseline and latest, inclusive: the ones the trend is fitted on. */
  pointsUsed: number;
  regression: {
    scale: 'linear' | 'logit';
    fit: Fit;
    points: { year: number; value: number; weight: number; transformed: number }[];
  } | null;
  projectedValueAtHorizon: number | null;
  /** First year after the latest in which the projection meets the goal (searching to PROJECTION_SEARCH_LIMIT); null if never or already met. */
  projectedYearReached: number | null;
  /** Current Status Index: d (v_t - v_b) / |v_T - v_b|, capped at 1. */
  csi: number | null;
  /** Anticipated Progress Index: d (v^_T - v_b) / |v_T - v_b|. */
  api: number | null;
  thresholds: Thresholds;
  method: { name: string; version: string };
};

export const THRESHOLDS: Thresholds = Object.freeze({
  minPoints: MIN_POINTS,
  maxBaselineDistance: MAX_BASELINE_DISTANCE,
  maxGapYears: MAX_GAP_YEARS,
  apiOnTrack: API_ON_TRACK,
  apiRegressing: API_REGRESSING,
  regressionWeighting: REGRESSION_WEIGHTING,
  logitEpsilon: LOGIT_EPSILON,
  nearBoundTolerance: NEAR_BOUND_TOLERANCE,
  projectionSearchLimit: PROJECTION_SEARCH_LIMIT,
  coverageThreshold: COVERAGE_THRESHOLD
});

/**
 * The one function that gives a verdict. Every verdict names its horizon and as-of year; which
 * vocabulary it uses depends on whether the deadline has passed (see Status in types.ts).
 *
 * As of a year up to the horizon, checks in order (each one ends the assessment):
 * 1. no data up to asOf -> no_baseline; 2. latest older than MAX_GAP_YEARS -> gap_too_old;
 * 3. latest meets the goal -> met; 4. no baseline within MAX_BASELINE_DISTANCE -> no_baseline;
 * 5. fewer than MIN_POINTS from baseline to latest -> too_few_points; 6. goal met at baseline
 * but not now -> regressing; 7. otherwise API decides (on_track, too_slow, regressing).
 *
 * As of a year after the horizon: 1. no data -> no_baseline; 2. the goal was reached in some
 * year up to asOf -> met_on_time (that year <= horizon) or met_late (after it, when an
 * observation in or after the horizon year was still short; else met_year_unknown), a fact that
 * old data do not weaken; 3. latest older than MAX_GAP_YEARS -> gap_too_old (it may have been met
 * since); 4. otherwise not_met, with the trend's projected year when a trend can be fitted.
 */
export function assess(series: Series, goal: Goal, options: AssessOptions = {}): Assessment {
  const g = resolveGoal(goal);
  const points = pointsAsOf(checkBounds(sortedSeries(series), g.upperBound), options.asOf);
  const latest = latestPoint(points);
  const asOf = options.asOf ?? latest?.year ?? null;
  const baseline = findBaseline(points, g.baselineYear);
  const firstMet = points.find((p) => meetsGoal(p.value, g));
  const result: Assessment = {
    status: 'insufficient_data',
    reason: null,
    note: null,
    asOf,
    phase: asOf !== null && asOf > g.horizon ? 'after_horizon' : 'by_horizon',
    baseline,
    latest,
    goal: g,
    horizon: g.horizon,
    firstYearMet: firstMet?.year ?? null,
    pointsUsed: 0,
    regression: null,
    projectedValueAtHorizon: null,
    projectedYearReached: null,
    csi: null,
    api: null,
    thresholds: THRESHOLDS,
    method: { name: METHOD_NAME, version: METHOD_VERSION }
  };
  const insufficient = (reason: InsufficientReason): Assessment => ({ ...result, reason });

  if (latest === null || asOf === null) return insufficient('no_baseline');
  if (result.phase === 'after_horizon') return afterHorizon(result, points, firstMet ?? null);

  if (asOf - latest.year > MAX_GAP_YEARS) return insufficient('gap_too_old');
  if (meetsGoal(latest.value, g)) return { ...result, status: 'met' };
  if (baseline === null) return insufficient('no_baseline');

  result.pointsUsed = points.filter((p) => p.year >= baseline.year).length;
  const trend = withTrend(result, points);
  if (trend === null) return insufficient('too_few_points');
  if (meetsGoal(baseline.value, g)) {
    // Required progress |v_T - v_b| is zero or negative: the indices have no meaning, the loss does.
    return {
      ...trend,
      status: 'regressing',
      note: `The goal was already met at the baseline (${baseline.year}) but not in ${latest.year}.`
    };
  }
  return { ...trend, status: statusFromApi(trend.api!) };
}

/** The deadline has passed: was the goal reached, when, and if not, when would the trend reach it? */
function afterHorizon(result: Assessment, points: Series, firstMet: Point | null): Assessment {
  const { goal: g, latest, asOf } = result;
  if (latest === null || asOf === null) return { ...result, reason: 'no_baseline' };
  if (firstMet !== null) {
    // "Late" needs evidence: an observation in or after the horizon year that was still short.
    // Otherwise the goal may have been reached on time in a year without data.
    const before = points.filter((p) => p.year < firstMet.year).at(-1) ?? null;
    if (firstMet.year > g.horizon && (before === null || before.year < g.horizon)) {
      const since = before ? `between ${before.year} and ${firstMet.year}` : `before ${firstMet.year}`;
      return { ...result, reason: 'met_year_unknown', note: `Met in ${firstMet.year}; with no data ${since}, the data do not say whether it was met by ${g.horizon}.` };
    }
    const status = firstMet.year <= g.horizon ? 'met_on_time' : 'met_late';
    const lost = !meetsGoal(latest.value, g);
    const note = lost ? `First met in ${firstMet.year}, but the latest value (${latest.year}) no longer meets the goal.` : null;
    return { ...result, status, note };
  }
  if (asOf - latest.year > MAX_GAP_YEARS) return { ...result, reason: 'gap_too_old' };
  const trend = result.baseline ? withTrend(result, points) : null;
  if (trend === null) {
    return { ...result, status: 'not_met', note: 'Not enough data since the baseline to project a year for the goal.' };
  }
  return { ...trend, status: 'not_met' };
}

/** Fits the trend from the baseline to the latest point; null with fewer than MIN_POINTS. Sets the indices when they have a meaning. */
function withTrend(result: Assessment, points: Series): Assessment | null {
  const { baseline, latest, goal: g } = result;
  if (baseline === null || latest === null) return null;
  const window = points.filter((p) => p.year >= baseline.year);
  if (window.length < MIN_POINTS) return null;
  const projection = projectTrend(window, baseline.year, g.upperBound);
  const out: Assessment = {
    ...result,
    pointsUsed: window.length,
    regression: { scale: projection.scale, fit: projection.fit, points: projection.points },
    projectedValueAtHorizon: projection.valueAt(g.horizon),
    projectedYearReached: projectedYearReached(projection, g, latest.year)
  };
  if (!meetsGoal(baseline.value, g)) {
    const d = direction(g);
    const needed = Math.abs(g.effectiveValue - baseline.value);
    out.csi = Math.min(1, (d * (latest.value - baseline.value)) / needed);
    out.api = (d * (out.projectedValueAtHorizon! - baseline.value)) / needed;
  }
  return out;
}

export function statusFromApi(api: number): Status {
  if (!Number.isFinite(api)) throw new Error(`invalid API: ${api}`);
  if (api >= API_ON_TRACK) return 'on_track';
  if (api > API_REGRESSING) return 'too_slow';
  return 'regressing';
}
