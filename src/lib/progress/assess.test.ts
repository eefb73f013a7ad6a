import { describe, expect, it } from 'vitest';
import { assess, statusFromApi } from './assess';
import { MAX_BASELINE_DISTANCE, MAX_GAP_YEARS, MIN_POINTS, METHOD_VERSION } from './constants';
import type { Goal } from './types';

const goal50: Goal = { value: 50, higherIsBetter: true, horizon: 2015 };
/** Points from [year, value] pairs, in the order given. */
const points = (...pairs: [number, number][]) => pairs.map(([year, value]) => ({ year, value }));

describe('assess: met', () => {
  it('says met and gives the first year the series reached the goal', () => {
    // 20 (2003) -> 35 (2005) -> 52 (2007) -> 61 (2009); goal 50: 2007 is the first value >= 50.
    const a = assess(
      points([2009, 61], [2003, 20], [2005, 35], [2007, 52]),
      goal50
    );
    expect(a.status).toBe('met');
    expect(a.firstYearMet).toBe(2007);
    expect(a.latest).toEqual({ year: 2009, value: 61 });
    expect(a.baseline).toMatchObject({ year: 2003, value: 20, distance: 0 });
    expect(a.reason).toBeNull();
  });

  it('counts a goal "at the bound" as met within 1 % of the bound (99.2 of 100 meets a 100 goal)', () => {
    const a = assess(
      [{ year: 2003, value: 90 }, { year: 2010, value: 99.2 }],
      { value: 100, higherIsBetter: true, upperBound: 100, horizon: 2015 }
    );
    expect(a.goal.effectiveValue).toBe(99); // 100 - 0.01 * 100
    expect(a.status).toBe('met');
    expect(a.firstYearMet).toBe(2010);
  });
});

describe('assess: API by hand', () => {
  // Points 2003: 10, 2004: 12, 2005: 16; goal 50 by 2015; x = year - 2003 = 0, 1, 2.
  // Weights w = 1 + (year - 2003) = 1, 2, 3; Σw = 6.
  // x̄ = (0·1 + 1·2 + 2·3) / 6 = 8/6 = 4/3;  z̄ = (10·1 + 12·2 + 16·3) / 6 = 82/6 = 41/3.
  // Σw·dx·dz = 1·(-4/3)(-11/3) + 2·(-1/3)(-5/3) + 3·(2/3)(7/3) = (44 + 10 + 42)/9 = 32/3.
  // Σw·dx²    = 1·16/9 + 2·1/9 + 3·4/9 = 30/9 = 10/3.   slope = (32/3)/(10/3) = 3.2 a year.
  // intercept (x = 0) = 41/3 - 3.2·4/3 = 9.4;  v^_2015 = 9.4 + 3.2·12 = 47.8.
  // API = (47.8 - 10) / |50 - 10| = 0.945 -> too slow;  CSI = (16 - 10) / 40 = 0.15.
  // Year reached: 9.4 + 3.2x >= 50  <=>  x >= 12.6875  -> x = 13 -> 2016.
  // (Unweighted OLS would give slope 3 and v^_2015 = 46.67: the weighting matters.)
  const a = assess(
    points([2003, 10], [2004, 12], [2005, 16]),
    goal50
  );
  it('computes the weighted fit', () => {
    expect(a.regression?.points.map((p) => p.weight)).toEqual([1, 2, 3]);
    expect(a.regression?.scale).toBe('linear');
    expect(a.regression?.fit.slope).toBeCloseTo(3.2, 10);
    expect(a.regression?.fit.intercept).toBeCloseTo(9.4, 10);
    expect(a.regression?.fit.referenceYear).toBe(2003);
  });
  it('computes the projection, indices and status', () => {
    expect(a.projectedValueAtHorizon).toBeCloseTo(47.8, 10);
    expect(a.api).toBeCloseTo(0.945, 10);
    expect(a.csi).toBeCloseTo(0.15, 10);
    expect(a.status).toBe('too_slow');
    expect(a.projectedYearReached).toBe(2016);
    expect(a.pointsUsed).toBe(3);
  });
  it('reports thresholds and method', () => {
    expect(a.thresholds.minPoints).toBe(MIN_POINTS);
    expect(a.thresholds.apiOnTrack).toBe(1);
    expect(a.method.version).toBe(METHOD_VERSION);
  });
  it('is on track with the mid-point horizon moved to where the trend gets there', () => {
    // Same trend, horizon 2016: v^ = 9.4 + 3.2·13 = 51.0, API = 41/40 = 1.025.
    const b = assess(
      [{ year: 2003, value: 10 }, { year: 2004, value: 12 }, { year: 2005, value: 16 }],
      { ...goal50, horizon: 2016 }
    );
    expect(b.api).toBeCloseTo(1.025, 10);
    expect(b.status).toBe('on_track');
  });
});

