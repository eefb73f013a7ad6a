// How MDG values and goal rules read on a page (no server code: components import it).
import { formatNumber, formatValue } from '$lib/format';

/** A value in its unit: shares as "37.8%", rates as plain numbers with digits by magnitude ("37.1", "0.99"). */
export function formatMdgValue(value: number | null | undefined, unit: string | null | undefined): string {
  if ((unit ?? '').startsWith('%')) return formatValue(value, 'percent', 1);
  return formatNumber(value);
}

const FRACTION_WORDS: Record<string, string> = { '1/2': 'half', '2/3': 'two thirds', '3/4': 'three quarters' };

/** The goal rule in words: "two thirds lower than in 1990", "half the 1990 shortfall to 100 %", "100". */
export function goalRuleWords(rule: string | null, value: number | null, fraction: string | null, baseYear: number | null, unit: string | null): string {
  const f = fraction ? (FRACTION_WORDS[fraction] ?? fraction) : '';
  if (rule === 'absolute') return `${formatMdgValue(value, unit)} by the horizon`;
  if (rule === 'parity') return 'parity: a ratio of girls to boys between 0.97 and 1.03';
  if (rule === 'reduce') return `${f} lower than in ${baseYear ?? 1990} (each economy's own value)`;
  if (rule === 'reduce_shortfall') return `the share without access cut by ${f} from ${baseYear ?? 1990} (each economy's own value)`;
  return 'no numeric goal';
}
