import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate';
import { compareWithPublished } from './compare';
import { COVERAGE_THRESHOLD } from './constants';

const pop = (rows: [string, number, number][]) => rows.map(([country, year, value]) => ({ country, year, value }));

describe('aggregate: weights by hand', () => {
  it('weights each country by its population', () => {
    // 2010: A 10 % of 100 M, B 50 % of 300 M, C 20 % of 600 M.
    // (10·100 + 50·300 + 20·600) / (100 + 300 + 600) = (1000 + 15000 + 12000) / 1000 = 28.0.
    // (An unweighted mean would say (10 + 50 + 20)/3 = 26.67.)
    const [p] = aggregate(
      pop([['A', 2010, 10], ['B', 2010, 50], ['C', 2010, 20]]),
      pop([['A', 2010, 100e6], ['B', 2010, 300e6], ['C', 2010, 600e6]]),
      { members: ['A', 'B', 'C'] }
    );
    expect(p.value).toBeCloseTo(28, 10);
    expect(p.coverage).toBe(1);
    expect(p.countriesWithData).toBe(3);
    expect(p.countriesTotal).toBe(3);
    expect(p.available).toBe(true);
  });

  it('ignores non-members and computes each year on its own', () => {
    const points = aggregate(
      pop([['A', 2010, 10], ['B', 2010, 30], ['A', 2011, 20], ['X', 2010, 99]]),
      pop([['A', 2010, 1], ['B', 2010, 3], ['A', 2011, 1], ['B', 2011, 1], ['X', 2010, 1000]]),
      { members: ['A', 'B'] }
    );
    // 2010: (10·1 + 30·3)/4 = 25;  2011: only A (1 of 2): coverage 0.5, value 20.
    expect(points.map((p) => p.year)).toEqual([2010, 2011]);
    expect(points[0].value).toBeCloseTo(25, 10);
    expect(points[1]).toMatchObject({ value: 20, coverage: 0.5, countriesWithData: 1, available: true });
  });
});

describe('aggregate: coverage threshold', () => {
  it('half the population without data: coverage exactly 0.5 is available (rule: coverage >= 0.5)', () => {
    expect(COVERAGE_THRESHOLD).toBe(0.5);
    // A (200 M) has 30 %, B and C (100 M each) have no value: coverage = 200/400 = 0.5.
    const [p] = aggregate(pop([['A', 2012, 30]]), pop([['A', 2012, 200], ['B', 2012, 100], ['C', 2012, 100]]), {
      members: ['A', 'B', 'C'],
      years: [2012]
    });
    expect(p.coverage).toBe(0.5);
    expect(p.available).toBe(true);
    expect(p.value).toBe(30);
    expect(p).toMatchObject({ countriesWithData: 1, countriesTotal: 3, populationWithData: 200, populationTotal: 400 });
  });

  it('just under half: not available and the value is null, not a number', () => {
    // A 199 of 399: coverage 0.4987 < 0.5.
    const [p] = aggregate(pop([['A', 2012, 30]]), pop([['A', 2012, 199], ['B', 2012, 200]]), { members: ['A', 'B'], years: [2012] });
    expect(p.coverage).toBeCloseTo(199 / 399, 12);
    expect(p.available).toBe(false);
    expect(p.value).toBeNull();
  });

  it('a year with no data at all: coverage 0, not available', () => {
    const [p] = aggregate([], pop([['A', 2012, 1]]), { members: ['A'], years: [2012] });
    expect(p).toMatchObject({ coverage: 0, available: false, value: null, countriesWithData: 0 });
  });

  it('reports members without a population figure instead of dropping them silently', () => {
    const [p] = aggregate(pop([['A', 2012, 30], ['B', 2012, 90]]), pop([['A', 2012, 100]]), { members: ['A', 'B'] });
    expect(p.missingPopulation).toEqual(['B']);
    expect(p.value).toBe(30);
    expect(p.countriesWithData).toBe(1);
    expect(p.countriesTotal).toBe(2);
  });

  it('fails loudly on bad input', () => {
    expect(() => aggregate(pop([['A', 2012, NaN]]), [], { members: ['A'] })).toThrow(/invalid value/);
    expect(() => aggregate(pop([['A', 2012, 1], ['A', 2012, 2]]), [], { members: ['A'] })).toThrow(/duplicate value/);
    expect(() => aggregate([], pop([['A', 2012, -5]]), { members: ['A'] })).toThrow(/invalid population/);
    expect(() => aggregate([], [], { members: [] })).toThrow(/empty group/);
  });
});

describe('compareWithPublished', () => {
  it('gives per-year differences and the largest absolute one', () => {
    const computed = aggregate(
      pop([['A', 2010, 10], ['A', 2011, 20], ['A', 2012, 30]]),
      pop([['A', 2010, 1], ['A', 2011, 1], ['A', 2012, 1]]),
      { members: ['A'] }
    );
    // Published 10.5 (2010), 19.0 (2011), none 2012, 40 (2013, ours missing).
    const c = compareWithPublished(computed, [
      { year: 2010, value: 10.5 },
      { year: 2011, value: 19 },
      { year: 2013, value: 40 }
    ]);
    expect(c.rows.map((r) => r.difference)).toEqual([-0.5, 1, null, null]);
    expect(c.maxAbsDifference).toBe(1);
    expect(c.maxAbsDifferenceYear).toBe(2011);
    expect(c.yearsCompared).toBe(2);
  });
  it('treats an unavailable computed value as missing, not zero', () => {
    const computed = aggregate([], pop([['A', 2010, 1]]), { members: ['A'], years: [2010] });
    const c = compareWithPublished(computed, [{ year: 2010, value: 5 }]);
    expect(c.rows[0]).toEqual({ year: 2010, computed: null, published: 5, difference: null });
    expect(c.maxAbsDifference).toBeNull();
  });
});
