// Number formatting for the dashboard: one place, so every page writes 67.3 %, 1.2 billion and
// "no data" the same way. Every formatter takes a locale (BCP 47 tag); English (en-GB) by default.

/** The interface's default locale. */
export const DEFAULT_LOCALE = 'en-GB';
// Formatting never throws: a page must not answer 500 because one stored value is absurd
// (1e308 * 100 is Infinity). What cannot be shown as a number is shown as no data.

/** What stands in for a missing value: never 0, never "NaN". */
export const NO_DATA = '–';

export type Unit = 'percent' | 'per_100' | 'number' | 'index';

const formatters = new Map<string, Intl.NumberFormat>();
/** Intl.NumberFormat is costly to build: one per locale and digits, kept. */
function nf(min: number, max: number, locale: string = DEFAULT_LOCALE): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

/** A plain number for tables and summaries: fixed digits (by magnitude unless given), grouped. */
export function formatNumber(value: number | null | undefined, digits?: number, locale: string = DEFAULT_LOCALE): string {
  if (isMissing(value)) return NO_DATA;
  const d = digits ?? (Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return nf(d, d, locale).format(value);
}

/** Null, undefined, NaN and the infinities: nothing a reader can use. */
function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || !Number.isFinite(value);
}

/** Fraction digits kept within what Intl accepts (0..10). */
function checkDigits(digits: number): number {
  return Number.isInteger(digits) ? Math.min(10, Math.max(0, digits)) : 1;
}

/**
 * A value in its unit: 'percent' (already in per cent: 67.25 -> "67.3%"), 'per_100'
 * (per 100 inhabitants: "112.4 per 100"), 'number' (grouped: "12,345"), 'index' (two decimals: "0.95").
 */
export function formatValue(value: number | null | undefined, unit: Unit, digits?: number, locale: string = DEFAULT_LOCALE): string {
  if (isMissing(value)) return NO_DATA;
  switch (unit) {
    case 'percent':
      return `${nf(checkDigits(digits ?? 1), checkDigits(digits ?? 1), locale).format(value)}%`;
    case 'per_100':
      return `${nf(checkDigits(digits ?? 1), checkDigits(digits ?? 1), locale).format(value)} per 100`;
    case 'number':
      return nf(0, checkDigits(digits ?? 0), locale).format(value);
    case 'index':
    default:
      return nf(checkDigits(digits ?? 2), checkDigits(digits ?? 2), locale).format(value);
  }
}

/** A share between 0 and 1 as per cent: 0.5 -> "50.0%" (coverage, shares of population). */
export function formatPercent(share: number | null | undefined, digits = 1, locale: string = DEFAULT_LOCALE): string {
  if (isMissing(share)) return NO_DATA;
  return `${nf(checkDigits(digits), checkDigits(digits), locale).format(share * 100)}%`;
}

/** A head count in words past a million: 1_234_567_890 -> "1.23 billion", 345_600_000 -> "345.6 million", 12_345 -> "12,345". */
export function formatPopulation(count: number | null | undefined, locale: string = DEFAULT_LOCALE): string {
  if (isMissing(count) || count < 0) return NO_DATA;
  if (count >= 1e9) return `${nf(0, 2, locale).format(count / 1e9)} billion`;
  if (count >= 1e6) return `${nf(0, 1, locale).format(count / 1e6)} million`;
  return nf(0, 0, locale).format(count);
}

/** A change with its sign, for year-on-year figures: 2.5 -> "+2.5", -1 -> "−1.0", 0 -> "0.0". */
export function formatChange(change: number | null | undefined, digits = 1, locale: string = DEFAULT_LOCALE): string {
  if (isMissing(change)) return NO_DATA;
  const text = nf(checkDigits(digits), checkDigits(digits), locale).format(Math.abs(change));
  if (Number(text.replace(/,/g, '')) === 0) return text;
  return `${change > 0 ? '+' : '−'}${text}`;
}
