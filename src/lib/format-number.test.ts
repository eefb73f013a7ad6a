import { describe, expect, it } from 'vitest';
import { formatNumber } from './format';

describe('formatNumber', () => {
  it('groups thousands and picks digits by magnitude', () => {
    expect(formatNumber(8215424893)).toBe('8,215,424,893');
    expect(formatNumber(67.4)).toBe('67.4');
    expect(formatNumber(5.123)).toBe('5.12');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(53.9, 2)).toBe('53.90');
  });
});
