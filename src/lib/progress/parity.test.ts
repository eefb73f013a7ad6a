// Parity index and its verdict against the 0.97-1.03 band, on hand-made series.
import { describe, expect, it } from 'vitest';
import { assessParity, parityIndex } from './parity';
import type { Series } from './types';

const s = (pairs: [number, number][]): Series => pairs.map(([year, value]) => ({ year, value }));

describe('parityIndex', () => {
  it('divides year by year and leaves out years only one group has', () => {
    expect(parityIndex(s([[2010, 30], [2012, 45], [2013, 50]]), s([[2010, 40], [2012, 50]]))).toEqual(s([[2010, 0.75], [2012, 0.9]]));
  });
  it('refuses a zero denominator', () => {
    expect(() => parityIndex(s([[2010, 1]]), s([[2010, 0]]))).toThrow(/invalid parity denominator for 2010: 0/);
  });
});

describe('assessParity', () => {
  it('within the band is met, whatever the trend', () => {
    const a = assessParity(s([[2003, 0.8], [2012, 0.98]]), { horizon: 2015, asOf: 2012 });
    expect(a).toMatchObject({ status: 'met', side: 'within', band: { lower: 0.97, upper: 1.03 } });
  });
  it('women behind men: the index must rise to 0.97; a straight line 0.70 -> 0.94 (+0.02 a year) reaches it in 2016', () => {
    // 0.70 (2003), 0.82 (2009), 0.94 (2015): slope 0.02 a year; 0.97 at x = 13.5 -> 2017 (first whole year at or above).
    const a = assessParity(s([[2003, 0.7], [2009, 0.82], [2015, 0.94]]), { horizon: 2015 });
    expect(a.side).toBe('below');
    expect(a.goal.value).toBe(0.97);
    expect(a.status).toBe('too_slow');
    expect(a.projectedYearReached).toBe(2017);
  });
  it('after the horizon: parity first reached in 2018 is met late', () => {
    const a = assessParity(s([[2003, 0.7], [2015, 0.9], [2018, 0.97], [2020, 0.99]]), { horizon: 2015 });
    expect(a).toMatchObject({ status: 'met_late', firstYearMet: 2018 });
  });
  it('above the band (disparity favouring women) the goal is to come down to 1.03', () => {
    const a = assessParity(s([[2003, 1.2], [2010, 1.1]]), { horizon: 2015, asOf: 2010 });
    expect(a.side).toBe('above');
    expect(a.goal).toMatchObject({ value: 1.03, higherIsBetter: false });
    expect(a.status).toBe('on_track');
  });
  it('one year of data: within the band as of 2015 is met; after the horizon nobody knows when it was reached; outside it, no baseline', () => {
    expect(assessParity(s([[2014, 0.99]]), { horizon: 2015, asOf: 2015 }).status).toBe('met');
    expect(assessParity(s([[2017, 0.99]]), { horizon: 2015 })).toMatchObject({ status: 'insufficient_data', reason: 'met_year_unknown' });
    expect(assessParity(s([[2017, 0.85]]), { horizon: 2030 })).toMatchObject({ status: 'insufficient_data', reason: 'no_baseline' });
  });
});