describe('assess: regressing', () => {
  // 2003: 30, 2006: 28, 2009: 25; goal 50 by 2015. x = 0, 3, 6; w = 1, 4, 7; Σw = 12.
  // x̄ = (0 + 12 + 42)/12 = 4.5;  z̄ = (30 + 112 + 175)/12 = 317/12.
  // dz = 43/12, 19/12, -17/12;  Σw·dx·dz = -4.5·43/12 - 4·1.5·19/12 - 7·1.5·17/12 = -486/12 = -40.5.
  // Σw·dx² = 20.25 + 4·2.25 + 7·2.25 = 45;  slope = -0.9.
  // v^_2015 = 317/12 - 0.9·(12 - 4.5) = 317/12 - 81/12 = 59/3;  API = (59/3 - 30)/20 = -31/60.
  const a = assess(
    points([2003, 30], [2006, 28], [2009, 25]),
    goal50
  );
  it('has a negative API and no projected year', () => {
    expect(a.regression?.fit.slope).toBeCloseTo(-0.9, 10);
    expect(a.projectedValueAtHorizon).toBeCloseTo(59 / 3, 10);
    expect(a.api).toBeCloseTo(-31 / 60, 10);
    expect(a.csi).toBeCloseTo(-0.25, 10); // (25 - 30)/20
    expect(a.status).toBe('regressing');
    expect(a.projectedYearReached).toBeNull();
  });
  it('works for lower-is-better goals (d = -1)', () => {
    // Mirror image: a cost falling from 30 to 25 with a goal of 10: v^ = 59/3, API = -(59/3 - 30)/20 = 31/60.
    const b = assess(a.regression!.points.map(({ year, value }) => ({ year, value })), {
      value: 10,
      higherIsBetter: false,
      horizon: 2015
    });
    expect(b.api).toBeCloseTo(31 / 60, 10);
    expect(b.status).toBe('too_slow');
  });
  it('says regressing when the goal was met at baseline and lost since', () => {
    const b = assess([{ year: 2003, value: 55 }, { year: 2008, value: 45 }], goal50);
    expect(b.status).toBe('regressing');
    expect(b.api).toBeNull();
    expect(b.note).toContain('2003');
  });
});

describe('assess: insufficient data', () => {
  it('gap_too_old: latest point more than MAX_GAP_YEARS before asOf', () => {
    const s = [{ year: 2003, value: 10 }, { year: 2005, value: 14 }, { year: 2008, value: 20 }];
    expect(MAX_GAP_YEARS).toBe(3);
    // asOf 2012: 2012 - 2008 = 4 > 3.
    const a = assess(s, goal50, { asOf: 2012 });
    expect(a.status).toBe('insufficient_data');
    expect(a.reason).toBe('gap_too_old');
    expect(a.latest).toEqual({ year: 2008, value: 20 });
    // asOf 2011: gap exactly 3 is allowed.
    expect(assess(s, goal50, { asOf: 2011 }).status).not.toBe('insufficient_data');
  });

  it('too_few_points: a single point', () => {
    const a = assess([{ year: 2003, value: 10 }], goal50);
    expect(a.status).toBe('insufficient_data');
    expect(a.reason).toBe('too_few_points');
    expect(a.pointsUsed).toBe(1);
    expect(a.api).toBeNull();
  });

  it('no_baseline: nearest year further than MAX_BASELINE_DISTANCE', () => {
    expect(MAX_BASELINE_DISTANCE).toBe(3);
    const a = assess([{ year: 2007, value: 10 }, { year: 2009, value: 12 }], goal50); // 2007 - 2003 = 4
    expect(a.reason).toBe('no_baseline');
    expect(a.baseline).toBeNull();
    expect(assess([], goal50).reason).toBe('no_baseline');
  });

  it('asOf ignores later points', () => {
    const a = assess([{ year: 2003, value: 10 }, { year: 2004, value: 12 }, { year: 2010, value: 60 }], goal50, { asOf: 2005 });
    expect(a.latest).toEqual({ year: 2004, value: 12 });
    expect(a.status).not.toBe('met');
  });
});

