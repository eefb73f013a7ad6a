// Plain data shapes shared by the progress modules (no classes: they cross the server/browser boundary as JSON).

export type Point = { year: number; value: number };
export type Series = Point[];

export type Goal = {
  /** Target value, in the indicator's unit. */
  value: number;
  higherIsBetter: boolean;
  /** Natural upper limit (100 for a percentage): the projection is then bounded by it. */
  upperBound?: number;
  /** Default DEFAULT_BASELINE_YEAR (2003). */
  baselineYear?: number;
  /** Target year: 2015, the mid-point 2012, or a year the user chooses. */
  horizon: number;
};

/**
 * A verdict always belongs to a horizon and an as-of year. Up to and including the horizon year
 * the question is "will the goal be reached in time?": met / on_track / too_slow / regressing.
 * After the horizon the deadline has passed and the question is "was it?": met_on_time (first
 * reached in or before the horizon year), met_late (reached after it), not_met (still short).
 * insufficient_data can be the answer to either.
 */
export type StatusByHorizon = 'met' | 'on_track' | 'too_slow' | 'regressing';
export type StatusAfterHorizon = 'met_on_time' | 'met_late' | 'not_met';
export type Status = StatusByHorizon | StatusAfterHorizon | 'insufficient_data';
/** met_year_unknown: after the horizon, met now, but no observation from the horizon year on says the goal was still short then. */
export type InsufficientReason = 'no_baseline' | 'too_few_points' | 'gap_too_old' | 'met_year_unknown';

export const STATUSES_BY_HORIZON: readonly StatusByHorizon[] = ['met', 'on_track', 'too_slow', 'regressing'];
export const STATUSES_AFTER_HORIZON: readonly StatusAfterHorizon[] = ['met_on_time', 'met_late', 'not_met'];
export const STATUSES: readonly Status[] = [...STATUSES_BY_HORIZON, ...STATUSES_AFTER_HORIZON, 'insufficient_data'];
export const INSUFFICIENT_REASONS: readonly InsufficientReason[] = ['no_baseline', 'too_few_points', 'gap_too_old', 'met_year_unknown'];
