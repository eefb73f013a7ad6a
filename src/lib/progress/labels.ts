// Words and colour tokens for verdicts. Colour tokens are CSS custom-property names the app's
// stylesheet defines (var(--status-met)), so themes and print styles choose the actual colours.
// The words are the interface messages (messages/*.json), read when used: a page rendered for
// /fr/... gets them in French; the API and anything outside a page request get English.
import { m } from '$lib/paraglide/messages.js';
import type { StatcanVerdict, UnsdVerdict } from './alternatives';
import { TREND_STATUSES, type TrendInsufficientReason, type TrendStatus } from './trend';
import { INSUFFICIENT_REASONS, STATUSES, type InsufficientReason, type Status } from './types';

export type Label = { label: string; explanation: string; colorToken: string };

const messageFns = new Map<string, () => string>();

/** Reads the named interface message when called, so a page rendered for /fr/... gets French. */
function say(name: string): string {
  // The message function by name, kept: a lookup by a computed name on the module of every
  // message is slow (a verdict table reads hundreds of labels a page).
  let fn = messageFns.get(name);
  if (!fn) messageFns.set(name, (fn = (m as unknown as Record<string, () => string>)[name]));
  return fn();
}

/** An object whose properties are messages, each read when the property is. */
function messageTable<K extends string>(names: Record<K, string>): Readonly<Record<K, string>> {
  const table = {} as Record<K, string>;
  for (const [key, name] of Object.entries(names) as [K, string][]) {
    Object.defineProperty(table, key, { get: () => say(name), enumerable: true });
  }
  return Object.freeze(table);
}

/** Label and explanation from the messages `<prefix>_<key>` and `<prefix>_<key>_explanation`. */
function explained<K extends string>(prefix: string, key: K): { label: string; explanation: string } {
  return Object.freeze({
    get label() {
      return say(`${prefix}_${key}`);
    },
    get explanation() {
      return say(`${prefix}_${key}_explanation`);
    }
  });
}

const STATUS_COLOR_TOKENS: Readonly<Record<Status, string>> = {
  met: '--status-met',
  on_track: '--status-on-track',
  too_slow: '--status-too-slow',
  regressing: '--status-regressing',
  met_on_time: '--status-met-on-time',
  met_late: '--status-met-late',
  not_met: '--status-not-met',
  insufficient_data: '--status-insufficient'
};

export const STATUS_LABELS: Readonly<Record<Status, Label>> = Object.freeze(
  Object.fromEntries(
    STATUSES.map((status) => {
      const words = explained('status', status);
      return [
        status,
        Object.freeze({
          get label() {
            return words.label;
          },
          get explanation() {
            return words.explanation;
          },
          colorToken: STATUS_COLOR_TOKENS[status]
        })
      ];
    })
  ) as Record<Status, Label>
);

export const INSUFFICIENT_REASON_LABELS = messageTable<InsufficientReason>({
  no_baseline: 'reason_no_baseline',
  too_few_points: 'reason_too_few_points',
  gap_too_old: 'reason_gap_too_old',
  met_year_unknown: 'reason_met_year_unknown'
});

export const UNSD_VERDICT_LABELS = messageTable<UnsdVerdict>({
  met: 'unsd_met',
  on_track: 'unsd_on_track',
  fair_progress: 'unsd_fair_progress',
  stagnation_or_regression: 'unsd_stagnation_or_regression',
  insufficient_data: 'status_insufficient_data'
});

export const STATCAN_VERDICT_LABELS = messageTable<StatcanVerdict>({
  target_achieved: 'statcan_target_achieved',
  substantial: 'statcan_substantial',
  moderate: 'statcan_moderate',
  limited: 'statcan_limited',
  deterioration: 'statcan_deterioration',
  insufficient_data: 'status_insufficient_data'
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
export const TREND_LABELS: Readonly<Record<TrendStatus, { label: string; explanation: string }>> = Object.freeze(
  Object.fromEntries(TREND_STATUSES.map((t) => [t, explained('trend', t)])) as Record<TrendStatus, { label: string; explanation: string }>
);

export const TREND_REASON_LABELS = messageTable<TrendInsufficientReason>({
  no_baseline: 'reason_no_baseline',
  too_few_points: 'reason_too_few_points',
  gap_too_old: 'reason_gap_too_old',
  not_positive: 'reason_not_positive'
});
