import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { PARAGLIDE_OPTIONS } from './paraglide.options.js';

export default defineConfig({
  // Paraglide compiles messages/*.json into src/lib/paraglide (generated, not committed) at every
  // build, dev server and vitest run; scripts/i18n-compile.js does the same for svelte-check.
  plugins: [paraglideVitePlugin(PARAGLIDE_OPTIONS), sveltekit()],
  test: {
    include: ['src/**/*.test.ts', 'pipelines/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // DuckDB files and the loopback fake server are per test file; keep files in parallel but bounded (2 cores).
    maxWorkers: 2
  }
});
