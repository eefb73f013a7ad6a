// The stocktaking warning rules in the reader's language: the pipeline (and the API) keep
// their English wording (pipelines/sources/stocktaking/warnings.ts); pages say them from messages.
import { m } from '$lib/paraglide/messages.js';
import { STALE_AFTER_YEARS, WARNING_RULE_SHORT, WARNING_RULE_TEXT, type WarningRule } from '../../../pipelines/sources/stocktaking/warnings';

const TEXT: Record<WarningRule, () => string> = {
  'planned-start-passed': () => m.warn_planned_start_passed(),
  'not-updated': () => m.warn_not_updated({ years: STALE_AFTER_YEARS }),
  'no-country': () => m.warn_no_country(),
  'no-action-line': () => m.warn_no_action_line()
};

const SHORT: Record<WarningRule, () => string> = {
  'planned-start-passed': () => m.warn_short_planned_start_passed(),
  'not-updated': () => m.warn_short_not_updated(),
  'no-country': () => m.warn_short_no_country(),
  'no-action-line': () => m.warn_short_no_action_line()
};

/** A rule's sentence ('Status "planned", but the start year has passed'); an unknown rule as its id. */
export function warningText(rule: string): string {
  return TEXT[rule as WarningRule]?.() ?? WARNING_RULE_TEXT[rule as WarningRule] ?? rule;
}

/** A rule's label for a table cell ('not updated'). */
export function warningShort(rule: string): string {
  return SHORT[rule as WarningRule]?.() ?? WARNING_RULE_SHORT[rule as WarningRule] ?? rule;
}
