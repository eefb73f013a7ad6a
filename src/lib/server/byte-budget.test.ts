import { describe, expect, it } from 'vitest';
import { ByteBudgetLru, ENTRY_OVERHEAD_BYTES, estimateBytes } from './byte-budget';

describe('ByteBudgetLru', () => {
  it('counts empty values: a flood of distinct keys with empty results is evicted', () => {
    // The defect: the old query cache counted rows, so empty results cost nothing and stayed forever.
    const cache = new ByteBudgetLru<unknown[]>(100_000);
    for (let n = 1; n <= 20_000; n++) {
      cache.set(`SELECT ... economy = $1\u0000["Q${n}${'z'.repeat(200)}"]`, [], estimateBytes([]));
      expect(cache.bytes).toBeLessThanOrEqual(100_000);
    }
    expect(cache.size).toBeGreaterThan(10);
    expect(cache.size).toBeLessThan(20_000 / 10);
  });

  it('keeps the most recently used and refuses a value larger than an eighth of the budget', () => {
    const cache = new ByteBudgetLru<string>(10 * (ENTRY_OVERHEAD_BYTES + 100));
    expect(cache.set('huge', 'h', 10 * ENTRY_OVERHEAD_BYTES)).toBe(false);
    expect(cache.size).toBe(0);
    for (let i = 0; i < 20; i++) cache.set(`k${i}`, String(i), 50);
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k19')).toBe('19');
    cache.set('k19', 'again', 50);
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
    expect(cache.get('k19')).toBe('again');
  });

  it('estimates rows by their members', () => {
    expect(estimateBytes([])).toBe(32);
    expect(estimateBytes([{ a: 'abc', b: 1 }])).toBeGreaterThan(estimateBytes([{ b: 1 }]));
  });
});
