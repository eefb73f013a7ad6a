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
