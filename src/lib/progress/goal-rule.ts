// Goals stated relative to a baseline ("reduce by two thirds between 1990 and 2015", "halve the
// proportion without access"): the goal value is computed per economy from its own baseline
// value, then the series is assessed like any other goal. Pure; worked examples in goal-rule.test.ts.
import { assess, type AssessOptions, type Assessment } from './assess';
import { assessParity } from './parity';
import { findBaseline, sortedSeries, type Baseline } from './series';
import type { Goal, Series } from './types';

/**
 * absolute: the goal is `value` (universal completion 100, parity 1).
 * reduce: the goal is the baseline value reduced by `fraction` (two thirds: 93 -> 31).
 * reduce_shortfall: the distance to `bound` is reduced by `fraction` ("halve the proportion
 * without access": 76 % with access -> 100 - 24 / 2 = 88 %).
 * parity: the series is already a parity index (girls / boys), judged against the parity band
 * PARITY_LOWER..PARITY_UPPER by assessParity, like every parity goal.
 */
export type GoalRule =
  | { kind: 'absolute'; value: number }
  | { kind: 'parity' }
  | { kind: 'reduce'; fraction: number }
  | { kind: 'reduce_shortfall'; fraction: number; bound: number };

export type RuleContext = {
  higherIsBetter: boolean;
  upperBound?: number;
  baselineYear: number;
  horizon: number;
};

/** "2/3" -> 0.666...; a fraction strictly between 0 and 1, or an error naming the text. */
export function parseFraction(text: string): number {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const value = m ? Number(m[1]) / Number(m[2]) : NaN;
  if (!(value > 0 && value < 1)) throw new Error(`invalid fraction: "${text}" (expected n/d between 0 and 1, e.g. 2/3)`);
  return value;
}

/** The rule as read from reference columns (goal_rule, goal_value, goal_fraction); null when there is no numeric goal. */
export function goalRuleFrom(kind: string | null, value: number | null, fraction: string | null, bound = 100): GoalRule | null {
  if (kind === null || kind === '') return null;
  if (kind === 'absolute') {
    if (value === null || !Number.isFinite(value)) throw new Error('absolute goal rule without a goal value');
    return { kind, value };
  }
  if (kind === 'parity') return { kind };
  if (kind === 'reduce') return { kind, fraction: parseFraction(fraction ?? '') };
  if (kind === 'reduce_shortfall') return { kind, fraction: parseFraction(fraction ?? ''), bound };
  throw new Error(`unknown goal rule: ${kind}`);
}

/** The goal value a rule gives for a baseline value (the baseline is ignored by an absolute rule). */
export function goalValueFromRule(rule: GoalRule, baselineValue: number, higherIsBetter: boolean): number {
  if (rule.kind === 'absolute') return rule.value;
  if (rule.kind === 'parity') throw new Error('a parity goal is a band, not one value: use assessAgainstRule');
  if (!Number.isFinite(baselineValue)) throw new Error(`invalid baseline value: ${baselineValue}`);
  if (rule.kind === 'reduce') {
    // Reducing a value is progress only where lower is better (mortality, poverty).
    if (higherIsBetter) throw new Error('a "reduce" goal needs an indicator where lower is better');
    return tidy(baselineValue * (1 - rule.fraction));
  }
  // Shrinking the shortfall to the bound is progress only where higher is better (access to water).
  if (!higherIsBetter) throw new Error('a "reduce_shortfall" goal needs an indicator where higher is better');
  if (baselineValue > rule.bound) throw new Error(`baseline value ${baselineValue} is above the bound ${rule.bound}`);
  return tidy(rule.bound - (rule.bound - baselineValue) * (1 - rule.fraction));
}

/** 93 x (1 - 2/3) is 31.000000000000004 in binary floating point: keep 12 significant digits, far beyond any data's precision. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

export type RuleAssessment = {
  /** The goal the rule gives this economy; null when a relative rule finds no baseline. */
  goal: Goal | null;
  /** The baseline the goal value was computed from (relative rules only). */
  ruleBaseline: Baseline | null;
  /** null when there is no goal (no baseline for a relative rule): the verdict is insufficient data, reason no_baseline. */
  assessment: Assessment | null;
};

/**
 * Assess a series against a rule. A relative rule takes its baseline from the same series (the
 * baseline year or the nearest year with data, within MAX_BASELINE_DISTANCE), so the goal and
 * the progress measured toward it start from the same point.
 */
export function assessAgainstRule(series: Series, rule: GoalRule, context: RuleContext, options: AssessOptions = {}): RuleAssessment {
  const sorted = sortedSeries(series);
  const upper = context.upperBound !== undefined ? { upperBound: context.upperBound } : {};
  const base = { higherIsBetter: context.higherIsBetter, ...upper, baselineYear: context.baselineYear, horizon: context.horizon };
  if (rule.kind === 'absolute') {
    const goal: Goal = { value: rule.value, ...base };
    return { goal, ruleBaseline: null, assessment: assess(sorted, goal, options) };
  }
  if (rule.kind === 'parity') {
    const a = assessParity(sorted, { horizon: context.horizon, baselineYear: context.baselineYear, ...options });
    return { goal: { value: a.goal.value, higherIsBetter: a.goal.higherIsBetter, baselineYear: context.baselineYear, horizon: context.horizon }, ruleBaseline: null, assessment: a };
  }
  // The baseline is the same whatever the as-of year: it lies in the past of every review.
  const ruleBaseline = findBaseline(sorted, context.baselineYear);
  if (ruleBaseline === null) return { goal: null, ruleBaseline: null, assessment: null };
  const goal: Goal = { value: goalValueFromRule(rule, ruleBaseline.value, context.higherIsBetter), ...base };
  return { goal, ruleBaseline, assessment: assess(sorted, goal, options) };
}
