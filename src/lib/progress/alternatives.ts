// Two other published verdicts on the same series (PROGRESS.md), so a page can show how the verdict depends on the method.
import {
  STATCAN_LIMITED,
  STATCAN_MODERATE,
  STATCAN_SUBSTANTIAL,
  UNSD_FAIR_PROGRESS,
  UNSD_ON_TRACK
} from './constants';
import { direction, meetsGoal, resolveGoal } from './goal';
import { checkBounds, findBaseline, latestPoint, pointsAsOf, sortedSeries } from './series';
import type { Goal, Series } from './types';

export type UnsdVerdict = 'met' | 'on_track' | 'fair_progress' | 'stagnation_or_regression' | 'insufficient_data';
export type StatcanVerdict = 'target_achieved' | 'substantial' | 'moderate' | 'limited' | 'deterioration' | 'insufficient_data';

/** Base year b, latest year t, target year T and their values, plus the growth rates each method uses. */
export type GrowthWorking = {
  baseYear: number;
  baseValue: number;
  latestYear: number;
  latestValue: number;
  targetYear: number;
  targetValue: number;
  /** CAGR_a (UNSD) = CAGR_o (StatCan) = (v_t / v_b)^(1/(t - b)) - 1. */
  actualGrowth: number;
};

export type AlternativeVerdict<V> = {
  method: string;
  source: string;
  /** rho (UNSD) or R (Statistics Canada); null when the method cannot be applied. */
  ratio: number | null;
  verdict: V;
  /** Why the method cannot be applied; null otherwise. */
  reason: string | null;
  working: (GrowthWorking & { expectedValue?: number; requiredGrowth?: number }) | null;
  thresholds: Record<string, number>;
};

export type AlternativeVerdicts = {
  unsd: AlternativeVerdict<UnsdVerdict>;
  statcan: AlternativeVerdict<StatcanVerdict>;
};

const UNSD = {
  method: 'UNSD Progress Chart (rho)',
  source: 'UN Statistics Division, SDG Progress Chart technical notes',
  thresholds: { onTrack: UNSD_ON_TRACK, fairProgress: UNSD_FAIR_PROGRESS }
};
const STATCAN = {
  method: 'Statistics Canada (R)',
  source: 'Statistics Canada, as in Open SDG sdg-build ProgressMeasure',
  thresholds: { substantial: STATCAN_SUBSTANTIAL, moderate: STATCAN_MODERATE, limited: STATCAN_LIMITED }
};

/**
 * One method's verdict: its own word for a goal already met, else from the ratio, else
 * insufficient data with the reason the ratio cannot be computed.
 */
function judged<V extends string>(
  method: Pick<AlternativeVerdict<V>, 'method' | 'source' | 'thresholds'>,
  ratio: number | null,
  metVerdict: V | null,
  verdictOf: (ratio: number) => V,
  noRatio: string,
  working: AlternativeVerdict<V>['working']
): AlternativeVerdict<V | 'insufficient_data'> {
  const verdict = metVerdict ?? (ratio === null ? 'insufficient_data' : verdictOf(ratio));
  return { ...method, ratio, verdict, reason: metVerdict !== null || ratio !== null ? null : noRatio, working };
}

/**
 * UNSD rho = (v_e - v_b)/(v_T - v_b) with v_e = v_t (1 + CAGR_a)^(T - t), and Statistics Canada
 * R = sign(v_b) d CAGR_o / |CAGR_r| with CAGR_r = (v_T / v_b)^(1/(T - b)) - 1. Same baseline and
 * latest as assess() (nearest year rule, asOf cut); a latest value meeting the goal counts as met.
 */
export function alternativeVerdicts(series: Series, goal: Goal, options: { asOf?: number } = {}): AlternativeVerdicts {
  const g = resolveGoal(goal);
  const points = pointsAsOf(checkBounds(sortedSeries(series), g.upperBound), options.asOf);
  const base = findBaseline(points, g.baselineYear);
  const latest = latestPoint(points);
  const fail = (reason: string): AlternativeVerdicts => ({
    unsd: { ...UNSD, ratio: null, verdict: 'insufficient_data', reason, working: null },
    statcan: { ...STATCAN, ratio: null, verdict: 'insufficient_data', reason, working: null }
  });
  if (base === null || latest === null) return fail('no baseline within the allowed distance');
  if (latest.year <= base.year) return fail('fewer than two points');
  if (!(base.value > 0 && latest.value > 0)) return fail('growth rates need positive values');

  const [b, t, T] = [base.year, latest.year, g.horizon];
  const [vb, vt, vT] = [base.value, latest.value, g.value];
  const actualGrowth = (vt / vb) ** (1 / (t - b)) - 1;
  const working: GrowthWorking = { baseYear: b, baseValue: vb, latestYear: t, latestValue: vt, targetYear: T, targetValue: vT, actualGrowth };
  const met = meetsGoal(vt, g);

  const expectedValue = vt * (1 + actualGrowth) ** (T - t);
  const rho = vT === vb ? null : (expectedValue - vb) / (vT - vb);
  const unsd = judged(UNSD, rho, met ? 'met' : null, unsdVerdict, 'target equals the base value', { ...working, expectedValue });

  // A negative target has no growth rate from a positive base (NaN): R is then not applicable.
  const requiredGrowth = (vT / vb) ** (1 / (T - b)) - 1;
  const R = requiredGrowth === 0 || !Number.isFinite(requiredGrowth) ? null : (Math.sign(vb) * direction(g) * actualGrowth) / Math.abs(requiredGrowth);
  const statcan = judged(STATCAN, R, met ? 'target_achieved' : null, statcanVerdict, 'no required growth rate (target equals the base value, or is negative)', { ...working, requiredGrowth });
  return { unsd, statcan };
}

export function unsdVerdict(rho: number): UnsdVerdict {
  if (!Number.isFinite(rho)) throw new Error(`invalid rho: ${rho}`);
  if (rho >= UNSD_ON_TRACK) return 'on_track';
  if (rho >= UNSD_FAIR_PROGRESS) return 'fair_progress';
  return 'stagnation_or_regression';
}

export function statcanVerdict(R: number): StatcanVerdict {
  if (!Number.isFinite(R)) throw new Error(`invalid R: ${R}`);
  if (R >= STATCAN_SUBSTANTIAL) return 'substantial';
  if (R >= STATCAN_MODERATE) return 'moderate';
  if (R >= STATCAN_LIMITED) return 'limited';
  return 'deterioration';
}
