// Words and colour tokens for verdicts. Colour tokens are CSS custom-property names the app's
// stylesheet defines (var(--status-met)), so themes and print styles choose the actual colours.
import type { StatcanVerdict, UnsdVerdict } from './alternatives';
import type { TrendInsufficientReason, TrendStatus } from './trend';
import { INSUFFICIENT_REASONS, STATUSES, type InsufficientReason, type Status } from './types';

export type Label = { label: string; explanation: string; colorToken: string };

export const STATUS_LABELS: Readonly<Record<Status, Label>> = Object.freeze({
  met: {
    label: 'Target met',
    explanation: 'The latest value already meets the target.',
    colorToken: '--status-met'
  },
  on_track: {
    label: 'On track',
    explanation: 'If the recent trend continues, the target is reached by the target year.',
    colorToken: '--status-on-track'
  },
  too_slow: {
    label: 'Progress too slow',
    explanation: 'The trend moves toward the target but falls short by the target year: progress must accelerate.',
    colorToken: '--status-too-slow'
  },
  regressing: {
    label: 'Regressing',
    explanation: 'The trend moves away from the target (or a target met at baseline has been lost): it must be reversed.',
    colorToken: '--status-regressing'
  },
  met_on_time: {
    label: 'Met on time',
    explanation: 'The target was first reached in or before the target year.',
    colorToken: '--status-met-on-time'
  },
  met_late: {
    label: 'Met late',
    explanation: 'The target year has passed: the target was missed then and reached later (the year is given).',
    colorToken: '--status-met-late'
  },
  not_met: {
    label: 'Not met',
    explanation: 'The target year has passed and the target has not been reached (the year the trend would reach it is given when it does).',
    colorToken: '--status-not-met'
  },
  insufficient_data: {
    label: 'Insufficient data',
    explanation: 'There are not enough recent observations to judge progress.',
    colorToken: '--status-insufficient'
  }
});

export const INSUFFICIENT_REASON_LABELS: Readonly<Record<InsufficientReason, string>> = Object.freeze({
  no_baseline: 'No data in or near the baseline year.',
  too_few_points: 'Fewer than two observations since the baseline.',
  gap_too_old: 'The latest observation is too old to describe the present.',
  met_year_unknown: 'The goal is met now, but the data do not say whether it was already met by the target year.'
});

export const UNSD_VERDICT_LABELS: Readonly<Record<UnsdVerdict, string>> = Object.freeze({
  met: 'Target met',
  on_track: 'On track',
  fair_progress: 'Fair progress, acceleration needed',
  stagnation_or_regression: 'Stagnation or regression',
  insufficient_data: 'Insufficient data'
});

export const STATCAN_VERDICT_LABELS: Readonly<Record<StatcanVerdict, string>> = Object.freeze({
  target_achieved: 'Target achieved',
  substantial: 'Substantial progress',
  moderate: 'Moderate progress',
  limited: 'Limited progress',
  deterioration: 'Deterioration',
  insufficient_data: 'Insufficient data'
});

export function statusLabel(status: Status): Label {
  if (!STATUSES.includes(status)) throw new Error(`invalid status: ${status}`);
  return STATUS_LABELS[status];
}

/** What a verdict needs to be read on its own: its status, the horizon it answers for and the as-of year. */
export type VerdictFacts = {
  status: Status;
  horizon: number;
  asOf: number | null;
  firstYearMet: number | null;
  projectedYearReached: number | null;
};

/**
 * The words for a verdict, with the years that make it true: "Met late (2019)", "Not met by 2015
 * (trend reaches it in 2031)", "Met on time (2010)". Used by every page and the API's `label`.
 */
export function verdictText(v: VerdictFacts): string {
  const label = statusLabel(v.status).label;
  switch (v.status) {
    case 'met_on_time':
    case 'met_late':
      return v.firstYearMet != null ? `${label} (${v.firstYearMet})` : label;
    case 'not_met':
      return `Not met by ${v.horizon}` + (v.projectedYearReached != null ? ` (trend reaches it in ${v.projectedYearReached})` : ' (not in sight)');
    case 'met':
      return v.firstYearMet != null ? `${label} (${v.firstYearMet})` : label;
    default:
      return label;
  }
}

/** The sentence that says what the verdict answers: "Verdict for the 2015 target, as of 2025". */
export function verdictContext(v: { horizon: number; asOf: number | null }): string {
  return `for the ${v.horizon} target, as of ${v.asOf ?? 'no data'}`;
}

export function insufficientReasonLabel(reason: InsufficientReason): string {
  if (!INSUFFICIENT_REASONS.includes(reason)) throw new Error(`invalid reason: ${reason}`);
  return INSUFFICIENT_REASON_LABELS[reason];
}

/**
 * The trend verdict's own words (Eurostat's), always prefixed "Trend:" and drawn as an outlined
 * badge, so it cannot be read as a goal verdict: it says which way and how fast, not whether a
 * target is reached.
 */
export const TREND_LABELS: Readonly<Record<TrendStatus, { label: string; explanation: string }>> = Object.freeze({
  significant_progress: {
    label: 'Trend: significant progress',
    explanation: 'No numeric goal: the value grew by 1 % a year or more in the desired direction since the baseline.'
  },
  moderate_progress: {
    label: 'Trend: moderate progress',
    explanation: 'No numeric goal: the value moved in the desired direction by less than 1 % a year (or did not move) since the baseline.'
  },
  moderate_movement_away: {
    label: 'Trend: moderate movement away',
    explanation: 'No numeric goal: the value moved away from the desired direction by less than 1 % a year since the baseline.'
  },
  significant_movement_away: {
    label: 'Trend: significant movement away',
    explanation: 'No numeric goal: the value moved away from the desired direction by 1 % a year or more since the baseline.'
  },
  insufficient_data: {
    label: 'Trend: insufficient data',
    explanation: 'No numeric goal, and not enough data (two positive values from the baseline to a recent year) to measure the trend.'
  }
});

export const TREND_REASON_LABELS: Readonly<Record<TrendInsufficientReason, string>> = Object.freeze({
  no_baseline: INSUFFICIENT_REASON_LABELS.no_baseline,
  too_few_points: INSUFFICIENT_REASON_LABELS.too_few_points,
  gap_too_old: INSUFFICIENT_REASON_LABELS.gap_too_old,
  not_positive: 'A growth rate needs positive values at both ends of the period.'
});
