// One row of a region's or country's status table: shared by the server query that builds
// it and the component that shows it (no server code here, so the component may import it).
import type { InsufficientReason, VerdictFacts } from '$lib/progress';

export type VerdictCell = VerdictFacts & { reason: InsufficientReason | null };
export interface EconomyIndicatorStatus {
  indicator: string;
  name: string;
  unit: string;
  goal: number | null;
  latestYear: number | null;
  latestValue: number | null;
  /** Status against the goal at the horizon, as of the latest data; null for indicators without a goal. */
  status: string | null;
  /** The verdict as of the horizon year (data up to then); null without a goal or without data up to then. */
  byHorizon: VerdictCell | null;
  /** The verdict for the horizon as of the latest data; null without a goal. */
  now: VerdictCell | null;
  reason: string | null;
  note: string | null;
  baselineYear: number | null;
  baselineValue: number | null;
  projectedYearReached: number | null;
  firstYearMet: number | null;
  served: string;
}
