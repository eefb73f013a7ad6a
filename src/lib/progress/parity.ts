// Parity goals: the ratio of one group's value to another's (women / men, rural / urban) per
// year, assessed like any goal against the parity band [PARITY_LOWER, PARITY_UPPER]: an index
// below the band must rise to PARITY_LOWER, one above it must fall to PARITY_UPPER. The goal
// verdict (assess) then says met / on_track / ... or, after the horizon, met_on_time / met_late / not_met.
import { assess, type Assessment } from './assess';
import { PARITY_LOWER, PARITY_UPPER } from './constants';
import { sortedSeries } from './series';
import type { Series } from './types';

/** numerator / denominator for each year both have, the denominator positive; a year in only one is left out (no index can be formed). */
export function parityIndex(numerator: Series, denominator: Series): Series {
  const den = new Map(sortedSeries(denominator).map((p) => [p.year, p.value]));
  return sortedSeries(numerator).flatMap((p) => {
    const d = den.get(p.year);
    if (d === undefined) return [];
    if (!(d > 0)) throw new Error(`invalid parity denominator for ${p.year}: ${d}`);
    if (p.value < 0) throw new Error(`invalid parity numerator for ${p.year}: ${p.value}`);
    return [{ year: p.year, value: p.value / d }];
  });
}

export type ParityAssessment = Assessment & {
  band: { lower: number; upper: number };
  /** Which side of parity the latest index is on: below (favours the denominator group), within, or above. */
  side: 'below' | 'within' | 'above' | null;
};

export function assessParity(index: Series, options: { horizon: number; asOf?: number; baselineYear?: number }): ParityAssessment {
  const sorted = sortedSeries(index).filter((p) => options.asOf === undefined || p.year <= options.asOf);
  const latest = sorted.at(-1) ?? null;
  const side = latest === null ? null : latest.value < PARITY_LOWER ? 'below' : latest.value > PARITY_UPPER ? 'above' : 'within';
  // Above the band the goal is to come down to its upper edge; otherwise up to its lower edge.
  const goal =
    side === 'above'
      ? { value: PARITY_UPPER, higherIsBetter: false, horizon: options.horizon }
      : { value: PARITY_LOWER, higherIsBetter: true, horizon: options.horizon };
  const a = assess(index, { ...goal, ...(options.baselineYear != null ? { baselineYear: options.baselineYear } : {}) }, options.asOf !== undefined ? { asOf: options.asOf } : {});
  return { ...a, band: { lower: PARITY_LOWER, upper: PARITY_UPPER }, side };
}
