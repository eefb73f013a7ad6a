// Reading a series: validation, the as-of cut, the baseline and the latest observation.
import { DEFAULT_BASELINE_YEAR, MAX_BASELINE_DISTANCE } from './constants';
import type { Point, Series } from './types';

/** Checks every point and returns a copy sorted by year. Invalid input throws: a silent NaN would become a verdict. */
export function sortedSeries(series: Series): Series {
  if (!Array.isArray(series)) throw new Error(`invalid series: ${series}`);
  for (const p of series) {
    if (!p || !Number.isInteger(p.year)) throw new Error(`invalid year: ${p?.year}`);
    if (!Number.isFinite(p.value)) throw new Error(`invalid value for ${p.year}: ${p.value}`);
  }
  const sorted = series.map(({ year, value }) => ({ year, value })).sort((a, b) => a.year - b.year);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].year === sorted[i - 1].year) throw new Error(`duplicate year: ${sorted[i].year}`);
  }
  return sorted;
}

/** A bounded indicator (a share of upperBound) cannot be negative or above its bound: such data are an error upstream. */
export function checkBounds(sorted: Series, upperBound: number | null): Series {
  if (upperBound === null) return sorted;
  for (const p of sorted) {
    if (p.value < 0 || p.value > upperBound) throw new Error(`invalid bounded value for ${p.year}: ${p.value} (outside 0..${upperBound})`);
  }
  return sorted;
}

/** Points up to and including asOf (all points when asOf is undefined). */
export function pointsAsOf(sorted: Series, asOf?: number): Series {
  if (asOf === undefined) return sorted;
  if (!Number.isInteger(asOf)) throw new Error(`invalid asOf: ${asOf}`);
  return sorted.filter((p) => p.year <= asOf);
}

export type Baseline = Point & {
  /** The year asked for (the goal's baseline year). */
  requestedYear: number;
  /** |year - requestedYear|: 0 when the baseline year itself has data. */
  distance: number;
};

/**
 * The value at the baseline year, or at the nearest year with data; on a tie (2002 and 2004 for
 * 2003) the later year, as progress is measured forward from it. Null when the nearest year is
 * more than MAX_BASELINE_DISTANCE away.
 */
export function findBaseline(sorted: Series, requestedYear = DEFAULT_BASELINE_YEAR): Baseline | null {
  if (!Number.isInteger(requestedYear)) throw new Error(`invalid baseline year: ${requestedYear}`);
  let best: Point | null = null;
  // Sorted by year, so `<=` lets the later year win a tie.
  for (const p of sorted) {
    if (best === null || Math.abs(p.year - requestedYear) <= Math.abs(best.year - requestedYear)) best = p;
  }
  if (best === null) return null;
  const distance = Math.abs(best.year - requestedYear);
  if (distance > MAX_BASELINE_DISTANCE) return null;
  return { year: best.year, value: best.value, requestedYear, distance };
}

export function latestPoint(sorted: Series): Point | null {
  return sorted.length ? sorted[sorted.length - 1] : null;
}
