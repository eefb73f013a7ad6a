import { describe, expect, it } from 'vitest';
import { HORIZONS, parseHorizon, parseYear } from './horizons';

describe('parseYear and parseHorizon: decimal integers only', () => {
  it('accepts four decimal digits', () => {
    expect(parseYear('2015')).toBe(2015);
    expect(parseHorizon('2012')).toBe(2012);
    expect(parseHorizon('2015')).toBe(2015);
    expect(parseHorizon(null)).toBe(2015);
    expect(parseHorizon('')).toBe(2015);
    expect(HORIZONS).toEqual([2012, 2015]);
  });

  it('refuses every other spelling of 2015, which Number() would accept', () => {
    // The defect: one copy of parseHorizon used Number() alone, so 0x7DF and 2.015e3 were 2015 on some pages.
    for (const raw of ['0x7DF', '2.015e3', '2015.0', ' 2015', '2015 ', '+2015', '02015', '２０１５', '2014', '20150', 'abc']) {
      expect(parseHorizon(raw), raw).toBeNull();
    }
    for (const raw of ['0x7DF', '2.015e3', '-2015', '1e3', '', null, undefined]) expect(parseYear(raw), String(raw)).toBeNull();
  });
});
