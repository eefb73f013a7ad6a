import { describe, expect, it } from 'vitest';
import { NO_DATA, formatBytes, formatChange, formatPercent, formatPopulation, formatValue, type Unit } from './format';

describe('formatValue', () => {
  it('formats each unit', () => {
    expect(formatValue(67.25, 'percent')).toBe('67.3%'); // 67.25 is exact in binary; Intl rounds half away from zero
    expect(formatValue(40, 'percent', 0)).toBe('40%');
    expect(formatValue(112.44, 'per_100')).toBe('112.4 per 100');
    expect(formatValue(12345.6, 'number')).toBe('12,346');
    expect(formatValue(0.945, 'index')).toBe('0.95');
    expect(formatValue(-31 / 60, 'index')).toBe('-0.52');
  });
  it('shows missing values as no data, never 0', () => {
    expect(formatValue(null, 'percent')).toBe(NO_DATA);
    expect(formatValue(undefined, 'number')).toBe(NO_DATA);
    expect(formatValue(NaN, 'index')).toBe(NO_DATA);
  });
  it('never throws: an infinite value is no data, an unknown unit a plain number', () => {
    // The defect: formatValue threw on Infinity (a stored 1e308 times 100), and region pages answered 500.
    expect(formatValue(Infinity, 'percent')).toBe(NO_DATA);
    expect(formatValue(-Infinity, 'per_100')).toBe(NO_DATA);
    expect(formatValue(1e308, 'number')).toMatch(/^100,000/);
    expect(formatValue(1.5, 'furlongs' as Unit)).toBe('1.50');
    expect(formatValue(1, 'percent', -1)).toBe('1%');
    expect(formatPercent(Infinity)).toBe(NO_DATA);
    expect(formatChange(-Infinity)).toBe(NO_DATA);
  });
});

describe('formatPercent', () => {
  it('turns a share into per cent', () => {
    expect(formatPercent(0.5)).toBe('50.0%');
    expect(formatPercent(199 / 399)).toBe('49.9%');
    expect(formatPercent(1, 0)).toBe('100%');
    expect(formatPercent(null)).toBe(NO_DATA);
  });
});

describe('formatPopulation', () => {
  it('uses billion and million words past a million', () => {
    expect(formatPopulation(1_234_567_890)).toBe('1.23 billion');
    expect(formatPopulation(345_600_000)).toBe('345.6 million');
    expect(formatPopulation(12_345)).toBe('12,345');
    expect(formatPopulation(null)).toBe(NO_DATA);
    expect(formatPopulation(-1)).toBe(NO_DATA);
    expect(formatPopulation(Infinity)).toBe(NO_DATA);
  });
});

describe('formatChange', () => {
  it('signs changes', () => {
    expect(formatChange(2.5)).toBe('+2.5');
    expect(formatChange(-1)).toBe('−1.0');
    expect(formatChange(0)).toBe('0.0');
    expect(formatChange(-0.01)).toBe('0.0');
  });
});

describe('formatting in the interface languages', () => {
  // French groups with a narrow no-break space (U+202F) and sets % apart (U+00A0); Spanish groups from
  // five digits with a point; both write a decimal comma.
  it('writes French numbers with a decimal comma and French words', () => {
    expect(formatValue(67.25, 'percent', undefined, 'fr-FR')).toBe('67,3\u00a0%');
    expect(formatValue(112.44, 'per_100', undefined, 'fr-FR')).toBe('112,4 pour 100');
    expect(formatValue(12_345, 'number', undefined, 'fr-FR')).toBe('12\u202f345');
    expect(formatPopulation(1_234_567_890, 'fr-FR')).toBe('1,23 milliard');
    expect(formatPopulation(2_500_000_000, 'fr-FR')).toBe('2,5 milliards');
    expect(formatPopulation(345_600_000, 'fr-FR')).toBe('345,6 millions');
    expect(formatChange(0.04, 1, 'fr-FR')).toBe('0,0');
    expect(formatChange(-1, 1, 'fr-FR')).toBe('−1,0');
  });

  it('writes Spanish numbers with a decimal comma and Spanish words', () => {
    expect(formatPercent(0.5, 1, 'es-ES')).toBe('50,0\u00a0%');
    expect(formatValue(12_345, 'number', undefined, 'es-ES')).toBe('12.345');
    expect(formatPopulation(1_234_567_890, 'es-ES')).toBe('1,23 mil millones');
    expect(formatPopulation(345_600_000, 'es-ES')).toBe('345,6 millones');
  });
});

describe('formatBytes', () => {
  it('says a download size in B, KB or MB, and nothing when unknown', () => {
    expect(formatBytes(512, 'en-GB')).toBe('512 B');
    expect(formatBytes(38_912, 'en-GB')).toBe('38 KB');
    expect(formatBytes(4_404_019, 'en-GB')).toBe('4.2 MB');
    expect(formatBytes(4_404_019, 'fr-FR')).toBe('4,2 MB');
    expect(formatBytes(null)).toBe('');
  });
});
