// Number formatting for the dashboard: one place, so every page writes 67.3 %, 1.2 billion and
// "no data" the same way. Every formatter takes a locale (BCP 47 tag); by default the language of
// the request being rendered (/fr/... -> fr-FR: 67,3 %), English (en-GB) outside a request.
import { intlLocale, localeOfIntl } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages.js';

/** The interface's base locale for Intl. */
export const DEFAULT_LOCALE = 'en-GB';
// Formatting never throws: a page must not answer 500 because one stored value is absurd
// (1e308 * 100 is Infinity). What cannot be shown as a number is shown as no data.

/** What stands in for a missing value: never 0, never "NaN". */
export const NO_DATA = '–';

export type Unit = 'percent' | 'per_100' | 'number' | 'index';

const formatters = new Map<string, Intl.NumberFormat>();
/** The usual digits (0..20) by locale, indexed by min * 21 + max: no key string per number formatted. */
const byDigits = new Map<string, (Intl.NumberFormat | undefined)[]>();
const isDigits = (n: number) => Number.isInteger(n) && n >= 0 && n <= 20;
/** Intl.NumberFormat is costly to build: one per locale and digits, kept. */
function nf(min: number, max: number, locale: string = intlLocale()): Intl.NumberFormat {
  const make = () => new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max });
  if (isDigits(min) && isDigits(max)) {
    let list = byDigits.get(locale);
    if (!list) byDigits.set(locale, (list = []));
    return (list[min * 21 + max] ??= make());
  }
  const key = `${locale}|${min}|${max}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** A plain number for tables and summaries: fixed digits (by magnitude unless given), grouped. */
export function formatNumber(value: number | null | undefined, digits?: number, locale: string = intlLocale()): string {
  if (isMissing(value)) return NO_DATA;
  const d = digits ?? (Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return nf(d, d, locale).format(value);
}

/** A number as stored, in the locale's writing, without padding digits: 12.5 -> "12,5" (fr), 4 -> "4". */
export function formatPlain(value: number | null | undefined, locale: string = intlLocale()): string {
  if (isMissing(value)) return NO_DATA;
  return nf(0, 3, locale).format(value);
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
export function formatValue(value: number | null | undefined, unit: Unit, digits?: number, locale: string = intlLocale()): string {
  if (isMissing(value)) return NO_DATA;
  switch (unit) {
    case 'percent':
      return percentSign(nf(checkDigits(digits ?? 1), checkDigits(digits ?? 1), locale).format(value), locale);
    case 'per_100':
      return m.format_per_100({ value: nf(checkDigits(digits ?? 1), checkDigits(digits ?? 1), locale).format(value) }, { locale: localeOfIntl(locale) });
    case 'number':
      return nf(0, checkDigits(digits ?? 0), locale).format(value);
    case 'index':
    default:
      return nf(checkDigits(digits ?? 2), checkDigits(digits ?? 2), locale).format(value);
  }
}

/** A share between 0 and 1 as per cent: 0.5 -> "50.0%" (coverage, shares of population). */
export function formatPercent(share: number | null | undefined, digits = 1, locale: string = intlLocale()): string {
  if (isMissing(share)) return NO_DATA;
  return percentSign(nf(checkDigits(digits), checkDigits(digits), locale).format(share * 100), locale);
}

/** A head count in words past a million: 1_234_567_890 -> "1.23 billion", 345_600_000 -> "345.6 million", 12_345 -> "12,345". */
export function formatPopulation(count: number | null | undefined, locale: string = intlLocale()): string {
  if (isMissing(count) || count < 0) return NO_DATA;
  const language = { locale: localeOfIntl(locale) };
  if (count >= 1e9) return m.format_billion({ value: nf(0, 2, locale).format(count / 1e9), count: count / 1e9 }, language);
  if (count >= 1e6) return m.format_million({ value: nf(0, 1, locale).format(count / 1e6), count: count / 1e6 }, language);
  return nf(0, 0, locale).format(count);
}

/** A change with its sign, for year-on-year figures: 2.5 -> "+2.5", -1 -> "−1.0", 0 -> "0.0". */
export function formatChange(change: number | null | undefined, digits = 1, locale: string = intlLocale()): string {
  if (isMissing(change)) return NO_DATA;
  const text = nf(checkDigits(digits), checkDigits(digits), locale).format(Math.abs(change));
  if (/^[0\D]*$/.test(text)) return text; // all zeros whatever the separators: no sign
  return `${change > 0 ? '+' : '−'}${text}`;
}

const percentPatterns = new Map<string, string>();
/** The per cent sign as the locale writes it, after the number: 67.3% (en), 67,3 % (fr, es, with a no-break space). */
function percentSign(number: string, locale: string): string {
  let pattern = percentPatterns.get(locale);
  if (pattern === undefined) {
    const parts = new Intl.NumberFormat(locale, { style: 'percent' }).formatToParts(0.5);
    const at = parts.findIndex((p) => p.type === 'integer');
    const after = parts.slice(at + 1).map((p) => p.value).join('');
    percentPatterns.set(locale, (pattern = after.includes('%') ? after : '%'));
  }
  return number + pattern;
}

/** A file size for a download link: '512 B', '38 KB', '4.2 MB' ('' when unknown). */
export function formatBytes(bytes: number | null | undefined, locale: string = intlLocale()): string {
  if (bytes == null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0, locale)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1, locale)} MB`;
}
