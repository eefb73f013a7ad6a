// For tests of per-build stores: a stand-in warehouse file that only changes identity. The
// pipeline publishes by rename, so a renamed-in file is a new build (warehouseVersion() sees it).
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { forgetWarehouseIdentity } from './warehouse';

/** Points WSIS_WAREHOUSE at a fake build for the file's tests; `publish()` makes the next build. */
export function useFakeBuilds(prefix: string): { publish: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'wsis.duckdb');
  const saved = process.env.WSIS_WAREHOUSE;
  let builds = 0;
  const publish = () => {
    writeFileSync(join(dir, 'next'), `build ${++builds}`);
    renameSync(join(dir, 'next'), file);
    forgetWarehouseIdentity();
  };
  beforeAll(() => {
    publish();
    process.env.WSIS_WAREHOUSE = file;
  });
  afterAll(() => {
    process.env.WSIS_WAREHOUSE = saved;
  });
  return { publish };
}
