import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A small budget, read when the module loads (so imported after this line, indicator-values too).
process.env.WSIS_MEMO_CACHE_MB = '1';
const { memoStats, perBuild } = await import('./build-memo');
const { byVintageThenFile } = await import('./indicator-values');

const dir = mkdtempSync(join(tmpdir(), 'build-memo-'));
const file = join(dir, 'wsis.duckdb');
const saved = process.env.WSIS_WAREHOUSE;

beforeAll(() => {
  writeFileSync(file, 'build 1');
  process.env.WSIS_WAREHOUSE = file;
});
afterAll(() => {
  process.env.WSIS_WAREHOUSE = saved;
});

describe('perBuild', () => {
  it('computes once per build and key, again when a new build is published', async () => {
    let runs = 0;
    const compute = async () => ++runs;
    expect(await perBuild('t1', 'k', compute)).toBe(1);
    expect(await perBuild('t1', 'k', compute)).toBe(1);
    expect(await perBuild('t1', 'other', compute)).toBe(2);
    // The pipeline publishes by rename: a new file identity is a new build.
    writeFileSync(join(dir, 'next.duckdb'), 'build 2, longer');
    renameSync(join(dir, 'next.duckdb'), file);
    // Within one turn of the event loop the identity read last stands (warehouseVersion); the next turn sees the new file.
    expect(await perBuild('t1', 'k', compute)).toBe(1);
    await new Promise((r) => setImmediate(r));
    expect(await perBuild('t1', 'k', compute)).toBe(3);
  });

  it('stays within its byte budget, least recently used out, and forgets failures', async () => {
    // WSIS_MEMO_CACHE_MB=1 (set before the import): ten entries of 100 KB fit, the eleventh evicts.
    let runs = 0;
    const compute = async () => ++runs;
    const size = () => 100 * 1024;
    await perBuild('t2', 'a', compute, size);
    await perBuild('t2', 'b', compute, size);
    await perBuild('t2', 'a', compute, size); // a is now more recent than b
    for (const k of 'cdefghijk') await perBuild('t2', k, compute, size); // the eleventh: b goes
    expect(runs).toBe(11);
    expect(memoStats().bytes).toBeLessThanOrEqual(memoStats().budget);
    expect(await perBuild('t2', 'a', compute, size)).toBe(1);
    expect(await perBuild('t2', 'b', compute, size)).toBe(12);
    await expect(perBuild('t3', 'x', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await perBuild('t3', 'x', async () => 'second try')).toBe('second try');
  });

  it('shares one computation between concurrent callers; a value over the budget is computed again', async () => {
    let runs = 0;
    const compute = async () => {
      await new Promise((r) => setTimeout(r, 5));
      return ++runs;
    };
    expect(await Promise.all([perBuild('t4', 'k', compute), perBuild('t4', 'k', compute)])).toEqual([1, 1]);
    const huge = () => 2 * 1024 * 1024;
    expect(await perBuild('t5', 'k', compute, huge)).toBe(2);
    expect(await perBuild('t5', 'k', compute, huge)).toBe(3);
  });
});

describe('byVintageThenFile', () => {
  it('orders as ORDER BY vintage DESC NULLS LAST, file', () => {
    const rows = [
      { vintage: null, file: 'a.csv' },
      { vintage: '2017-02-01', file: 'b.csv' },
      { vintage: '2026-07-13', file: 'z.csv' },
      { vintage: '2017-02-01', file: 'a.csv' }
    ];
    expect([...rows].sort(byVintageThenFile).map((r) => `${r.vintage}:${r.file}`)).toEqual([
      '2026-07-13:z.csv',
      '2017-02-01:a.csv',
      '2017-02-01:b.csv',
      'null:a.csv'
    ]);
  });
});
