// The time-aware verdict: after the target year the question is "was it met, and when?",
// up to it "will it be met in time?". Hand-made series, worked by hand in METHOD.md section 6.
import { describe, expect, it } from 'vitest';
import { assess } from './assess';
import { verdictText } from './labels';
import type { Goal, Series } from './types';

const goal50: Goal = { value: 50, higherIsBetter: true, horizon: 2015 };
const s = (pairs: [number, number][]): Series => pairs.map(([year, value]) => ({ year, value }));

describe('assess after the horizon', () => {
  it('met_on_time: first reached in or before the horizon year', () => {
    const a = assess(s([[2003, 10], [2008, 30], [2012, 55], [2016, 60]]), goal50);
    expect(a).toMatchObject({ status: 'met_on_time', phase: 'after_horizon', asOf: 2016, horizon: 2015, firstYearMet: 2012, reason: null });
    expect(verdictText(a)).toBe('Met on time (2012)');
  });

  it('met_on_time when the goal is reached exactly in the horizon year', () => {
    const a = assess(s([[2003, 10], [2015, 50], [2017, 60]]), goal50);
    expect(a.status).toBe('met_on_time');
    expect(a.firstYearMet).toBe(2015);
  });

  it('met_late: missed in 2015, reached in 2018; as of 2015 the trend said too slow, projected 2019', () => {
    const series = s([[2003, 10], [2009, 20], [2015, 40], [2018, 52]]);
    const late = assess(series, goal50);
    expect(late).toMatchObject({ status: 'met_late', firstYearMet: 2018, asOf: 2018, horizon: 2015, phase: 'after_horizon' });
    expect(verdictText(late)).toBe('Met late (2018)');

    // As of the horizon year itself the by-horizon vocabulary still applies. Weights 1, 7, 13 at
    // x = 0, 6, 12: x̄ = 198/21, z̄ = 670/21, slope = 762.86 / 257.14 = 2.9667, fitted 2015 = 39.53,
    // API = (39.53 - 10) / 40 = 0.738 -> too slow; 50 is reached at x >= 15.53, i.e. in 2019.
    const atHorizon = assess(series, goal50, { asOf: 2015 });
    expect(atHorizon.phase).toBe('by_horizon');
    expect(atHorizon.status).toBe('too_slow');
    expect(atHorizon.api).toBeCloseTo(0.738, 3);
    expect(atHorizon.projectedYearReached).toBe(2019);
    expect(atHorizon.firstYearMet).toBeNull();
  });

  it('not_met with the year the trend reaches the goal: a straight line of +2 a year from 40 in 2018 reaches 50 in 2023', () => {
    const a = assess(s([[2003, 10], [2008, 20], [2013, 30], [2018, 40]]), goal50);
    expect(a).toMatchObject({ status: 'not_met', phase: 'after_horizon', firstYearMet: null, projectedYearReached: 2023, asOf: 2018 });
    expect(a.regression?.fit.slope).toBeCloseTo(2, 10);
    expect(verdictText(a)).toBe('Not met by 2015 (trend reaches it in 2023)');
  });

  it('not_met, not in sight, when the trend moves away', () => {
    const a = assess(s([[2003, 30], [2006, 28], [2009, 25], [2016, 22]]), goal50);
    expect(a.status).toBe('not_met');
    expect(a.projectedYearReached).toBeNull();
    expect(verdictText(a)).toBe('Not met by 2015 (not in sight)');
  });

  it('not_met without a baseline: no projection, and a note saying why', () => {
    const a = assess(s([[2010, 20], [2012, 25], [2016, 30]]), goal50);
    expect(a.status).toBe('not_met');
    expect(a.projectedYearReached).toBeNull();
    expect(a.note).toMatch(/project/);
  });

  it('met after the horizon with no data from the horizon year until then: when it was met is unknown, so neither on time nor late', () => {
    const a = assess(s([[2003, 10], [2012, 40], [2018, 55]]), goal50);
    expect(a).toMatchObject({ status: 'insufficient_data', reason: 'met_year_unknown', firstYearMet: 2018 });
    expect(a.note).toBe('Met in 2018; with no data between 2012 and 2018, the data do not say whether it was met by 2015.');
    // An observation in the horizon year that is still short makes it late.
    expect(assess(s([[2003, 10], [2015, 40], [2018, 55]]), goal50).status).toBe('met_late');
  });

  it('insufficient data when the latest point is too old to say the goal has not been met since', () => {
    const a = assess(s([[2003, 10], [2010, 20]]), goal50, { asOf: 2016 });
    expect(a).toMatchObject({ status: 'insufficient_data', reason: 'gap_too_old', phase: 'after_horizon' });
  });

  it('a goal met before the horizon stays met on time however old the data', () => {
    const a = assess(s([[2003, 40], [2009, 52]]), goal50, { asOf: 2020 });
    expect(a).toMatchObject({ status: 'met_on_time', firstYearMet: 2009 });
  });

  it('met on time and since lost: the status says when it was met, the note says it was lost', () => {
    const a = assess(s([[2003, 40], [2012, 52], [2017, 45]]), goal50);
    expect(a.status).toBe('met_on_time');
    expect(a.note).toMatch(/First met in 2012, but the latest value \(2017\) no longer meets the goal/);
  });

  it('lower is better: first at or below the goal after the horizon is met_late', () => {
    const a = assess(s([[2003, 80], [2010, 60], [2015, 55], [2017, 45]]), { value: 50, higherIsBetter: false, horizon: 2015 });
    expect(a).toMatchObject({ status: 'met_late', firstYearMet: 2017 });
  });

  it('as of a year up to the horizon, a met goal is "met" (the deadline has not passed yet)', () => {
    const series = s([[2003, 10], [2008, 30], [2012, 55], [2016, 60]]);
    expect(assess(series, goal50, { asOf: 2012 })).toMatchObject({ status: 'met', phase: 'by_horizon', asOf: 2012, firstYearMet: 2012 });
    expect(assess(series, goal50, { asOf: 2015 })).toMatchObject({ status: 'met', phase: 'by_horizon', asOf: 2015 });
    expect(assess(series, goal50, { asOf: 2016 })).toMatchObject({ status: 'met_on_time', phase: 'after_horizon' });
  });

  it('no data at all up to the as-of year is insufficient in either phase', () => {
    expect(assess(s([[2018, 60]]), goal50, { asOf: 2016 })).toMatchObject({ status: 'insufficient_data', reason: 'no_baseline' });
    expect(assess([], goal50)).toMatchObject({ status: 'insufficient_data', reason: 'no_baseline' });
  });
});
