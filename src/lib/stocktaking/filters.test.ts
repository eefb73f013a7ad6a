import { describe, expect, it } from 'vitest';
import { filterSearch, parseFilter } from './filters';

describe('parseFilter', () => {
  it('reads every filter and the page', () => {
    const p = parseFilter(new URLSearchParams('action_line=C7-e-health&country=ken&region=SSF&stakeholder_type=government&status=planned&year=2015&q=%20tele%20&page=3'));
    expect(p).toEqual({
      filter: { action_line: 'C7-e-health', country: 'KEN', region: 'SSF', stakeholder_type: 'government', status: 'planned', year: 2015, q: 'tele' },
      page: 3
    });
  });
  it('refuses malformed values with the parameter named', () => {
    expect(parseFilter(new URLSearchParams('status=done'))).toEqual({ error: 'status: "done" is not one of planned, ongoing, completed, unknown' });
    expect(parseFilter(new URLSearchParams('year=15'))).toEqual({ error: 'year: "15" is not a four-digit year' });
    expect(parseFilter(new URLSearchParams('country=K%20E'))).toEqual({ error: `country: "K E" is not a code (letters, digits, '.', '_', '-')` });
    expect(parseFilter(new URLSearchParams('page=0'))).toEqual({ error: 'page: "0" is not a page number' });
  });
  it('writes a filter back as a query string, empty values left out', () => {
    const p = parseFilter(new URLSearchParams('country=KEN&q=&year=2015'));
    if ('error' in p) throw new Error(p.error);
    expect(filterSearch(p.filter, 2)).toBe('?country=KEN&year=2015&page=2');
  });
});
