// Exports belong to their warehouse: two warehouses in one folder keep their own exports, the
// served build's folder is never pruned, a partial folder never survives over a complete one,
// and a run with unchanged inputs rebuilds when the published build's exports are gone.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openReadOnly, runPipeline } from '../run';
import { reference } from '../sources/reference';
import { DuckDBInstance } from '@duckdb/node-api';
import { csvSelectList, exportsComplete, exportsFinisher, exportsRoot, pruneExports } from './exports';
import type { TableSpec } from '../schema';

const dir = mkdtempSync(join(tmpdir(), 'wsis-exports-'));
const mirror = mkdtempSync(join(tmpdir(), 'wsis-empty-mirror-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(mirror, { recursive: true, force: true });
});

const build = (out: string, force = true) =>
  runPipeline({ out, mirror, sources: [reference], finishers: [exportsFinisher], log: () => {}, force });

async function exportsDirOf(out: string): Promise<string> {
  const { instance, conn } = await openReadOnly(out);
  try {
    return String((await conn.runAndReadAll('SELECT exports_dir FROM build_info')).getRows()[0][0]);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe('exports of a warehouse', () => {
  const a = join(dir, 'a.duckdb');
  const b = join(dir, 'b.duckdb');

  it('live in a folder named after the warehouse, so building b twice leaves a whole', async () => {
    // The defect: both used dirname(out)/exports and pruning kept the newest two folders of any
    // warehouse, so a's exports were deleted and serving a gave 404 on every download.
    await build(a);
    await build(b);
    await build(b);
    const aDir = await exportsDirOf(a);
    expect(aDir.startsWith(exportsRoot(a))).toBe(true);
    expect(basename(exportsRoot(a))).toBe('a.duckdb.exports');
    expect(exportsComplete(aDir)).toBe(true);
    expect(exportsComplete(await exportsDirOf(b))).toBe(true);
    expect(readdirSync(exportsRoot(b))).toHaveLength(2);
    const pkg = JSON.parse(readFileSync(join(aDir, 'datapackage.json'), 'utf8'));
    expect(pkg.description).toContain('leading single quote');
  });

  it('rebuilds, instead of saying "Up to date", when the published build has lost its exports', async () => {
    const c = join(dir, 'c.duckdb');
    await build(c);
    const again = await build(c, false);
    expect(again.unchanged).toBe(true);
    rmSync(await exportsDirOf(c), { recursive: true, force: true });
    const rebuilt = await build(c, false);
    expect(rebuilt.unchanged).toBeFalsy();
    expect(rebuilt.published).toBe(true);
    expect(exportsComplete(await exportsDirOf(c))).toBe(true);
  });

  it('never prunes the served folder, and drops a dead run\'s partial folder instead of the previous build\'s', async () => {
    const d = join(dir, 'd.duckdb');
    await build(d);
    const previous = basename(await exportsDirOf(d));
    // A run killed while writing its exports left a partial folder that sorts after everything.
    const partial = join(exportsRoot(d), `9999-partial.partial-999999999`);
    mkdirSync(partial, { recursive: true });
    writeFileSync(join(partial, 'observation.csv'), 'indicator\n');
    await build(d);
    const served = basename(await exportsDirOf(d));
    expect(readdirSync(exportsRoot(d)).sort()).toEqual([previous, served].sort());
    expect(existsSync(partial)).toBe(false);
    // Pruning with the served build named keeps it even when older folders pile up.
    for (const old of ['0000-a', '0000-b']) mkdirSync(join(exportsRoot(d), old));
    pruneExports(d, served);
    expect(readdirSync(exportsRoot(d)).sort()).toEqual([previous, served].sort());
  });
});

describe('CSV exports and spreadsheet formulas', () => {
  it('prefix text cells starting with = + - @ with a quote and leave numbers (also negative) alone', async () => {
    // The defect: "=HYPERLINK(...)" in a data file went into the CSV export as it was.
    const spec = {
      name: 't',
      description: '',
      published: true,
      columns: [
        { name: 'name', type: 'VARCHAR', description: '' },
        { name: 'value', type: 'DOUBLE', description: '' }
      ]
    } as unknown as TableSpec;
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    await conn.run('CREATE TABLE t (name VARCHAR, value DOUBLE)');
    await conn.run(`INSERT INTO t VALUES ('=HYPERLINK("http://x")', -2.5), ('+x', 1), ('-y', -1), ('@z', NULL), ('Atlantis', 3), (NULL, 0)`);
    const file = join(dir, 't.csv');
    await conn.run(`COPY (SELECT ${csvSelectList(spec)} FROM t) TO '${file}' (FORMAT csv, HEADER true)`);
    conn.closeSync();
    instance.closeSync();
    expect(readFileSync(file, 'utf8').trim().split('\n')).toEqual([
      'name,value',
      `"'=HYPERLINK(""http://x"")",-2.5`,
      "'+x,1.0",
      "'-y,-1.0",
      "'@z,",
      'Atlantis,3.0',
      ',0.0'
    ]);
  });
});
