// One table cell's verdict, as the server sends it and the VerdictCell component draws it: a goal
// verdict (StatusPill) or a trend verdict for an indicator without a numeric goal (TrendBadge).
// Built by verdictCells() from the one decision in $lib/progress (verdictFor); no server code here.
import {
  verdictFor,
  type Assessment,
  type CatalogEntry,
  type InsufficientReason,
  type Series,
  type TrendAssessment,
  type TrendInsufficientReason,
  type TrendStatus,
  type VerdictFacts
} from '$lib/progress';

export type GoalCell = VerdictFacts & { kind: 'goal'; reason: InsufficientReason | null; note: string | null };
export type TrendCell = { kind: 'trend'; status: TrendStatus; reason: TrendInsufficientReason | null; cagr: number | null; asOf: number | null };
export type VerdictCellData = GoalCell | TrendCell;

export function goalCell(a: Assessment): GoalCell {
  return {
    kind: 'goal',
    status: a.status,
    reason: a.reason,
    note: a.note,
    horizon: a.horizon,
    asOf: a.asOf,
    firstYearMet: a.firstYearMet,
    projectedYearReached: a.projectedYearReached
  };
}

export function trendCell(t: TrendAssessment): TrendCell {
  return { kind: 'trend', status: t.status, reason: t.reason, cagr: t.cagr, asOf: t.asOf };
}

/**
 * The two verdicts a page shows for a horizon: as of the horizon year ("by 2015", null when the
 * series starts after it) and as of the latest data ("now"). Both null for a series that is not
 * judged (no direction in the catalog) or has no data.
 */
export function verdictCells(series: Series, entry: CatalogEntry, horizon: number): { byHorizon: VerdictCellData | null; now: VerdictCellData | null } {
  const cell = (asOf?: number): VerdictCellData | null => {
    const v = verdictFor(series, entry, { horizon, ...(asOf !== undefined ? { asOf } : {}) });
    return v.kind === 'goal' ? goalCell(v.assessment) : v.kind === 'trend' ? trendCell(v.trend) : null;
  };
  if (series.length === 0) return { byHorizon: null, now: null };
  return { byHorizon: series.some((p) => p.year <= horizon) ? cell(horizon) : null, now: cell() };
}
