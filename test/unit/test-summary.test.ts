// The closing line of npm test must never say "0 failed" for a run that failed.
import { describe, expect, it } from 'vitest';
import { summarise } from '../../scripts/test-summary.js';

const vitest = { numPassedTests: 10, numFailedTests: 0, numPendingTests: 1, numTodoTests: 0 };

describe('test summary', () => {
  it('counts a browser suite that could not start (port taken, no report) as failed', () => {
    // The defect: Playwright exited 1 because port 4173 was taken, wrote no tests, and the line said "0 failed".
    const { line, notes } = summarise({ vitest, playwright: null, vitestStatus: 0, e2eStatus: 1, checkStatus: 0 });
    expect(line).toBe('10 passed, 1 failed, 1 skipped');
    expect(notes[0]).toMatch(/could not start/);
    const withErrors = summarise({
      vitest,
      playwright: { stats: { expected: 0, unexpected: 0, skipped: 0 }, errors: [{ message: 'Error: http://127.0.0.1:4173 is already used\nmore' }] },
      vitestStatus: 0,
      e2eStatus: 1,
      checkStatus: 0
    });
    expect(withErrors.line).toBe('10 passed, 1 failed, 1 skipped');
    expect(withErrors.notes[0]).toMatch(/already used/);
  });

  it('adds the browser results and does not double-count real failures', () => {
    const playwright = { stats: { expected: 5, unexpected: 2, flaky: 0, skipped: 1 } };
    expect(summarise({ vitest, playwright, vitestStatus: 0, e2eStatus: 1, checkStatus: 0 }).line).toBe('15 passed, 2 failed, 2 skipped');
    expect(summarise({ vitest, playwright: { stats: { expected: 5, unexpected: 0, skipped: 0 } }, vitestStatus: 0, e2eStatus: 0, checkStatus: 0 }).line).toBe('15 passed, 0 failed, 1 skipped');
  });

  it('counts a missing vitest report and a failed type check', () => {
    expect(summarise({ vitest: null, playwright: null, vitestStatus: 1, e2eStatus: 0, checkStatus: 1 }).line).toBe('0 passed, 2 failed, 0 skipped');
  });
});
