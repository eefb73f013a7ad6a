// Weighted least squares of value (or its logit) on year, with recent years weighted more.
import { RECENCY_WEIGHT_STEP } from './constants';
import type { Series } from './types';

/** Weight of the point in `year`: 1 at the reference (baseline) year, +RECENCY_WEIGHT_STEP per year after. */
export function recencyWeight(year: number, referenceYear: number): number {
  const w = 1 + RECENCY_WEIGHT_STEP * (year - referenceYear);
  if (!(w > 0)) throw new Error(`invalid weight year: ${year} (before reference ${referenceYear})`);
  return w;
}

export type Fit = {
  /** z(year) = intercept + slope * (year - referenceYear), on the regression's scale. */
  referenceYear: number;
  intercept: number;
  slope: number;
};

/**
 * Weighted least squares line through (year, z) with the given weights:
 * slope = Σw(x - x̄)(z - z̄) / Σw(x - x̄)², x̄ and z̄ weighted means, x = year - referenceYear.
 */
export function weightedLinearFit(points: Series, weights: number[], referenceYear: number): Fit {
  if (points.length < 2) throw new Error(`invalid fit: ${points.length} point(s), need 2`);
  if (weights.length !== points.length) throw new Error(`invalid weights: ${weights.length} for ${points.length} points`);
  let sw = 0, sx = 0, sz = 0;
  points.forEach((p, i) => {
    sw += weights[i];
    sx += weights[i] * (p.year - referenceYear);
    sz += weights[i] * p.value;
  });
  const xMean = sx / sw, zMean = sz / sw;
  let sxz = 0, sxx = 0;
  points.forEach((p, i) => {
    const dx = p.year - referenceYear - xMean;
    sxz += weights[i] * dx * (p.value - zMean);
    sxx += weights[i] * dx * dx;
  });
  if (sxx === 0) throw new Error('invalid fit: all points in one year');
  const slope = sxz / sxx;
  return { referenceYear, intercept: zMean - slope * xMean, slope };
}

export function fitAt(fit: Fit, year: number): number {
  return fit.intercept + fit.slope * (year - fit.referenceYear);
}
