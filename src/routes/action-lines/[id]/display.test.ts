import { describe, expect, it } from 'vitest';
import { formatDate, listItems } from './display';

describe('listItems', () => {
  it('splits a ;-separated list and drops empty items', () => {
    expect(listItems('ITU; UNESCO;;  UNDP ')).toEqual(['ITU', 'UNESCO', 'UNDP']);
    expect(listItems(null)).toEqual([]);
  });
});

describe('formatDate', () => {
  it('writes ISO dates in words, in UTC', () => {
    expect(formatDate('2006-05-18')).toBe('18 May 2006');
    expect(formatDate('2008 (date not stated)')).toBe('2008 (date not stated)');
  });
});
