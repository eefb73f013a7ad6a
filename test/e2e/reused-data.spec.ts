// A build that reused a source's rows says so on the pages showing that source's data. A copy of
// the mirror with every World Bank data file emptied and the WSIS-SDG matrix truncated, the real
// pipeline run over a copy of the browser tests' warehouse (so both sources reuse their rows of
// it), then a second server on the result.
import { expect, test } from '@playwright/test';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runPipeline } from '../../pipelines/run';
import { allSources, finishers } from '../../pipelines/sources/index';
import { sharedMirror } from '../../pipelines/lib/paths';
import { expectAccessible, screenshot, warehouseRows } from './helpers';
import { spawnServer, type Spawned } from './spawn-server';
import { DEFAULT_LOCALE } from '../../src/lib/format';

test.describe.configure({ mode: 'serial' });

let dir = '';
let server: Spawned;
let servedDate = '';

function damagedMirror(mirror: string) {
  cpSync(sharedMirror, mirror, { recursive: true });
  const walk = (p: string, visit: (file: string) => void) => {
    chmodSync(p, statSync(p).isDirectory() ? 0o755 : 0o644);
    if (statSync(p).isDirectory()) for (const e of readdirSync(p)) walk(join(p, e), visit);
    else visit(p);
  };
  walk(mirror, () => {});
  for (const e of readdirSync(join(mirror, 'worldbank'))) {
    if (e === 'api') continue;
    walk(join(mirror, 'worldbank', e), (file) => {
      if (!file.split('/').pop()!.startsWith('Metadata_')) writeFileSync(file, '');
    });
  }
  const actions = join(mirror, 'wsis', 'wsis-sdg-matrix', 'actions.json');
  writeFileSync(actions, readFileSync(actions, 'utf8').slice(0, 40));
}

test.beforeAll(async () => {
  test.setTimeout(600_000); // one whole-pipeline run on a loaded machine
  dir = mkdtempSync(join(tmpdir(), 'wsis-reused-'));
  damagedMirror(join(dir, 'mirror'));
  const served = resolve(process.env.WSIS_WAREHOUSE ?? 'test-output/e2e/wsis.duckdb');
  const [[runId]] = await warehouseRows('SELECT run_id FROM build_info');
  servedDate = String(runId).slice(0, 10);
  mkdirSync(join(dir, 'build'));
  const out = join(dir, 'build', 'wsis.duckdb');
  copyFileSync(served, out);
  const run = await runPipeline({ out, mirror: join(dir, 'mirror'), sources: allSources(), finishers: finishers(), log: () => {} });
  expect(run.published).toBe(true);
  expect(run.outcomes.filter((o) => o.status === 'reused').map((o) => o.source)).toEqual(['worldbank-files', 'wsis-matrix']);
  server = await spawnServer({ WSIS_WAREHOUSE: out });
});

test.afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const longDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

test('a page showing World Bank data says it comes from the earlier build, and still shows its values', async ({ page }) => {
  await page.goto(`${server.base}/targets/10`);
  const banner = page.getByTestId('reused-banner');
  const [[servedLines]] = await warehouseRows(`SELECT rows_loaded FROM run_record WHERE source = 'worldbank-files'`);
  await expect(banner).toContainText(`World Bank data from the build of ${longDate(servedDate)}; today's fetch came back incomplete (0 of ${Number(servedLines).toLocaleString(DEFAULT_LOCALE)} rows).`);
  await expect(banner).not.toContainText('WSIS-SDG matrix');
  await expect(banner.getByRole('link', { name: 'What was reused and why' })).toHaveAttribute('href', '/data#reused');
  // Internet use (IT.NET.USER.ZS, World) is still drawn from the reused rows: 39.9 % in 2015.
  const world = await page.request.get(`${server.base}/api/v1/observations?indicator=IT.NET.USER.ZS&economy=WLD&from=2015&to=2015`);
  expect((await world.json()).data.map((r: { value: number }) => r.value)).toEqual([39.9]);
  await screenshot(page, 'reused-banner-target-10');
  await page.screenshot({ path: 'test-output/screenshots/reused-banner-target-10-top.png' });
  await expectAccessible(page);
});

test('an action-line page names both reused sources; a page showing neither has no banner', async ({ page }) => {
  await page.goto(`${server.base}/action-lines/C2`);
  await expect(page.getByTestId('reused-banner')).toContainText(`WSIS-SDG matrix data from the build of ${longDate(servedDate)}; today's fetch failed`);
  await page.goto(`${server.base}/stocktaking`);
  await expect(page.getByTestId('reused-banner')).toHaveCount(0);
});

test('/data lists the reused sources with the build they come from and why', async ({ page }) => {
  await page.goto(`${server.base}/data`);
  const list = page.locator('#reused-sources li');
  await expect(list).toHaveCount(2);
  await expect(list.first()).toContainText(`worldbank-files: rows of build ${servedDate}`);
  await expect(list.nth(1)).toContainText("wsis-matrix");
  await expect(list.nth(1)).toContainText("today's fetch failed: the rows of build");
});
