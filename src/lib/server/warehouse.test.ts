// The server opens the warehouse read-only and picks up a newly published file (renamed over
// the old one by the pipeline) without a restart.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

// A small query cache, so a few thousand distinct queries must evict.
process.env.WSIS_QUERY_CACHE_MB = '1';
const dir = mkdtempSync(join(tmpdir(), 'wsis-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function makeWarehouse(path: string, runId: string) {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  await conn.run('CREATE TABLE build_info (run_id VARCHAR)');
  await conn.run('INSERT INTO build_info VALUES ($1)', [runId]);
  conn.closeSync();
  instance.closeSync();
}

describe('warehouse access', () => {
  it('reads with bound parameters and follows a newly published file', async () => {
    const published = join(dir, 'wsis.duckdb');
    await makeWarehouse(published, 'first');
    process.env.WSIS_WAREHOUSE = published;
    const { query, queryOne, warehouseVersion } = await import('./warehouse');
    expect(await queryOne('SELECT run_id FROM build_info WHERE run_id = $1', ['first'])).toEqual({ run_id: 'first' });
    const v1 = warehouseVersion();

    await makeWarehouse(join(dir, 'next.duckdb'), 'second');
    renameSync(join(dir, 'next.duckdb'), published); // what the pipeline's publish step does
    expect(await query('SELECT run_id FROM build_info')).toEqual([{ run_id: 'second' }]);
    expect(warehouseVersion()).not.toBe(v1);
  });

  it('refuses to write: the connection is read-only', async () => {
    const { query } = await import('./warehouse');
    await expect(query("INSERT INTO build_info VALUES ('x')")).rejects.toThrow(/read-only/i);
  });

  it('keeps the query cache under its byte budget through thousands of distinct queries with empty results', async () => {
    // The defect: results were counted in rows, so empty ones (an unknown economy code in each
    // request) cost nothing, were never evicted, and a server with a 128 MB heap died.
    const { query, queryCacheStats } = await import('./warehouse');
    for (let n = 1; n <= 4000; n++) {
      const rows = await query('SELECT run_id FROM build_info WHERE run_id = $1', [`Q${n}-${'x'.repeat(300)}`]);
      expect(rows).toEqual([]);
    }
    const stats = queryCacheStats();
    expect(stats.budget).toBe(1024 * 1024);
    expect(stats.bytes).toBeLessThanOrEqual(stats.budget);
    expect(stats.entries).toBeGreaterThan(100);
    expect(stats.entries).toBeLessThan(4000);
  });
});
