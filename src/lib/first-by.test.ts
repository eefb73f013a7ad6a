import { describe, expect, it } from 'vitest';
import { firstBy } from './first-by';

describe('firstBy', () => {
  it('keys each item, keeping the first of a repeated key as find() would', () => {
    const rows = [
      { year: 2010, file: 'a.csv', value: 1 },
      { year: 2011, file: 'a.csv', value: 2 },
      { year: 2010, file: 'a.csv', value: 3 }
    ];
    const at = firstBy(rows, (r) => `${r.year}|${r.file}`);
    expect(at.size).toBe(2);
    expect(at.get('2010|a.csv')).toBe(rows.find((r) => r.year === 2010));
    expect(at.get('2010|a.csv')!.value).toBe(1);
    expect(at.get('2012|a.csv')).toBeUndefined();
  });
});
