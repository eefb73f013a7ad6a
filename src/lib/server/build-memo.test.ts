import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perBuild } from './build-memo';
import { byVintageThenFile } from './indicator-values';

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
    expect(await perBuild('t1', 'k', compute)).toBe(3);
  });

  it('keeps at most maxEntries, least recently used out, and forgets failures', async () => {
    let runs = 0;
    const compute = async () => ++runs;
    await perBuild('t2', 'a', compute, 2);
    await perBuild('t2', 'b', compute, 2);
    await perBuild('t2', 'a', compute, 2); // a is now the most recent
    await perBuild('t2', 'c', compute, 2); // b goes
    expect(await perBuild('t2', 'a', compute, 2)).toBe(1);
    expect(await perBuild('t2', 'b', compute, 2)).toBe(4);
    await expect(perBuild('t3', 'x', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await new Promise((r) => setTimeout(r, 0));
    expect(await perBuild('t3', 'x', async () => 'second try')).toBe('second try');
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
