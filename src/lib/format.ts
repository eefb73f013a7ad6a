// Number formatting for the dashboard (en-GB, like format-basic.ts): one place, so every page writes 67.3 %, 1.2 billion and "no data" the same way.

/** What stands in for a missing value: never 0, never "NaN". */
export const NO_DATA = '–';

export type Unit = 'percent' | 'per_100' | 'number' | 'index';

const nf = (min: number, max: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: min, maximumFractionDigits: max });

function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

function checkDigits(digits: number): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) throw new Error(`invalid digits: ${digits}`);
  return digits;
}

/**
 * A value in its unit: 'percent' (already in per cent: 67.25 -> "67.3%"), 'per_100'
 * (per 100 inhabitants: "112.4 per 100"), 'number' (grouped: "12,345"), 'index' (two decimals: "0.95").
 */
export function formatValue(value: number | null | undefined, unit: Unit, digits?: number): string {
  if (isMissing(value)) return NO_DATA;
  if (!Number.isFinite(value)) throw new Error(`invalid value: ${value}`);
  switch (unit) {
    case 'percent':
      return `${nf(checkDigits(digits ?? 1), checkDigits(digits ?? 1)).format(value)}%`;
    case 'per_100':
      return `${nf(checkDigits(digits ?? 1), checkDigits(digits ?? 1)).format(value)} per 100`;
    case 'number':
      return nf(0, checkDigits(digits ?? 0)).format(value);
    case 'index':
      return nf(checkDigits(digits ?? 2), checkDigits(digits ?? 2)).format(value);
    default:
      throw new Error(`invalid unit: ${unit}`);
  }
}

/** A share between 0 and 1 as per cent: 0.5 -> "50.0%" (coverage, shares of population). */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (isMissing(share)) return NO_DATA;
  if (!Number.isFinite(share)) throw new Error(`invalid share: ${share}`);
  return `${nf(checkDigits(digits), digits).format(share * 100)}%`;
}

/** A head count in words past a million: 1_234_567_890 -> "1.23 billion", 345_600_000 -> "345.6 million", 12_345 -> "12,345". */
export function formatPopulation(count: number | null | undefined): string {
  if (isMissing(count)) return NO_DATA;
  if (!Number.isFinite(count) || count < 0) throw new Error(`invalid population: ${count}`);
  if (count >= 1e9) return `${nf(0, 2).format(count / 1e9)} billion`;
  if (count >= 1e6) return `${nf(0, 1).format(count / 1e6)} million`;
  return nf(0, 0).format(count);
}

/** A change with its sign, for year-on-year figures: 2.5 -> "+2.5", -1 -> "−1.0", 0 -> "0.0". */
export function formatChange(change: number | null | undefined, digits = 1): string {
  if (isMissing(change)) return NO_DATA;
  if (!Number.isFinite(change)) throw new Error(`invalid change: ${change}`);
  const text = nf(checkDigits(digits), digits).format(Math.abs(change));
  if (Number(text.replace(/,/g, '')) === 0) return text;
  return `${change > 0 ? '+' : '−'}${text}`;
}
