import { describe, expect, it } from 'vitest';
import { originOf, reuseReason, type ServedRecord } from './snapshot';

// Figures of the real mirror build: M49 loads 496 country lines, the matrix 287 links.
const m49: ServedRecord = { runId: '2026-11-29T10-00-00-000Z', status: 'ok', rowsLoaded: 496, checksum: null, vintage: null, reusedFrom: null };

describe('reuseReason', () => {
  it('keeps this run when the source loads as much, slightly less, or had nothing served', () => {
    expect(reuseReason(m49, { status: 'ok', rowsLoaded: 496 })).toBeNull();
    expect(reuseReason(m49, { status: 'partial', rowsLoaded: 480 })).toBeNull();
    expect(reuseReason(undefined, { status: 'failed', rowsLoaded: 0 })).toBeNull();
    expect(reuseReason({ ...m49, rowsLoaded: 0 }, { status: 'failed', rowsLoaded: 0 })).toBeNull();
  });

  it('reuses the served rows when the source fails, is skipped, or shrinks past 90 % in rows or economies', () => {
    expect(reuseReason(m49, { status: 'failed', rowsLoaded: 0 })).toBe("today's fetch failed");
    expect(reuseReason(m49, { status: 'skipped', rowsLoaded: 0 })).toBe('the source was skipped in this run');
    // M49 files cut in half: 248 of 496 lines.
    expect(reuseReason(m49, { status: 'ok', rowsLoaded: 248 })).toBe("today's fetch loaded 248 rows, 496 in the served build (less than 90 %)");
    expect(reuseReason(m49, { status: 'ok', rowsLoaded: 446 })).not.toBeNull();
    expect(reuseReason(m49, { status: 'ok', rowsLoaded: 447 })).toBeNull();
    expect(reuseReason(m49, { status: 'ok', rowsLoaded: 496, economies: { now: 100, served: 217 } })).toBe(
      "today's fetch covers 100 economies, 217 in the served build (less than 90 %)"
    );
  });

  it('names the build the rows come from, through earlier reuses', () => {
    expect(originOf(m49)).toBe(m49.runId);
    expect(originOf({ ...m49, status: 'reused', reusedFrom: '2026-11-01T00-00-00-000Z' })).toBe('2026-11-01T00-00-00-000Z');
  });
});
