import { describe, expect, it } from 'vitest';
import { classBreaks, valueClasses } from './map';

describe('value map classes', () => {
  it('labels the intervals between the breaks', () => {
    expect(valueClasses(classBreaks(0, true)).map((c) => c.label)).toEqual(['below 20', '20–40', '40–60', '60–80', '80 or more']);
  });

  it('gives one class when no value is above 0 (no breaks), instead of failing on a missing bound', () => {
    // An indicator whose countries have no value above 0 in the year (the region page with
    // ?indicator=ITU_BW_USER answered 500 before).
    expect(classBreaks(0, false)).toEqual([]);
    expect(valueClasses([])).toEqual([{ key: '0', label: '≤ 0', color: '#c6dbef' }]);
  });
});
