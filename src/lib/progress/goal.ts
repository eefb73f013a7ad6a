// The goal: validation, direction, and the value a bounded projection can actually reach.
import { DEFAULT_BASELINE_YEAR, NEAR_BOUND_TOLERANCE } from './constants';
import type { Goal } from './types';

export type ResolvedGoal = {
  value: number;
  /** The value status and projections are compared with: `value`, except a goal at 0 or at the bound (see NEAR_BOUND_TOLERANCE). */
  effectiveValue: number;
  higherIsBetter: boolean;
  upperBound: number | null;
  baselineYear: number;
  horizon: number;
};

export function resolveGoal(goal: Goal): ResolvedGoal {
  if (!goal || !Number.isFinite(goal.value)) throw new Error(`invalid goal value: ${goal?.value}`);
  if (typeof goal.higherIsBetter !== 'boolean') throw new Error(`invalid higherIsBetter: ${goal.higherIsBetter}`);
  if (!Number.isInteger(goal.horizon)) throw new Error(`invalid horizon: ${goal.horizon}`);
  const baselineYear = goal.baselineYear ?? DEFAULT_BASELINE_YEAR;
  if (!Number.isInteger(baselineYear)) throw new Error(`invalid baseline year: ${baselineYear}`);
  if (goal.horizon <= baselineYear) throw new Error(`invalid horizon: ${goal.horizon} (not after baseline ${baselineYear})`);
  const upperBound = goal.upperBound ?? null;
  if (upperBound !== null) {
    if (!(Number.isFinite(upperBound) && upperBound > 0)) throw new Error(`invalid upperBound: ${upperBound}`);
    if (goal.value < 0 || goal.value > upperBound) throw new Error(`invalid goal value: ${goal.value} (outside 0..${upperBound})`);
  }
  return {
    value: goal.value,
    effectiveValue: effectiveGoalValue(goal.value, goal.higherIsBetter, upperBound),
    higherIsBetter: goal.higherIsBetter,
    upperBound,
    baselineYear,
    horizon: goal.horizon
  };
}

/** A bounded projection never reaches 0 or the bound, so "all" (100 %) is met at 99 %, "none" (0 %) at 1 %. */
function effectiveGoalValue(value: number, higherIsBetter: boolean, upperBound: number | null): number {
  if (upperBound === null) return value;
  const margin = NEAR_BOUND_TOLERANCE * upperBound;
  if (higherIsBetter && value > upperBound - margin) return upperBound - margin;
  if (!higherIsBetter && value < margin) return margin;
  return value;
}

/** Whether a value meets the goal (at or beyond it, in the goal's direction). */
export function meetsGoal(value: number, goal: ResolvedGoal): boolean {
  return goal.higherIsBetter ? value >= goal.effectiveValue : value <= goal.effectiveValue;
}

/** d in the formulas: +1 when higher is better, -1 when lower is better. */
export function direction(goal: { higherIsBetter: boolean }): 1 | -1 {
  return goal.higherIsBetter ? 1 : -1;
}
