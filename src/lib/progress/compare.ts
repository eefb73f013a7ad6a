// Checking a computed aggregate against the publisher's own aggregate row (e.g. the World Bank's WLD).
import type { AggregatePoint } from './aggregate';
import type { Series } from './types';

export type ComparisonRow = {
  year: number;
  computed: number | null;
  published: number | null;
  /** computed - published; null when either is missing. */
  difference: number | null;
};

export type Comparison = {
  rows: ComparisonRow[];
  /** Largest |difference| over years where both exist; null when no year has both. */
  maxAbsDifference: number | null;
  maxAbsDifferenceYear: number | null;
  yearsCompared: number;
};

export function compareWithPublished(computed: AggregatePoint[], published: Series): Comparison {
  const ours = new Map(computed.map((p) => [p.year, p.value]));
  const theirs = new Map<number, number>();
  for (const p of published) {
    if (!Number.isInteger(p.year) || !Number.isFinite(p.value)) throw new Error(`invalid published point: ${p.year} ${p.value}`);
    if (theirs.has(p.year)) throw new Error(`duplicate published year: ${p.year}`);
    theirs.set(p.year, p.value);
  }
  const years = [...new Set([...ours.keys(), ...theirs.keys()])].sort((a, b) => a - b);
  let maxAbsDifference: number | null = null, maxAbsDifferenceYear: number | null = null, yearsCompared = 0;
  const rows = years.map((year) => {
    const c = ours.get(year) ?? null;
    const p = theirs.get(year) ?? null;
    const difference = c !== null && p !== null ? c - p : null;
    if (difference !== null) {
      yearsCompared += 1;
      if (maxAbsDifference === null || Math.abs(difference) > maxAbsDifference) {
        maxAbsDifference = Math.abs(difference);
        maxAbsDifferenceYear = year;
      }
    }
    return { year, computed: c, published: p, difference };
  });
  return { rows, maxAbsDifference, maxAbsDifferenceYear, yearsCompared };
}
