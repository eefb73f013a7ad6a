// Prints one closing line for all test runners: "N passed, N failed, N skipped".
// A runner that exited non-zero without a failed test in its report (it could not start: the
// port was taken, the config did not load, the report is missing) counts as one failure, so
// the line never says "0 failed" for a run that failed.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

export function summarise({ vitest, playwright, vitestStatus, e2eStatus, checkStatus }) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const notes = [];
  if (vitest) {
    passed += vitest.numPassedTests ?? 0;
    failed += vitest.numFailedTests ?? 0;
    skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
    if (vitestStatus !== 0 && !(vitest.numFailedTests > 0)) {
      failed += 1;
      notes.push(`vitest exited with status ${vitestStatus} without a failed test (a test file could not run)`);
    }
  } else {
    failed += 1;
    notes.push('vitest produced no report');
  }
  const e2eFailed = playwright ? (playwright.stats?.unexpected ?? 0) + (playwright.stats?.flaky ?? 0) : 0;
  if (playwright) {
    passed += playwright.stats?.expected ?? 0;
    failed += e2eFailed;
    skipped += playwright.stats?.skipped ?? 0;
  }
  if (e2eStatus !== 0 && e2eFailed === 0) {
    failed += 1;
    notes.push(`the browser tests exited with status ${e2eStatus} without a failed test: the suite could not start (${playwright?.errors?.[0]?.message?.split('\n')[0] ?? 'no report'})`);
  }
  if (checkStatus !== 0) {
    failed += 1;
    notes.push('type check failed (svelte-check)');
  }
  return { line: `${passed} passed, ${failed} failed, ${skipped} skipped`, notes };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { values } = parseArgs({
    options: {
      'vitest-status': { type: 'string', default: '0' },
      'e2e-status': { type: 'string', default: '0' },
      'check-status': { type: 'string', default: '0' }
    }
  });
  const { line, notes } = summarise({
    vitest: existsSync('test-output/vitest.json') ? readJson('test-output/vitest.json') : null,
    playwright: existsSync('test-output/playwright.json') ? readJson('test-output/playwright.json') : null,
    vitestStatus: Number(values['vitest-status']),
    e2eStatus: Number(values['e2e-status']),
    checkStatus: Number(values['check-status'])
  });
  for (const n of notes) console.log(n);
  console.log(`\n${line}`);
}
