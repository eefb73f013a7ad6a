import { describe, expect, it } from 'vitest';
import { alternativeVerdicts, statcanVerdict, unsdVerdict } from './alternatives';
import { assess } from './assess';
import type { Goal } from './types';

// PROGRESS.md: Internet use 40 % in 2015, 67 % in 2023, target 100 % by 2030.
const internet = [{ year: 2015, value: 40 }, { year: 2023, value: 67 }];
const goal2030: Goal = { value: 100, higherIsBetter: true, upperBound: 100, baselineYear: 2015, horizon: 2030 };

describe('alternativeVerdicts: the PROGRESS.md worked example', () => {
  const { unsd, statcan } = alternativeVerdicts(internet, goal2030);
  it('UNSD: rho 1.09, on track', () => {
    // CAGR_a = (67/40)^(1/8) - 1 = e^(ln 1.675 / 8) - 1 = e^0.064477 - 1 = 0.066601.
    // v_e = 67 · 1.066601^7 = 67 · e^0.451340 = 67 · 1.570391 = 105.216.
    // rho = (105.216 - 40)/(100 - 40) = 65.216/60 = 1.0869 -> 1.09.
    expect(unsd.working?.actualGrowth).toBeCloseTo(0.066601, 5);
    expect(unsd.working?.expectedValue).toBeCloseTo(105.216, 2);
    expect(unsd.ratio!.toFixed(2)).toBe('1.09');
    expect(unsd.verdict).toBe('on_track');
  });
  it('Statistics Canada: R 1.06, substantial', () => {
    // CAGR_r = (100/40)^(1/15) - 1 = e^(0.916291/15) - 1 = e^0.061086 - 1 = 0.062990.
    // R = sign(40) · 1 · 0.066601 / 0.062990 = 1.0573 -> 1.06.
    expect(statcan.working?.requiredGrowth).toBeCloseTo(0.06299, 5);
    expect(statcan.ratio!.toFixed(2)).toBe('1.06');
    expect(statcan.verdict).toBe('substantial');
  });
  it('our logit projection says 84 % by 2030, acceleration needed', () => {
    // logit 0.40 = -0.405465, logit 0.67 = 0.708185; slope = 1.113650/8 = 0.139206 (two points: weights do not matter).
    // z_2030 = 0.708185 + 7 · 0.139206 = 1.682629;  p = 1/(1 + e^-1.682629) = 0.84325.
    // API = (84.325 - 40)/(99 - 40) = 0.7513 -> too slow (the 100 % goal is met at 99 %).
    const a = assess(internet, goal2030);
    expect(a.projectedValueAtHorizon).toBeCloseTo(84.325, 2);
    expect(a.api).toBeCloseTo(0.7513, 3);
    expect(a.status).toBe('too_slow');
  });
});

describe('alternativeVerdicts: other cases', () => {
  it('a latest value meeting the goal is met under both', () => {
    const v = alternativeVerdicts([{ year: 2003, value: 20 }, { year: 2010, value: 60 }], { value: 50, higherIsBetter: true, horizon: 2015 });
    expect(v.unsd.verdict).toBe('met');
    expect(v.statcan.verdict).toBe('target_achieved');
  });
  it('a falling series is regression / deterioration', () => {
    // CAGR = (30/40)^(1/5) - 1 < 0, so R < 0 and v_e < v_b, rho < 0.
    const v = alternativeVerdicts([{ year: 2003, value: 40 }, { year: 2008, value: 30 }], { value: 50, higherIsBetter: true, horizon: 2015 });
    expect(v.unsd.ratio!).toBeLessThan(0);
    expect(v.unsd.verdict).toBe('stagnation_or_regression');
    expect(v.statcan.verdict).toBe('deterioration');
  });
  it('cannot use growth rates from zero', () => {
    const v = alternativeVerdicts([{ year: 2003, value: 0 }, { year: 2008, value: 3 }], { value: 50, higherIsBetter: true, horizon: 2015 });
    expect(v.unsd.verdict).toBe('insufficient_data');
    expect(v.statcan.reason).toMatch(/positive/);
  });
  it('class boundaries are inclusive at the lower edge', () => {
    expect(unsdVerdict(0.95)).toBe('on_track');
    expect(unsdVerdict(0.1)).toBe('fair_progress');
    expect(unsdVerdict(0.0999)).toBe('stagnation_or_regression');
    expect(statcanVerdict(0.95)).toBe('substantial');
    expect(statcanVerdict(0.6)).toBe('moderate');
    expect(statcanVerdict(0)).toBe('limited');
    expect(statcanVerdict(-0.01)).toBe('deterioration');
    expect(() => unsdVerdict(NaN)).toThrow(/invalid rho/);
  });
});
