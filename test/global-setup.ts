// One warehouse built from the real mirror for the integration tests that only read it
// (progress, queries, API). The pipeline's own tests build their own.
import type { TestProject } from 'vitest/node';
import { resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { runPipeline } from '../pipelines/run';
import { allSources, finishers } from '../pipelines/sources/index';
import { sharedMirror } from '../pipelines/lib/paths';

declare module 'vitest' {
  export interface ProvidedContext {
    warehouse: string;
  }
}

export default async function setup(project: TestProject) {
  // One folder per test process, so two test runs at once do not share a file.
  const dir = resolve(`test-output/vitest-warehouse-${process.pid}`);
  const out = resolve(dir, 'wsis.duckdb');
  await runPipeline({ out, mirror: sharedMirror, sources: allSources(), finishers: finishers(), log: () => {} });
  project.provide('warehouse', out);
  return () => rmSync(dir, { recursive: true, force: true });
}
