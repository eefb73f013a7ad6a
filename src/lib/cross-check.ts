// A cross-check of one world series from two publishers (built by src/lib/server/queries/cross-checks.ts).
export interface CrossCheckRow {
  year: number;
  itu: number | null;
  /** ITU marks the value as its estimate (observation_note kind 'estimate'). */
  ituEstimate: boolean;
  worldBank: number | null;
  /** ITU minus World Bank, where both exist. */
  difference: number | null;
}

export interface CrossCheck {
  itu: { code: string; name: string; economy: string; vintage: string | null; file: string | null };
  worldBank: { code: string; name: string; economy: string; vintage: string | null; file: string | null };
  unit: string;
  rows: CrossCheckRow[];
  /** The largest absolute difference and its year (null when no year has both). */
  maxAbsDifference: number | null;
  maxAbsDifferenceYear: number | null;
}

