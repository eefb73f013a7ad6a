// Every threshold the progress assessment uses, named and documented in one place.
// METHOD.md cites these names; change a value here and the Methodology page follows.

/** Name and version reported with every assessment, so a published verdict can be traced to its rules. */
export const METHOD_NAME = 'ESCAP anticipated progress (time-weighted regression)';
/** 2.0.0: time-aware statuses after the horizon (met_on_time, met_late, not_met). */
export const METHOD_VERSION = '2.0.0';

/** WSIS was held in Geneva in 2003: progress is measured from there unless a goal says otherwise. */
export const DEFAULT_BASELINE_YEAR = 2003;
/** The WSIS targets are to be reached by 2015 ... */
export const DEFAULT_HORIZON = 2015;
/** ... with a mid-point review in 2012 (the user may choose either, or another year). */
export const MIDPOINT_HORIZON = 2012;

/**
 * When the baseline year has no data, the nearest year with data stands in for it, up to this
 * many years away (2003 -> 2000..2006). Further away, the "progress since the baseline" would
 * describe a different period, so the series is 'insufficient_data' with reason 'no_baseline'.
 */
export const MAX_BASELINE_DISTANCE = 3;

/**
 * A trend needs at least two observations between the baseline and the latest year
 * (the minimum used by UNSD, Statistics Canada and ESCAP alike). One point is 'too_few_points'.
 */
export const MIN_POINTS = 2;

/**
 * The latest observation may be at most this many years older than the as-of year; older data
 * says nothing about where a country stands now ('gap_too_old'). ITU data usually lag 1-2 years.
 */
export const MAX_GAP_YEARS = 3;

/** API at or above this: the projected value at the horizon reaches the goal ('on_track'). */
export const API_ON_TRACK = 1;
/** API at or below this: the projection has moved away from the goal ('regressing'). */
export const API_REGRESSING = 0;

/**
 * Regression weighting, "recent years count more": the point in year y gets weight
 * w(y) = 1 + RECENCY_WEIGHT_STEP * (y - baseline year); the baseline gets 1, a point 5 years
 * later gets 6. Linear (not exponential) so one unusual recent year cannot dominate, and
 * simple enough to compute by hand.
 */
export const RECENCY_WEIGHT_STEP = 1;
export const REGRESSION_WEIGHTING = 'linear-recency: w(y) = 1 + 1 * (y - baseline year)';

/**
 * Bounded indicators (a share of upperBound) are regressed on logit(value / upperBound), so the
 * projection approaches the bound but never passes it. Shares are clamped into
 * [LOGIT_EPSILON, 1 - LOGIT_EPSILON] first, because logit(0) and logit(1) are infinite.
 */
export const LOGIT_EPSILON = 0.001;

/**
 * A logit projection never reaches the bound itself, so a goal AT the bound ("all", 100 %) is
 * counted as met within this share of the bound: 100 % -> 99 %. Same rule as UNSD's
 * "within 1 point of a 100 % or 0 % target counts as met".
 */
export const NEAR_BOUND_TOLERANCE = 0.01;

/** The search for the year the projection reaches the goal stops here: later is "not in sight" (null). */
export const PROJECTION_SEARCH_LIMIT = 2100;

/**
 * A group aggregate is shown only when the countries with data hold at least this share of the
 * group's population in that year (exactly 0.5 is shown). Below half, the figure would describe
 * a minority of the people it claims to describe. "When is there enough data to create a global
 * statistic?" (Statistical Journal of the IAOS, 2022; content.iospress.com/articles/
 * statistical-journal-of-the-iaos/sji220090) simulates this trade-off on WDI data and suggests
 * not publishing a global figure when data cover less than half of the population.
 */
export const COVERAGE_THRESHOLD = 0.5;

// The two alternative methods shown beside ours (PROGRESS.md).

/** UNSD Progress Chart: rho >= 0.95 on track, 0.10 <= rho < 0.95 fair progress, below: stagnation or regression. */
export const UNSD_ON_TRACK = 0.95;
export const UNSD_FAIR_PROGRESS = 0.1;

/** Statistics Canada (Open SDG): R >= 0.95 substantial, >= 0.60 moderate, >= 0 limited, below: deterioration. */
export const STATCAN_SUBSTANTIAL = 0.95;
export const STATCAN_MODERATE = 0.6;
export const STATCAN_LIMITED = 0;

// Indicators without a numeric goal: Eurostat's trend assessment for indicators without
// quantitative targets (SDG monitoring report, "Sustainable development in the European Union",
// methodological annex). The compound annual growth rate over the period, signed so that
// positive means the desired direction, against fixed thresholds. See METHOD.md section 8b.

/** Direction-adjusted CAGR at or above this (1 % a year): significant progress. */
export const EUROSTAT_SIGNIFICANT_PROGRESS = 0.01;
/** At or above this (0 % a year) and below 1 %: moderate progress. */
export const EUROSTAT_MODERATE_PROGRESS = 0;
/** Above this (-1 % a year) and below 0 %: moderate movement away; at or below it: significant movement away. */
export const EUROSTAT_MODERATE_MOVEMENT_AWAY = -0.01;
export const TREND_METHOD_NAME = 'Eurostat SDG trend for indicators without quantitative targets (compound annual growth rate)';
export const TREND_METHOD_VERSION = '1.0.0';

// Parity goals: a ratio of two groups (women / men, rural / urban) assessed like any goal
// against the parity band. A gender parity index between 0.97 and 1.03 "indicates parity between
// the genders" (UNESCO IIEP glossary, Gender Parity Index; the band of the MDG and EFA reports).

/** Parity index at or above this (and at or below PARITY_UPPER) is parity. */
export const PARITY_LOWER = 0.97;
/** Above this, the disparity favours the numerator group (women, rural). */
export const PARITY_UPPER = 1.03;
