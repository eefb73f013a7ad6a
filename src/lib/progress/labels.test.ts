import { describe, expect, it } from 'vitest';
import { INSUFFICIENT_REASON_LABELS, STATUS_LABELS, insufficientReasonLabel, statusLabel } from './labels';
import { INSUFFICIENT_REASONS, STATUSES, type Status } from './types';

describe('labels', () => {
  it('has a label, a one-sentence explanation and a distinct colour token for every status', () => {
    for (const s of STATUSES) {
      const l = STATUS_LABELS[s];
      expect(l.label.length).toBeGreaterThan(0);
      expect(l.explanation).toMatch(/^[A-Z][^.]*(\([^)]*\))?[^.]*\.$/); // one sentence
      expect(l.colorToken).toMatch(/^--status-/);
    }
    expect(new Set(STATUSES.map((s) => STATUS_LABELS[s].colorToken)).size).toBe(STATUSES.length);
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...STATUSES].sort());
  });
  it('covers every insufficient-data reason', () => {
    expect(Object.keys(INSUFFICIENT_REASON_LABELS).sort()).toEqual([...INSUFFICIENT_REASONS].sort());
    expect(insufficientReasonLabel('gap_too_old')).toMatch(/too old/);
  });
  it('throws on unknown names', () => {
    expect(statusLabel('too_slow').label).toBe('Progress too slow');
    expect(() => statusLabel('fine' as Status)).toThrow(/invalid status: fine/);
  });
});
