import { describe, expect, it } from 'vitest';
import { fitAt, recencyWeight, weightedLinearFit } from './regression';
import { logitScale } from './scale';

describe('recencyWeight', () => {
  it('is 1 at the reference year and grows by 1 a year', () => {
    expect([2003, 2004, 2008].map((y) => recencyWeight(y, 2003))).toEqual([1, 2, 6]);
    expect(() => recencyWeight(2001, 2003)).toThrow(/invalid weight year/);
  });
});

describe('weightedLinearFit', () => {
  it('equals ordinary least squares when weights are equal', () => {
    // (0,1), (1,3), (2,2): OLS slope = Σ dx dy / Σ dx² = ((-1)(-1) + 0 + (1)(0)) / 2 = 0.5, mean 2 at x = 1 -> intercept 1.5.
    const fit = weightedLinearFit([{ year: 2000, value: 1 }, { year: 2001, value: 3 }, { year: 2002, value: 2 }], [1, 1, 1], 2000);
    expect(fit.slope).toBeCloseTo(0.5, 12);
    expect(fit.intercept).toBeCloseTo(1.5, 12);
    expect(fitAt(fit, 2004)).toBeCloseTo(3.5, 12);
  });
  it('leans toward heavily weighted points', () => {
    // Weights 1, 1, 100 on the same points: the line is pulled toward (2, 2), slope below 0.5.
    const fit = weightedLinearFit([{ year: 2000, value: 1 }, { year: 2001, value: 3 }, { year: 2002, value: 2 }], [1, 1, 100], 2000);
    expect(fit.slope).toBeLessThan(0.5);
  });
  it('fails loudly', () => {
    expect(() => weightedLinearFit([{ year: 2000, value: 1 }], [1], 2000)).toThrow(/need 2/);
    expect(() => weightedLinearFit([{ year: 2000, value: 1 }, { year: 2001, value: 1 }], [1], 2000)).toThrow(/invalid weights/);
  });
});

describe('logitScale', () => {
  const s = logitScale(100);
  it('round-trips and stays inside the bound', () => {
    expect(s.inverse(s.forward(67))).toBeCloseTo(67, 10);
    expect(s.forward(50)).toBe(0);
    expect(s.inverse(10)).toBeLessThan(100);
    expect(s.inverse(50)).toBeLessThanOrEqual(100); // equals 100 in floating point: never above
  });
  it('clamps 0 and the bound to a finite logit (ε = 0.001)', () => {
    // logit(0.001) = ln(0.001/0.999) = -6.9068
    expect(s.forward(0)).toBeCloseTo(Math.log(0.001 / 0.999), 10);
    expect(s.forward(100)).toBeCloseTo(-Math.log(0.001 / 0.999), 10);
    expect(() => s.forward(100.5)).toThrow(/outside/);
  });
});
