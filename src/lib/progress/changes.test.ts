import { describe, expect, it } from 'vitest';
import { changesSinceReview, yearOnYear } from './changes';
import type { Goal } from './types';

describe('yearOnYear', () => {
  it('gives the change between consecutive observations and flags gaps', () => {
    const c = yearOnYear([{ year: 2005, value: 12 }, { year: 2003, value: 10 }, { year: 2004, value: 0 }, { year: 2008, value: 3 }]);
    // 2004: 0 - 10 = -10 (-100 %); 2005: 12 - 0 = 12 (no % from 0); 2008: 3 - 12 = -9 over 3 years (-75 %).
    expect(c.map((r) => [r.year, r.change, r.percentChange, r.yearsBetween])).toEqual([
      [2004, -10, -100, 1],
      [2005, 12, null, 1],
      [2008, -9, -75, 3]
    ]);
  });
  it('is empty for fewer than two points', () => {
    expect(yearOnYear([{ year: 2003, value: 1 }])).toEqual([]);
  });
});

describe('changesSinceReview', () => {
  const goal: Goal = { value: 50, higherIsBetter: true, horizon: 2015 };
  const items = [
    // Weights 1, 2, 3 on 10, 12, 16: v^_2015 = 47.8, API 0.945 -> too slow as of 2005 (see assess.test.ts).
    // By 2008 it reached 52 -> met.
    { id: 'fast', goal, series: [{ year: 2003, value: 10 }, { year: 2004, value: 12 }, { year: 2005, value: 16 }, { year: 2008, value: 52 }] },
    // Points on 10 + 2(year - 2003): v^_2015 = 34, API 0.6 -> too slow both times.
    { id: 'steady', goal, series: [{ year: 2003, value: 10 }, { year: 2005, value: 14 }, { year: 2008, value: 20 }] },
    // Last data 2004: as of 2005 on track (slope 10 a year -> 130 by 2015, API 3.0), as of 2008 the gap is 4 years -> insufficient data.
    { id: 'stopped', goal, series: [{ year: 2003, value: 10 }, { year: 2004, value: 20 }] }
  ];
  const result = changesSinceReview(items, 2005);
  it('uses the last year with data as the latest year', () => {
    expect(result.latestYear).toBe(2008);
  });
  it('lists the series whose status changed, with from and to', () => {
    expect(result.changed.map((r) => [r.id, r.from, r.to])).toEqual([
      ['fast', 'too_slow', 'met'],
      ['stopped', 'on_track', 'insufficient_data']
    ]);
    expect(result.rows.find((r) => r.id === 'steady')).toMatchObject({ from: 'too_slow', to: 'too_slow', changed: false });
    expect(result.rows.find((r) => r.id === 'stopped')?.after.reason).toBe('gap_too_old');
  });
  it('fails loudly on bad input', () => {
    expect(() => changesSinceReview(items, 2005, { latestYear: 2004 })).toThrow(/invalid latest year/);
    expect(() => changesSinceReview([items[0], items[0]], 2005)).toThrow(/duplicate id/);
  });
});

describe('changesSinceReview after the horizon', () => {
  const goal: Goal = { value: 50, higherIsBetter: true, horizon: 2015 };
  it('lists a country that went from not_met (2017 review) to met_late (2019) as such, with the year met', () => {
    const items = [
      // Straight line +2 a year: 44 in 2017 (not met, trend reaches 50 in 2020), 52 in 2021.
      { id: 'late', goal, series: [{ year: 2003, value: 16 }, { year: 2010, value: 30 }, { year: 2017, value: 44 }, { year: 2021, value: 52 }] },
      // Met in 2012: met on time at both reviews, unchanged.
      { id: 'early', goal, series: [{ year: 2003, value: 30 }, { year: 2012, value: 55 }, { year: 2021, value: 70 }] }
    ];
    const r = changesSinceReview(items, 2017);
    expect(r.latestYear).toBe(2021);
    expect(r.changed.map((c) => [c.id, c.from, c.to, c.after.firstYearMet])).toEqual([['late', 'not_met', 'met_late', 2021]]);
    expect(r.changed[0].before.projectedYearReached).toBe(2020);
    expect(r.rows.find((c) => c.id === 'early')).toMatchObject({ from: 'met_on_time', to: 'met_on_time', changed: false });
  });
});
