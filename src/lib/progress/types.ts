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

export type Status = 'met' | 'on_track' | 'too_slow' | 'regressing' | 'insufficient_data';
export type InsufficientReason = 'no_baseline' | 'too_few_points' | 'gap_too_old';

export const STATUSES: readonly Status[] = ['met', 'on_track', 'too_slow', 'regressing', 'insufficient_data'];
export const INSUFFICIENT_REASONS: readonly InsufficientReason[] = ['no_baseline', 'too_few_points', 'gap_too_old'];
