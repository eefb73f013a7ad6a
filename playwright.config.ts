import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { CHROME_FLAGS, CHROMIUM_PATH } from './test/chromium';

// Browser tests run Debian's chromium (scripts/ensure-chromium.sh installs it) against the
// built dashboard (node build) on a warehouse built from ../shared/data by scripts/test.sh.
// E2E_BASE_URL points the tests at a server already running (e.g. a dev server) instead.
// Without E2E_PORT, a port the OS says is free; set in the environment so the workers (which
// load this file again) use the same one.
process.env.E2E_PORT ??= execFileSync(process.execPath, ['scripts/free-port.js'], { encoding: 'utf8' }).trim();
const port = Number(process.env.E2E_PORT);
const external = process.env.E2E_BASE_URL;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-output/playwright-artifacts',
  timeout: 60_000,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-output/playwright.json' }]],
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROME_FLAGS
    }
  },
  webServer: external
    ? undefined
    : {
    command: 'node build',
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      // The upload form posts to the site's own origin (adapter-node assumes https otherwise).
      ORIGIN: `http://127.0.0.1:${port}`,
      WSIS_WAREHOUSE: process.env.WSIS_WAREHOUSE ?? 'test-output/e2e/wsis.duckdb',
      // No background warm-up competing with the tests on 2 shared cores (a minute or more of
      // work at start): test/e2e/warmup.spec.ts starts warmed servers of its own.
      WSIS_WARMUP: process.env.WSIS_WARMUP ?? '0'
    }
  }
});
