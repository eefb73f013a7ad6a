import { describe, expect, it } from 'vitest';
import { assessAgainstRule, goalRuleFrom, goalValueFromRule, parseFraction } from './goal-rule';

describe('parseFraction', () => {
  it('reads n/d between 0 and 1', () => {
    expect(parseFraction('1/2')).toBe(0.5);
    expect(parseFraction('3/4')).toBe(0.75);
    expect(parseFraction(' 2 / 3 ')).toBe(2 / 3);
  });
  it.each(['3/2', '0/3', '1/1', '2:3', '', 'two thirds'])('refuses "%s"', (t) => {
    expect(() => parseFraction(t)).toThrow(`invalid fraction: "${t}"`);
  });
});

describe('goalValueFromRule, by hand', () => {
  it('reduce by two thirds: under-five mortality 93 per 1,000 in 1990 -> 31', () => {
    expect(goalValueFromRule({ kind: 'reduce', fraction: 2 / 3 }, 93, false)).toBe(31); // not 31.000000000000004
  });
  it('reduce by three quarters: 400 -> 100; halve: 37.8 -> 18.9', () => {
    expect(goalValueFromRule({ kind: 'reduce', fraction: 0.75 }, 400, false)).toBe(100);
    expect(goalValueFromRule({ kind: 'reduce', fraction: 0.5 }, 37.8, false)).toBe(18.9);
  });
  it('halve the shortfall: 76 % with safe water in 1990 -> 100 - 24 / 2 = 88 %', () => {
    expect(goalValueFromRule({ kind: 'reduce_shortfall', fraction: 0.5, bound: 100 }, 76, true)).toBe(88);
  });
  it('absolute ignores the baseline', () => {
    expect(goalValueFromRule({ kind: 'absolute', value: 100 }, 81.3, true)).toBe(100);
  });
  it('refuses a direction the rule cannot mean', () => {
    expect(() => goalValueFromRule({ kind: 'reduce', fraction: 0.5 }, 50, true)).toThrow('lower is better');
    expect(() => goalValueFromRule({ kind: 'reduce_shortfall', fraction: 0.5, bound: 100 }, 50, false)).toThrow('higher is better');
  });
});

describe('goalRuleFrom (reference columns)', () => {
  it('reads the three rules and no rule', () => {
    expect(goalRuleFrom('reduce', null, '2/3')).toEqual({ kind: 'reduce', fraction: 2 / 3 });
    expect(goalRuleFrom('reduce_shortfall', null, '1/2')).toEqual({ kind: 'reduce_shortfall', fraction: 0.5, bound: 100 });
    expect(goalRuleFrom('absolute', 1, null)).toEqual({ kind: 'absolute', value: 1 });
    expect(goalRuleFrom('parity', null, null)).toEqual({ kind: 'parity' });
    expect(goalRuleFrom(null, null, null)).toBeNull();
    expect(() => goalRuleFrom('halve', null, '1/2')).toThrow('unknown goal rule: halve');
  });
});

describe('assessAgainstRule', () => {
  const ctx = { higherIsBetter: false, baselineYear: 1990, horizon: 2015 };
  const twoThirds = { kind: 'reduce', fraction: 2 / 3 } as const;

  it('computes the goal from the economy\'s own 1990 value and assesses toward it', () => {
    // 90 (1990) -> 60 (2000) -> 30 (2010): goal 90 / 3 = 30, first met in 2010.
    const r = assessAgainstRule([{ year: 1990, value: 90 }, { year: 2000, value: 60 }, { year: 2010, value: 30 }], twoThirds, ctx);
    expect(r.goal?.value).toBeCloseTo(30, 10);
    expect(r.ruleBaseline).toMatchObject({ year: 1990, value: 90 });
    expect(r.assessment?.status).toBe('met');
    expect(r.assessment?.firstYearMet).toBe(2010);
  });

  it('lower is better and too slow: 90 (1990) -> 80 (2000), as of 2000', () => {
    // Goal 30. Linear fit on x = 0, 10 (weights 1, 11): passes through both points, slope -1 a year,
    // so 2015 projects 65; API = -1 * (65 - 90) / |30 - 90| = 25 / 60 = 0.4167 -> too slow.
    const r = assessAgainstRule([{ year: 1990, value: 90 }, { year: 2000, value: 80 }], twoThirds, ctx, { asOf: 2000 });
    expect(r.assessment?.projectedValueAtHorizon).toBeCloseTo(65, 6);
    expect(r.assessment?.api).toBeCloseTo(25 / 60, 6);
    expect(r.assessment?.status).toBe('too_slow');
  });

  it('takes the nearest year within 3 as baseline (1992 for 1990) and none further away', () => {
    const near = assessAgainstRule([{ year: 1992, value: 60 }, { year: 2005, value: 30 }], twoThirds, ctx);
    expect(near.goal?.value).toBeCloseTo(20, 10);
    const far = assessAgainstRule([{ year: 2000, value: 339 }, { year: 2015, value: 227 }], { kind: 'reduce', fraction: 0.75 }, ctx);
    expect(far).toEqual({ goal: null, ruleBaseline: null, assessment: null });
  });

  it('halves the shortfall for a share where higher is better, bounded by 100', () => {
    // 76 (1990) -> 91 (2015): goal 88, met.
    const r = assessAgainstRule([{ year: 1990, value: 76 }, { year: 2015, value: 91 }], { kind: 'reduce_shortfall', fraction: 0.5, bound: 100 }, { higherIsBetter: true, upperBound: 100, baselineYear: 1990, horizon: 2015 });
    expect(r.goal?.value).toBe(88);
    expect(r.assessment?.status).toBe('met');
  });

  it('judges a parity index against the 0.97-1.03 band: 0.87 (1990) -> 0.99 (2014) is met', () => {
    // World gender parity index, wdi-2017/API_SE.ENR.PRSC.FM.ZS: 0.866 in 1990, 0.989 in 2014; 0.989 >= 0.97.
    const r = assessAgainstRule([{ year: 1990, value: 0.866 }, { year: 2000, value: 0.919 }, { year: 2014, value: 0.989 }], { kind: 'parity' }, { higherIsBetter: true, baselineYear: 1990, horizon: 2015 });
    expect(r.goal?.value).toBe(0.97);
    expect(r.assessment?.status).toBe('met');
  });
});
