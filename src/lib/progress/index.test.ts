import { describe, expect, it } from 'vitest';
import * as progress from './index';

describe('progress index', () => {
  it('exports the API and the named thresholds', () => {
    for (const name of ['assess', 'alternativeVerdicts', 'aggregate', 'compareWithPublished', 'changesSinceReview', 'yearOnYear', 'statusLabel']) {
      expect(typeof (progress as Record<string, unknown>)[name]).toBe('function');
    }
    expect(progress.API_ON_TRACK).toBe(1);
    expect(progress.COVERAGE_THRESHOLD).toBe(0.5);
    expect(progress.DEFAULT_BASELINE_YEAR).toBe(2003);
    expect(progress.DEFAULT_HORIZON).toBe(2015);
    expect(progress.MIDPOINT_HORIZON).toBe(2012);
  });
});

import method from './METHOD.md?raw';
import * as constants from './constants';

describe('METHOD.md', () => {
  it('names every threshold in constants.ts', () => {
    const missing = Object.keys(constants).filter((name) => !method.includes(name));
    expect(missing).toEqual([]);
  });
  it('states the values the code uses', () => {
    expect(method).toContain(`MAX_BASELINE_DISTANCE\` = ${constants.MAX_BASELINE_DISTANCE}`);
    expect(method).toContain(`MAX_GAP_YEARS\` = ${constants.MAX_GAP_YEARS}`);
    expect(method).toContain(`MIN_POINTS\` = ${constants.MIN_POINTS}`);
    expect(method).toContain(`COVERAGE_THRESHOLD\` = ${constants.COVERAGE_THRESHOLD}`);
    expect(method).toContain(`LOGIT_EPSILON\` = ${constants.LOGIT_EPSILON}`);
    expect(method).toContain(`version ${constants.METHOD_VERSION}`);
  });
});
