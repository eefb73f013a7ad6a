// The projection: a time-weighted trend through the points since the baseline, extended to the horizon.
import { PROJECTION_SEARCH_LIMIT } from './constants';
import { meetsGoal, type ResolvedGoal } from './goal';
import { fitAt, recencyWeight, weightedLinearFit, type Fit } from './regression';
import { scaleFor } from './scale';
import type { Series } from './types';

export type Projection = {
  scale: 'linear' | 'logit';
  fit: Fit;
  /** The points used, with their weight and their value on the regression scale. */
  points: { year: number; value: number; weight: number; transformed: number }[];
  /** Projected value (back on the indicator's scale) for a year. */
  valueAt: (year: number) => number;
};

/** Fits the trend through `points` (already cut to baseline..latest); weights count years from `referenceYear`. */
export function projectTrend(points: Series, referenceYear: number, upperBound: number | null): Projection {
  const scale = scaleFor(upperBound);
  const rows = points.map((p) => ({
    year: p.year,
    value: p.value,
    weight: recencyWeight(p.year, referenceYear),
    transformed: scale.forward(p.value)
  }));
  const fit = weightedLinearFit(
    rows.map((r) => ({ year: r.year, value: r.transformed })),
    rows.map((r) => r.weight),
    referenceYear
  );
  return { scale: scale.name, fit, points: rows, valueAt: (year) => scale.inverse(fitAt(fit, year)) };
}

/**
 * First whole year after `fromYear` in which the projection meets the goal, searching up to
 * PROJECTION_SEARCH_LIMIT; null when the trend does not get there (flat, moving away, or too slow).
 */
export function projectedYearReached(projection: Projection, goal: ResolvedGoal, fromYear: number): number | null {
  for (let year = fromYear + 1; year <= PROJECTION_SEARCH_LIMIT; year++) {
    if (meetsGoal(projection.valueAt(year), goal)) return year;
  }
  return null;
}