describe('assess: baseline from the nearest year', () => {
  it('uses 2004 when 2003 is missing, and says how far', () => {
    const a = assess([{ year: 2004, value: 10 }, { year: 2006, value: 14 }, { year: 2008, value: 18 }], goal50);
    expect(a.baseline).toEqual({ year: 2004, value: 10, requestedYear: 2003, distance: 1 });
    // Weights count from the baseline actually used: 1, 3, 5.
    expect(a.regression?.points.map((p) => p.weight)).toEqual([1, 3, 5]);
    // Points lie on 10 + 2(year - 2004): v^_2015 = 32, API = (32 - 10)/40 = 0.55.
    expect(a.api).toBeCloseTo(0.55, 10);
  });
  it('prefers the later year on a tie (2002 and 2004 -> 2004) and ignores points before it', () => {
    const a = assess([{ year: 2002, value: 5 }, { year: 2004, value: 10 }, { year: 2006, value: 14 }], goal50);
    expect(a.baseline?.year).toBe(2004);
    expect(a.pointsUsed).toBe(2);
  });
});

describe('assess: bounded projection', () => {
  // Share of 100: 50 (2003) -> 80 (2008); goal 95 by 2015.
  // Linear: +6 a year -> 122 in 2015, past the bound. Logit: z = ln(p/(1-p)): 0 and ln 4.
  // Two points: the line goes through both whatever the weights: slope = ln4/5 = 0.277259.
  // z_2015 = 12·ln4/5 = 2.4·ln4 = ln(4^2.4) = ln 27.8576;  p = 27.8576/28.8576 = 0.965347.
  // API = (96.5347 - 50)/(95 - 50) = 1.03410 -> on track.
  // Year reached: p >= 0.95 <=> z >= ln 19 = 2.944439 <=> x >= 2.944439/0.277259 = 10.62 -> 2014.
  const series = [{ year: 2003, value: 50 }, { year: 2008, value: 80 }];
  const a = assess(series, { value: 95, higherIsBetter: true, upperBound: 100, horizon: 2015 });
  it('stays below the bound', () => {
    expect(a.regression?.scale).toBe('logit');
    expect(a.projectedValueAtHorizon).toBeCloseTo(96.5347, 3);
    expect(a.projectedValueAtHorizon!).toBeLessThan(100);
    expect(a.api).toBeCloseTo(1.0341, 4);
    expect(a.status).toBe('on_track');
    expect(a.projectedYearReached).toBe(2014);
    // Far out it still stays below 100.
    expect(assess(series, { value: 95, higherIsBetter: true, upperBound: 100, horizon: 2100 }).projectedValueAtHorizon!).toBeLessThan(100);
  });
  it('reaches a goal of 100 (effective 99) in 2020', () => {
    // z >= ln 99 = 4.59512 <=> x >= 4.59512/0.277259 = 16.57 -> 2020.
    const b = assess(series, { value: 100, higherIsBetter: true, upperBound: 100, horizon: 2015 });
    expect(b.projectedYearReached).toBe(2020);
    // API against 99: (96.5347 - 50)/49 = 0.94969 -> too slow.
    expect(b.api).toBeCloseTo(0.94969, 4);
    expect(b.status).toBe('too_slow');
  });
  it('rejects values outside the bound', () => {
    expect(() => assess([{ year: 2003, value: 50 }, { year: 2004, value: 101 }], { value: 90, higherIsBetter: true, upperBound: 100, horizon: 2015 })).toThrow(/outside/);
  });
});

describe('assess: invalid input fails loudly', () => {
  it('throws', () => {
    expect(() => assess([{ year: 2003, value: NaN }], goal50)).toThrow(/invalid value/);
    expect(() => assess([{ year: 2003.5, value: 1 }], goal50)).toThrow(/invalid year/);
    expect(() => assess([{ year: 2003, value: 1 }, { year: 2003, value: 2 }], goal50)).toThrow(/duplicate year/);
    expect(() => assess([], { ...goal50, horizon: 2001 })).toThrow(/invalid horizon/);
    expect(() => assess([], { ...goal50, horizon: 2015.5 })).toThrow(/invalid horizon/);
    expect(() => statusFromApi(NaN)).toThrow(/invalid API/);
  });
});
