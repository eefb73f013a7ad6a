import { describe, expect, it } from 'vitest';
import { verdictCells } from './verdict-cell';

const series = [
  { year: 2003, value: 10 },
  { year: 2015, value: 40 },
  { year: 2019, value: 53 }
];

describe('verdictCells', () => {
  it('a goal: too slow by 2015 (as of 2015), met late (2019) now', () => {
    const c = verdictCells(series, { goalValue: 50, higherIsBetter: true, upperBound: 100 }, 2015);
    expect(c.byHorizon).toMatchObject({ kind: 'goal', asOf: 2015, horizon: 2015, firstYearMet: null });
    expect(c.now).toMatchObject({ kind: 'goal', status: 'met_late', asOf: 2019, firstYearMet: 2019 });
  });
  it('no goal: the trend verdict as of 2015 and now; 10 -> 53 over 16 years is +11 % a year', () => {
    const c = verdictCells(series, { goalValue: null, higherIsBetter: true, upperBound: null }, 2015);
    expect(c.now).toMatchObject({ kind: 'trend', status: 'significant_progress', asOf: 2019 });
    expect(c.now?.kind === 'trend' && c.now.cagr).toBeCloseTo(Math.pow(5.3, 1 / 16) - 1, 12);
    expect(c.byHorizon).toMatchObject({ kind: 'trend', asOf: 2015 });
  });
  it('no direction or no data: nothing to show', () => {
    expect(verdictCells(series, { goalValue: null, higherIsBetter: null, upperBound: null }, 2015)).toEqual({ byHorizon: null, now: null });
    expect(verdictCells([], { goalValue: 50, higherIsBetter: true, upperBound: 100 }, 2015)).toEqual({ byHorizon: null, now: null });
  });
  it('a series that starts after the horizon has no "by 2015" verdict', () => {
    expect(verdictCells([{ year: 2017, value: 30 }, { year: 2019, value: 40 }], { goalValue: 50, higherIsBetter: true, upperBound: 100 }, 2015).byHorizon).toBeNull();
  });
});
