// One row of a region's or country's status table: shared by the server query that builds
// it and the component that shows it (no server code here, so the component may import it).
import type { VerdictCellData } from '$lib/verdict-cell';
export interface EconomyIndicatorStatus {
  indicator: string;
  name: string;
  unit: string;
  goal: number | null;
  latestYear: number | null;
  latestValue: number | null;
  /** Status against the goal at the horizon, as of the latest data; null for indicators without a goal. */
  status: string | null;
  /** The verdict as of the horizon year (data up to then): a goal verdict, or a trend verdict without a goal; null without data up to then or for a series not judged. */
  byHorizon: VerdictCellData | null;
  /** The verdict for the horizon as of the latest data (goal or trend); null for a series not judged. */
  now: VerdictCellData | null;
  reason: string | null;
  note: string | null;
  baselineYear: number | null;
  baselineValue: number | null;
  projectedYearReached: number | null;
  firstYearMet: number | null;
  served: string;
}

/** Row-group headings of the status-by-group tables (target and MDG pages), by economy kind. */
export const GROUP_KIND_LABELS = {
  world: 'World',
  region: 'World Bank regions',
  income: 'Income groups',
  ldc: 'Least developed countries',
  country: 'Countries'
} as const;
