// How MDG values and goal rules read on a page (no server code: components import it).
import { formatNumber, formatValue } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';

/** A value in its unit: shares as "37.8%", rates as plain numbers with digits by magnitude ("37.1", "0.99"). */
export function formatMdgValue(value: number | null | undefined, unit: string | null | undefined): string {
  if ((unit ?? '').startsWith('%')) return formatValue(value, 'percent', 1);
  return formatNumber(value);
}

const FRACTION_WORDS: Record<string, () => string> = { '1/2': m.fraction_half, '2/3': m.fraction_two_thirds, '3/4': m.fraction_three_quarters };

/** The goal rule in words: "two thirds lower than in 1990", "half the 1990 shortfall to 100 %", "100". */
export function goalRuleWords(rule: string | null, value: number | null, fraction: string | null, baseYear: number | null, unit: string | null): string {
  const f = fraction ? (FRACTION_WORDS[fraction]?.() ?? fraction) : '';
  if (rule === 'absolute') return m.goal_rule_absolute({ value: formatMdgValue(value, unit) });
  if (rule === 'parity') return m.goal_rule_parity();
  if (rule === 'reduce') return m.goal_rule_reduce({ fraction: f, year: baseYear ?? 1990 });
  if (rule === 'reduce_shortfall') return m.goal_rule_reduce_shortfall({ fraction: f, year: baseYear ?? 1990 });
  return m.series_no_numeric_goal();
}
