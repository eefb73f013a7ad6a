// The stocktaking "warning system" (seed 000 asks for a database "with a warning and update
// system"): rules over the loaded entries, each a named constant, computed at load time
// against the year of the run (stored with each warning as as_of_year).
import type { StocktakingEntry } from './template';

/** An entry not reported for more than this many years is flagged as not updated. */
export const STALE_AFTER_YEARS = 5;

export const WARNING_RULES = {
  /** Status "planned" but the start year is before the year of the run. */
  PLANNED_START_PASSED: 'planned-start-passed',
  /** Last reported more than STALE_AFTER_YEARS years before the run, or never dated. */
  NOT_UPDATED: 'not-updated',
  /** No country stated (global, "INTERNATIONAL" or not given). */
  NO_COUNTRY: 'no-country',
  /** Registered against no action line (the template requires one, so such rows are quarantined before they get here). */
  NO_ACTION_LINE: 'no-action-line'
} as const;

export type WarningRule = (typeof WARNING_RULES)[keyof typeof WARNING_RULES];

export const WARNING_RULE_TEXT: Record<WarningRule, string> = {
  'planned-start-passed': 'Status "planned", but the start year has passed',
  'not-updated': `No update for more than ${STALE_AFTER_YEARS} years`,
  'no-country': 'No country stated',
  'no-action-line': 'No action line'
};

/** Short labels for table cells. */
export const WARNING_RULE_SHORT: Record<WarningRule, string> = {
  'planned-start-passed': 'planned, start passed',
  'not-updated': 'not updated',
  'no-country': 'no country',
  'no-action-line': 'no action line'
};

export type StocktakingWarning = {
  entry: string;
  rule: WarningRule;
  message: string;
  as_of_year: number;
};

export function stocktakingWarnings(entries: StocktakingEntry[], bridge: { entry: string; action_line: string }[], asOfYear: number): StocktakingWarning[] {
  const withLine = new Set(bridge.map((b) => b.entry));
  const out: StocktakingWarning[] = [];
  const warn = (entry: string, rule: WarningRule, message: string) => out.push({ entry, rule, message, as_of_year: asOfYear });
  for (const e of entries) {
    if (e.status === 'planned' && e.start_year !== null && e.start_year < asOfYear)
      warn(e.id, WARNING_RULES.PLANNED_START_PASSED, `planned to start in ${e.start_year}; still "planned" in ${asOfYear}`);
    if (e.reported_year === null) warn(e.id, WARNING_RULES.NOT_UPDATED, 'never dated: no year reported');
    else if (asOfYear - e.reported_year > STALE_AFTER_YEARS)
      warn(e.id, WARNING_RULES.NOT_UPDATED, `last reported in ${e.reported_year}, ${asOfYear - e.reported_year} years before ${asOfYear}`);
    if (e.countries === null) warn(e.id, WARNING_RULES.NO_COUNTRY, 'no country stated');
    if (!withLine.has(e.id)) warn(e.id, WARNING_RULES.NO_ACTION_LINE, 'registered against no action line');
  }
  return out;
}
