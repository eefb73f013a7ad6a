import { describe, expect, it } from 'vitest';
import { pearson, scatterChartSpec } from './scatter';

describe('pearson', () => {
  it('is 1 on a rising line, -1 on a falling one, null without spread or with 2 points', () => {
    expect(pearson([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toBeCloseTo(1, 12);
    expect(pearson([{ x: 0, y: 5 }, { x: 1, y: 3 }, { x: 2, y: 1 }])).toBeCloseTo(-1, 12);
    expect(pearson([{ x: 1, y: 1 }, { x: 1, y: 2 }, { x: 1, y: 3 }])).toBeNull();
    expect(pearson([{ x: 0, y: 1 }, { x: 1, y: 2 }])).toBeNull();
  });
  it('by hand: (0,0), (1,2), (2,1): r = 1 / sqrt(2 * 2) = 0.5', () => {
    // mean x 1, mean y 1; sxy = (-1)(-1) + 0 + (1)(0) = 1; sxx = 2; syy = 1 + 1 + 0 = 2.
    expect(pearson([{ x: 0, y: 0 }, { x: 1, y: 2 }, { x: 2, y: 1 }])).toBeCloseTo(0.5, 12);
  });
});

describe('scatterChartSpec', () => {
  it('refuses a point that is not a number', () => {
    expect(() => scatterChartSpec([{ label: 'Kenya', x: NaN, y: 1, group: 'SSF' }], { xLabel: 'x', yLabel: 'y' })).toThrow('invalid scatter point for Kenya');
  });
});
