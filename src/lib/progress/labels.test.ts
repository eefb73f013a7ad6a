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

describe('verdict words in the interface language', () => {
  it('are read when used, so a French page gets French words and the rest English', async () => {
    const { overwriteGetLocale } = await import('$lib/paraglide/runtime.js');
    const { verdictText, TREND_LABELS, UNSD_VERDICT_LABELS } = await import('./labels');
    const notMet = { status: 'not_met' as const, horizon: 2015, asOf: 2018, firstYearMet: null, projectedYearReached: 2019 };
    expect(verdictText(notMet)).toBe('Not met by 2015 (trend reaches it in 2019)');
    overwriteGetLocale(() => 'fr');
    try {
      expect(statusLabel('met').label).toBe('Cible atteinte');
      expect(verdictText({ ...notMet, status: 'met_late', firstYearMet: 2019 })).toBe('Atteinte en retard (2019)');
      expect(verdictText(notMet)).toBe('Non atteinte en 2015 (la tendance l’atteint en 2019)');
      expect(TREND_LABELS.significant_progress.label).toBe('Tendance : progrès significatifs');
      expect(insufficientReasonLabel('gap_too_old')).toBe('La dernière observation est trop ancienne pour décrire le présent.');
      overwriteGetLocale(() => 'es');
      expect(STATUS_LABELS.on_track.label).toBe('En buen camino');
      expect(UNSD_VERDICT_LABELS.fair_progress).toBe('Avance aceptable, se necesita acelerar');
    } finally {
      overwriteGetLocale(() => 'en');
    }
    expect(statusLabel('met').label).toBe('Target met');
  });
});
