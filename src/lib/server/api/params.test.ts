import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { code, codeList, DEFAULT_LIMIT, format, MAX_LIMIT, paging, splitList, vintageMode, yearRange } from './params';

const q = (s: string) => new URLSearchParams(s);
function fails(fn: () => unknown): { status: number; detail: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return { status: e.status, detail: e.detail };
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('paging', () => {
  it('defaults to limit 1000, offset 0; maximum 10000', () => {
    expect(DEFAULT_LIMIT).toBe(1000);
    expect(MAX_LIMIT).toBe(10000);
    expect(paging(q(''))).toEqual({ limit: 1000, offset: 0 });
    expect(paging(q('limit=10000&offset=20'))).toEqual({ limit: 10000, offset: 20 });
  });
  it('refuses limits outside 1..10000, non-integers and negative offsets', () => {
    expect(fails(() => paging(q('limit=10001')))).toEqual({ status: 400, detail: 'limit must be from 1 to 10000, got 10001.' });
    expect(fails(() => paging(q('limit=0'))).status).toBe(400);
    expect(fails(() => paging(q('limit=2.5'))).detail).toBe('limit must be an integer from 1 to 10000, got "2.5".');
    expect(fails(() => paging(q('offset=-1'))).detail).toBe('offset must be a non-negative integer, got -1.');
    expect(fails(() => paging(q('offset=x'))).status).toBe(400);
    expect(fails(() => paging(q('limit=5&limit=6'))).detail).toBe('Parameter limit given 2 times; give it once.');
  });
});

describe('years', () => {
  it('accepts four-digit years and open ranges', () => {
    expect(yearRange(q('from=2000&to=2015'))).toEqual({ from: 2000, to: 2015 });
    expect(yearRange(q('to=2015'))).toEqual({ from: null, to: 2015 });
  });
  it('refuses non-numeric years and from > to', () => {
    expect(fails(() => yearRange(q('from=abc'))).detail).toBe('Parameter from must be a four-digit year, got "abc".');
    expect(fails(() => yearRange(q('to=15'))).status).toBe(400);
    expect(fails(() => yearRange(q('from=2016&to=2015'))).detail).toBe('from (2016) is after to (2015).');
  });
});

describe('codes and options', () => {
  it('upper-cases codes and lists, keeps order, removes duplicates', () => {
    expect(code('wld', 'economy')).toBe('WLD');
    expect(code('C7-e-health', 'id', { upper: false })).toBe('C7-e-health');
    expect(codeList('wld, KEN,,wld', 'economy')).toEqual(['WLD', 'KEN']);
  });
  it('refuses anything that is not a code (quotes, spaces, slashes)', () => {
    expect(fails(() => code("WLD' OR 1=1", 'economy')).status).toBe(400);
    expect(fails(() => code('../x', 'economy')).status).toBe(400);
  });
  it('format json|csv, vintage served|all', () => {
    expect(format(q(''))).toBe('json');
    expect(format(q('format=CSV'))).toBe('csv');
    expect(fails(() => format(q('format=xml'))).detail).toBe('format must be one of json, csv, got "xml".');
    expect(vintageMode(q('vintage=all'))).toBe('all');
    expect(vintageMode(q(''))).toBe('served');
    expect(fails(() => vintageMode(q('vintage=2020'))).status).toBe(400);
  });
  it('splits semicolon lists', () => {
    expect(splitList('APC; World Bank (to be confirmed)')).toEqual(['APC', 'World Bank (to be confirmed)']);
    expect(splitList(null)).toEqual([]);
  });
});
