// Progress toward a target: the public API (pure functions on plain arrays; safe in the browser).
export * from './constants';
export type { Goal, InsufficientReason, Point, Series, Status, StatusAfterHorizon, StatusByHorizon } from './types';
export { INSUFFICIENT_REASONS, STATUSES, STATUSES_AFTER_HORIZON, STATUSES_BY_HORIZON } from './types';
export { assess, statusFromApi, THRESHOLDS, type AssessOptions, type Assessment, type Thresholds } from './assess';
export { alternativeVerdicts, statcanVerdict, unsdVerdict } from './alternatives';
export type { AlternativeVerdict, AlternativeVerdicts, StatcanVerdict, UnsdVerdict } from './alternatives';
export { aggregate, type AggregateOptions, type AggregatePoint, type CountryYearValue } from './aggregate';
export { compareWithPublished, type Comparison, type ComparisonRow } from './compare';
export { changesSinceReview, yearOnYear } from './changes';
export type { ChangesSinceReview, ReviewItem, StatusChange, YearOnYearChange } from './changes';
export { resolveGoal, meetsGoal, type ResolvedGoal } from './goal';
export { recencyWeight, weightedLinearFit, fitAt, type Fit } from './regression';
export {
  INSUFFICIENT_REASON_LABELS,
  STATCAN_VERDICT_LABELS,
  STATUS_LABELS,
  TREND_LABELS,
  TREND_REASON_LABELS,
  UNSD_VERDICT_LABELS,
  insufficientReasonLabel,
  statusLabel,
  verdictContext,
  verdictText,
  type Label,
  type VerdictFacts
} from './labels';
export { assessTrend, trendStatusFromGrowth, TREND_STATUSES, TREND_THRESHOLDS } from './trend';
export type { TrendAssessment, TrendInsufficientReason, TrendOptions, TrendStatus } from './trend';
export { verdictFor, type CatalogEntry, type Verdict } from './verdict';
export { assessParity, parityIndex, type ParityAssessment } from './parity';
export { assessAgainstRule, goalRuleFrom, goalValueFromRule, parseFraction, type GoalRule, type RuleAssessment, type RuleContext } from './goal-rule';
