// What changed: year-on-year movement in a series, and which verdicts changed since the last review.
import { assess, type Assessment } from './assess';
import { sortedSeries } from './series';
import type { Goal, Series, Status } from './types';

export type YearOnYearChange = {
  year: number;
  value: number;
  previousYear: number;
  previousValue: number;
  /** Years since the previous observation: 1 is a true year-on-year change, more means a gap in the data. */
  yearsBetween: number;
  change: number;
  /** Relative change in per cent; null when the previous value is 0. */
  percentChange: number | null;
};

/** Change from each observation to the next (consecutive observations, with the years between them stated). */
export function yearOnYear(series: Series): YearOnYearChange[] {
  const sorted = sortedSeries(series);
  return sorted.slice(1).map((p, i) => {
    const prev = sorted[i];
    const change = p.value - prev.value;
    return {
      year: p.year,
      value: p.value,
      previousYear: prev.year,
      previousValue: prev.value,
      yearsBetween: p.year - prev.year,
      change,
      percentChange: prev.value === 0 ? null : (100 * change) / Math.abs(prev.value)
    };
  });
}

export type ReviewItem = { id: string; series: Series; goal: Goal };

export type StatusChange = {
  id: string;
  from: Status;
  to: Status;
  changed: boolean;
  before: Assessment;
  after: Assessment;
};

export type ChangesSinceReview = {
  reviewYear: number;
  latestYear: number;
  rows: StatusChange[];
  changed: StatusChange[];
};

/**
 * Assesses each series as of the review year R and as of the latest year (default: the last year
 * with data in any series, so a series that stopped reporting shows up as 'gap_too_old' rather
 * than being judged on its own stale last year), and lists which statuses changed.
 * Insufficient data with a different reason counts as unchanged in status; both reasons are in the assessments.
 */
export function changesSinceReview(items: ReviewItem[], reviewYear: number, options: { latestYear?: number } = {}): ChangesSinceReview {
  if (!Number.isInteger(reviewYear)) throw new Error(`invalid review year: ${reviewYear}`);
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new Error(`duplicate id: ${item.id}`);
    ids.add(item.id);
  }
  const latestYear = options.latestYear ?? Math.max(reviewYear, ...items.flatMap((i) => i.series.map((p) => p.year)));
  if (!Number.isInteger(latestYear) || latestYear < reviewYear) throw new Error(`invalid latest year: ${latestYear}`);
  const rows = items.map(({ id, series, goal }) => {
    const before = assess(series, goal, { asOf: reviewYear });
    const after = assess(series, goal, { asOf: latestYear });
    return { id, from: before.status, to: after.status, changed: before.status !== after.status, before, after };
  });
  return { reviewYear, latestYear, rows, changed: rows.filter((r) => r.changed) };
}
