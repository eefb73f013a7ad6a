// trend(series, direction): a verdict for an indicator without a numeric goal, by Eurostat's
// method for indicators without quantitative targets: the compound annual growth rate from the
// baseline to the latest year, signed so that positive is the desired direction, against fixed
// thresholds. Its vocabulary is its own (progress / movement away), never a goal status.
import {
  DEFAULT_BASELINE_YEAR,
  EUROSTAT_MODERATE_MOVEMENT_AWAY,
  EUROSTAT_MODERATE_PROGRESS,
  EUROSTAT_SIGNIFICANT_PROGRESS,
  MAX_GAP_YEARS,
  MIN_POINTS,
  TREND_METHOD_NAME,
  TREND_METHOD_VERSION
} from './constants';
import { findBaseline, latestPoint, pointsAsOf, sortedSeries, type Baseline } from './series';
import type { Point, Series } from './types';

export type TrendStatus = 'significant_progress' | 'moderate_progress' | 'moderate_movement_away' | 'significant_movement_away' | 'insufficient_data';
export type TrendInsufficientReason = 'no_baseline' | 'too_few_points' | 'gap_too_old' | 'not_positive';

export const TREND_STATUSES: readonly TrendStatus[] = [
  'significant_progress',
  'moderate_progress',
  'moderate_movement_away',
  'significant_movement_away',
  'insufficient_data'
];

export type TrendOptions = {
  higherIsBetter: boolean;
  /** Start of the period; default DEFAULT_BASELINE_YEAR (2003), nearest year with data within MAX_BASELINE_DISTANCE. */
  baselineYear?: number;
  /** Assess as if in this year; default the last year of the series. */
  asOf?: number;
};

export type TrendAssessment = {
  kind: 'trend';
  status: TrendStatus;
  reason: TrendInsufficientReason | null;
  asOf: number | null;
  baseline: Baseline | null;
  latest: Point | null;
  higherIsBetter: boolean;
  /** (v_t / v_b)^(1 / (t - b)) - 1, as a fraction (0.05 = 5 % a year). */
  cagr: number | null;
  /** cagr with the sign turned so that positive is the desired direction. */
  directedCagr: number | null;
  thresholds: { significantProgress: number; moderateProgress: number; moderateMovementAway: number };
  method: { name: string; version: string };
};

export const TREND_THRESHOLDS = Object.freeze({
  significantProgress: EUROSTAT_SIGNIFICANT_PROGRESS,
  moderateProgress: EUROSTAT_MODERATE_PROGRESS,
  moderateMovementAway: EUROSTAT_MODERATE_MOVEMENT_AWAY
});

/** Same data rules as the goal verdict (baseline within 3 years, 2 points, latest within 3 years of as-of); growth rates also need positive values. */
export function assessTrend(series: Series, options: TrendOptions): TrendAssessment {
  if (typeof options?.higherIsBetter !== 'boolean') throw new Error(`invalid higherIsBetter: ${options?.higherIsBetter}`);
  const points = pointsAsOf(sortedSeries(series), options.asOf);
  const latest = latestPoint(points);
  const asOf = options.asOf ?? latest?.year ?? null;
  const baseline = findBaseline(points, options.baselineYear ?? DEFAULT_BASELINE_YEAR);
  const result: TrendAssessment = {
    kind: 'trend',
    status: 'insufficient_data',
    reason: null,
    asOf,
    baseline,
    latest,
    higherIsBetter: options.higherIsBetter,
    cagr: null,
    directedCagr: null,
    thresholds: TREND_THRESHOLDS,
    method: { name: TREND_METHOD_NAME, version: TREND_METHOD_VERSION }
  };
  const insufficient = (reason: TrendInsufficientReason): TrendAssessment => ({ ...result, reason });
  if (latest === null || asOf === null || baseline === null) return insufficient('no_baseline');
  if (asOf - latest.year > MAX_GAP_YEARS) return insufficient('gap_too_old');
  if (points.filter((p) => p.year >= baseline.year).length < MIN_POINTS || latest.year === baseline.year) return insufficient('too_few_points');
  if (!(baseline.value > 0 && latest.value > 0)) return insufficient('not_positive');
  const cagr = Math.pow(latest.value / baseline.value, 1 / (latest.year - baseline.year)) - 1;
  const directedCagr = options.higherIsBetter ? cagr : -cagr;
  return { ...result, cagr, directedCagr, status: trendStatusFromGrowth(directedCagr) };
}

export function trendStatusFromGrowth(directedCagr: number): Exclude<TrendStatus, 'insufficient_data'> {
  if (!Number.isFinite(directedCagr)) throw new Error(`invalid growth rate: ${directedCagr}`);
  if (directedCagr >= EUROSTAT_SIGNIFICANT_PROGRESS) return 'significant_progress';
  if (directedCagr >= EUROSTAT_MODERATE_PROGRESS) return 'moderate_progress';
  if (directedCagr > EUROSTAT_MODERATE_MOVEMENT_AWAY) return 'moderate_movement_away';
  return 'significant_movement_away';
}
