// One row of a region's or country's status table: shared by the server query that builds
// it and the component that shows it (no server code here, so the component may import it).
import type { VerdictCellData } from '$lib/verdict-cell';
import { m } from '$lib/paraglide/messages.js';

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
/** Headings for each kind of group, in the interface language (read when used). */
export const GROUP_KIND_LABELS = {
  get world() {
    return m.kind_world();
  },
  get region() {
    return m.kind_region();
  },
  get income() {
    return m.kind_income();
  },
  get ldc() {
    return m.kind_ldc();
  },
  get country() {
    return m.kind_country();
  }
};
