// One row of a region's or country's status table: shared by the server query that builds
// it and the component that shows it (no server code here, so the component may import it).
export interface EconomyIndicatorStatus {
  indicator: string;
  name: string;
  unit: string;
  goal: number | null;
  latestYear: number | null;
  latestValue: number | null;
  /** Status against the goal at the horizon; null for indicators without a goal. */
  status: string | null;
  reason: string | null;
  note: string | null;
  baselineYear: number | null;
  baselineValue: number | null;
  projectedYearReached: number | null;
  firstYearMet: number | null;
  served: string;
}
