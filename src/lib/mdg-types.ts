// Shapes of the MDG data the server builds and pages show (no server code here, so components may import it).

export interface MdgIndicator {
  id: string;
  target: string;
  goal: number;
  name: string;
  wbCode: string;
  wbMatch: 'same' | 'proxy';
  goalRule: string | null;
  goalValue: number | null;
  goalFraction: string | null;
  goalReasoning: string;
  source: string;
  /** yes, partly or no; what was checked in verificationNote. */
  verified: string;
  verificationNote: string;
  /** From the indicator catalog, when the series is loaded. */
  seriesName: string | null;
  unit: string | null;
  higherIsBetter: boolean;
  upperBound: number | null;
  baseYear: number | null;
  horizon: number | null;
  observations: number;
}

export type EconomyKind = 'world' | 'region' | 'income' | 'ldc' | 'country';

export interface MdgVerdict {
  code: string;
  name: string;
  kind: EconomyKind;
  /** World Bank region of a country (null for aggregates). */
  region: string | null;
  goalValue: number | null;
  baselineYear: number | null;
  baselineValue: number | null;
  latestYear: number | null;
  latestValue: number | null;
  /** The verdict on all the data (the same assess() as every WSIS target). */
  status: string | null;
  reason: string | null;
  note: string | null;
  firstYearMet: number | null;
  projectedYearReached: number | null;
  /** The verdict as it stood in the horizon year, when the data go beyond it. */
  statusAtHorizon: string | null;
  /** For a series whose target sets no numeric goal: the trend verdict (growth since the baseline against fixed thresholds), else null. */
  trend: { status: string; reason: string | null; cagr: number | null; baselineYear: number | null; asOf: number | null } | null;
}

export interface ActionLineMdg {
  goal: number;
  title: string;
  rationale: string;
  source: string;
  indicators: { indicator: MdgIndicator; world: MdgVerdict }[];
}
