// verdictFor(series, catalog entry): which verdict an indicator gets, decided by its catalog
// properties alone, so a new series needs no new code. A goal -> the goal verdict (assess);
// no goal but a direction -> the trend verdict (assessTrend); no direction (population, rural
// share: context, not something to judge) -> no verdict.
import { assess, type Assessment } from './assess';
import { assessTrend, type TrendAssessment } from './trend';
import type { Series } from './types';

export type CatalogEntry = {
  /** The numeric goal, in the indicator's unit; null when the target sets none. */
  goalValue: number | null;
  /** Direction of improvement; null when the indicator is not one to judge (context series). */
  higherIsBetter: boolean | null;
  upperBound: number | null;
  baselineYear?: number;
};

export type Verdict =
  | { kind: 'goal'; assessment: Assessment }
  | { kind: 'trend'; trend: TrendAssessment }
  | { kind: 'none'; reason: 'no_direction' };

export function verdictFor(series: Series, entry: CatalogEntry, options: { horizon: number; asOf?: number }): Verdict {
  const asOf = options.asOf !== undefined ? { asOf: options.asOf } : {};
  if (entry.goalValue != null) {
    if (entry.higherIsBetter === null) throw new Error(`a goal (${entry.goalValue}) needs a direction`);
    const goal = {
      value: entry.goalValue,
      higherIsBetter: entry.higherIsBetter,
      horizon: options.horizon,
      ...(entry.upperBound != null ? { upperBound: entry.upperBound } : {}),
      ...(entry.baselineYear != null ? { baselineYear: entry.baselineYear } : {})
    };
    return { kind: 'goal', assessment: assess(series, goal, asOf) };
  }
  if (entry.higherIsBetter === null) return { kind: 'none', reason: 'no_direction' };
  return {
    kind: 'trend',
    trend: assessTrend(series, { higherIsBetter: entry.higherIsBetter, ...asOf, ...(entry.baselineYear != null ? { baselineYear: entry.baselineYear } : {}) })
  };
}
