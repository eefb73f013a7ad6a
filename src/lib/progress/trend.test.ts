// Eurostat's trend verdict for indicators without a numeric goal, on hand-made series.
import { describe, expect, it } from 'vitest';
import { assessTrend, trendStatusFromGrowth } from './trend';
import { verdictFor } from './verdict';
import type { Series } from './types';

const s = (pairs: [number, number][]): Series => pairs.map(([year, value]) => ({ year, value }));

describe('assessTrend (Eurostat CAGR thresholds)', () => {
  it('significant progress: 10 -> 20 over 2003-2013 is 2^(1/10) - 1 = 7.18 % a year', () => {
    const t = assessTrend(s([[2003, 10], [2008, 14], [2013, 20]]), { higherIsBetter: true });
    expect(t.cagr).toBeCloseTo(Math.pow(2, 0.1) - 1, 12);
    expect(t.cagr).toBeCloseTo(0.0718, 4);
    expect(t).toMatchObject({ kind: 'trend', status: 'significant_progress', reason: null, asOf: 2013 });
    expect(t.baseline).toMatchObject({ year: 2003, value: 10 });
  });

  it('moderate progress: 100 -> 105 over 10 years is 0.49 % a year', () => {
    const t = assessTrend(s([[2003, 100], [2013, 105]]), { higherIsBetter: true });
    expect(t.cagr).toBeCloseTo(0.00489, 5);
    expect(t.status).toBe('moderate_progress');
  });

  it('direction-aware: a fall of 0.5 % a year is moderate movement away when higher is better, moderate progress when lower is better', () => {
    const falling = s([[2003, 100], [2013, 100 * Math.pow(0.995, 10)]]);
    expect(assessTrend(falling, { higherIsBetter: true }).status).toBe('moderate_movement_away');
    const lower = assessTrend(falling, { higherIsBetter: false });
    expect(lower.status).toBe('moderate_progress');
    expect(lower.directedCagr).toBeCloseTo(0.005, 12);
  });

  it('significant movement away: fixed telephones 20 -> 11 per 100 over 2005-2022 (-3.5 % a year)', () => {
    const t = assessTrend(s([[2005, 20], [2022, 11]]), { higherIsBetter: true });
    expect(t.cagr).toBeCloseTo(Math.pow(11 / 20, 1 / 17) - 1, 12);
    expect(t.status).toBe('significant_movement_away');
  });

  it('thresholds at the boundaries: +1 % is significant, 0 % moderate progress, -1 % significant movement away', () => {
    expect(trendStatusFromGrowth(0.01)).toBe('significant_progress');
    expect(trendStatusFromGrowth(0.0099)).toBe('moderate_progress');
    expect(trendStatusFromGrowth(0)).toBe('moderate_progress');
    expect(trendStatusFromGrowth(-0.0001)).toBe('moderate_movement_away');
    expect(trendStatusFromGrowth(-0.01)).toBe('significant_movement_away');
    expect(() => trendStatusFromGrowth(NaN)).toThrow(/invalid growth rate/);
  });

  it('insufficient data: no baseline, one point, stale latest, zero values', () => {
    expect(assessTrend(s([[2010, 5], [2012, 6]]), { higherIsBetter: true }).reason).toBe('no_baseline');
    expect(assessTrend(s([[2003, 5]]), { higherIsBetter: true }).reason).toBe('too_few_points');
    expect(assessTrend(s([[2003, 5], [2006, 6]]), { higherIsBetter: true, asOf: 2010 }).reason).toBe('gap_too_old');
    expect(assessTrend(s([[2003, 0], [2008, 6]]), { higherIsBetter: true }).reason).toBe('not_positive');
  });

  it('as of a past year, later points are ignored', () => {
    const t = assessTrend(s([[2003, 10], [2008, 20], [2013, 5]]), { higherIsBetter: true, asOf: 2008 });
    expect(t.latest).toEqual({ year: 2008, value: 20 });
    expect(t.status).toBe('significant_progress');
  });
});

describe('verdictFor: the catalog decides which verdict', () => {
  const series = s([[2003, 10], [2015, 40], [2019, 53]]);
  it('a goal -> the goal verdict, with the time-aware status', () => {
    const v = verdictFor(series, { goalValue: 50, higherIsBetter: true, upperBound: 100 }, { horizon: 2015 });
    expect(v.kind).toBe('goal');
    if (v.kind === 'goal') expect(v.assessment).toMatchObject({ status: 'met_late', firstYearMet: 2019 });
  });
  it('no goal but a direction -> the trend verdict', () => {
    const v = verdictFor(series, { goalValue: null, higherIsBetter: true, upperBound: null }, { horizon: 2015, asOf: 2015 });
    expect(v.kind).toBe('trend');
    if (v.kind === 'trend') expect(v.trend).toMatchObject({ status: 'significant_progress', asOf: 2015 });
  });
  it('no direction (a context series such as population) -> no verdict', () => {
    expect(verdictFor(series, { goalValue: null, higherIsBetter: null, upperBound: null }, { horizon: 2015 })).toEqual({ kind: 'none', reason: 'no_direction' });
  });
  it('a goal without a direction is a catalog error', () => {
    expect(() => verdictFor(series, { goalValue: 50, higherIsBetter: null, upperBound: null }, { horizon: 2015 })).toThrow(/needs a direction/);
  });
});
