// Words and colour tokens for verdicts. Colour tokens are CSS custom-property names the app's
// stylesheet defines (var(--status-met)), so themes and print styles choose the actual colours.
// The words are the interface messages (messages/*.json), read when used: a page rendered for
// /fr/... gets them in French; the API and anything outside a page request get English.
import { m } from '$lib/paraglide/messages.js';
import type { StatcanVerdict, UnsdVerdict } from './alternatives';
import type { TrendInsufficientReason, TrendStatus } from './trend';
import { INSUFFICIENT_REASONS, STATUSES, type InsufficientReason, type Status } from './types';

export type Label = { label: string; explanation: string; colorToken: string };

export const STATUS_LABELS: Readonly<Record<Status, Label>> = Object.freeze({
  met: {
    get label() {
      return m.status_met();
    },
    get explanation() {
      return m.status_met_explanation();
    },
    colorToken: '--status-met'
  },
  on_track: {
    get label() {
      return m.status_on_track();
    },
    get explanation() {
      return m.status_on_track_explanation();
    },
    colorToken: '--status-on-track'
  },
  too_slow: {
    get label() {
      return m.status_too_slow();
    },
    get explanation() {
      return m.status_too_slow_explanation();
    },
    colorToken: '--status-too-slow'
  },
  regressing: {
    get label() {
      return m.status_regressing();
    },
    get explanation() {
      return m.status_regressing_explanation();
    },
    colorToken: '--status-regressing'
  },
  met_on_time: {
    get label() {
      return m.status_met_on_time();
    },
    get explanation() {
      return m.status_met_on_time_explanation();
    },
    colorToken: '--status-met-on-time'
  },
  met_late: {
    get label() {
      return m.status_met_late();
    },
    get explanation() {
      return m.status_met_late_explanation();
    },
    colorToken: '--status-met-late'
  },
  not_met: {
    get label() {
      return m.status_not_met();
    },
    get explanation() {
      return m.status_not_met_explanation();
    },
    colorToken: '--status-not-met'
  },
  insufficient_data: {
    get label() {
      return m.status_insufficient_data();
    },
    get explanation() {
      return m.status_insufficient_data_explanation();
    },
    colorToken: '--status-insufficient'
  }
});

export const INSUFFICIENT_REASON_LABELS: Readonly<Record<InsufficientReason, string>> = Object.freeze({
  get no_baseline() {
    return m.reason_no_baseline();
  },
  get too_few_points() {
    return m.reason_too_few_points();
  },
  get gap_too_old() {
    return m.reason_gap_too_old();
  },
  get met_year_unknown() {
    return m.reason_met_year_unknown();
  }
});

export const UNSD_VERDICT_LABELS: Readonly<Record<UnsdVerdict, string>> = Object.freeze({
  get met() {
    return m.unsd_met();
  },
  get on_track() {
    return m.unsd_on_track();
  },
  get fair_progress() {
    return m.unsd_fair_progress();
  },
  get stagnation_or_regression() {
    return m.unsd_stagnation_or_regression();
  },
  get insufficient_data() {
    return m.status_insufficient_data();
  }
});

export const STATCAN_VERDICT_LABELS: Readonly<Record<StatcanVerdict, string>> = Object.freeze({
  get target_achieved() {
    return m.statcan_target_achieved();
  },
  get substantial() {
    return m.statcan_substantial();
  },
  get moderate() {
    return m.statcan_moderate();
  },
  get limited() {
    return m.statcan_limited();
  },
  get deterioration() {
    return m.statcan_deterioration();
  },
  get insufficient_data() {
    return m.status_insufficient_data();
  }
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
      return v.projectedYearReached != null
        ? m.verdict_not_met_by_reaches({ horizon: v.horizon, year: v.projectedYearReached })
        : m.verdict_not_met_by_not_in_sight({ horizon: v.horizon });
    case 'met':
      return v.firstYearMet != null ? `${label} (${v.firstYearMet})` : label;
    default:
      return label;
  }
}

/** The sentence that says what the verdict answers: "Verdict for the 2015 target, as of 2025". */
export function verdictContext(v: { horizon: number; asOf: number | null }): string {
  return v.asOf != null ? m.verdict_context({ horizon: v.horizon, asOf: v.asOf }) : m.verdict_context_no_data({ horizon: v.horizon });
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
    get label() {
      return m.trend_significant_progress();
    },
    get explanation() {
      return m.trend_significant_progress_explanation();
    }
  },
  moderate_progress: {
    get label() {
      return m.trend_moderate_progress();
    },
    get explanation() {
      return m.trend_moderate_progress_explanation();
    }
  },
  moderate_movement_away: {
    get label() {
      return m.trend_moderate_movement_away();
    },
    get explanation() {
      return m.trend_moderate_movement_away_explanation();
    }
  },
  significant_movement_away: {
    get label() {
      return m.trend_significant_movement_away();
    },
    get explanation() {
      return m.trend_significant_movement_away_explanation();
    }
  },
  insufficient_data: {
    get label() {
      return m.trend_insufficient_data();
    },
    get explanation() {
      return m.trend_insufficient_data_explanation();
    }
  }
});

export const TREND_REASON_LABELS: Readonly<Record<TrendInsufficientReason, string>> = Object.freeze({
  get no_baseline() {
    return m.reason_no_baseline();
  },
  get too_few_points() {
    return m.reason_too_few_points();
  },
  get gap_too_old() {
    return m.reason_gap_too_old();
  },
  get not_positive() {
    return m.reason_not_positive();
  }
});
