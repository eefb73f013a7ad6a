// A source's last good snapshot: the rows it published in the build being served. When a
// source fails, is skipped, or shrinks past REUSE_THRESHOLD against that build, the runner
// (run.ts) drops what this run wrote for it and copies its rows from the served build into
// the new one (lib/reuse.ts), so the other sources' fresh data still publishes and users
// never lose data. run_record then says `reused`, from which build and why.
//
// How rows are tied to a source (declared on each Source as `snapshot`):
// - observation sources: their batches (observation_batch.pipeline_source, stamped by the
//   runner), with the batches' values (observation_all) and notes (observation_note), and the
//   publisher aggregates those values need; re-staged before observations-publish, so they
//   are validated and take part in the served pick like fresh batches;
// - other sources: a SQL condition per table on the rows they own (all rows of a table they
//   alone write, or a source/id/classification pattern), and, for M49, the columns it fills
//   in on the World Bank's economy rows.
//
// Why 90 %: between the mirror's vintages no source loses more than a few per cent of its rows
// or countries (renamed, merged, revised), while every failure a probe found lost far more: an
// unreachable API 100 % of the observations, a truncated WSIS-SDG matrix 100 % of its links,
// M49 files cut in half 50 % of the countries.
import type { TableName } from '../schema';

export const REUSE_THRESHOLD = 0.9;

/** Rows a source owns in one table: a SQL condition on that table's columns ('true' = all). */
export interface OwnedRows {
  table: TableName;
  where: string;
}

/** Columns a source fills in on rows another source owns (M49 on the World Bank's economies), matched by key. */
export interface OwnedColumns {
  table: TableName;
  key: string;
  columns: string[];
  /** Which rows it fills (a condition on the table's columns). */
  where: string;
}

export interface SourceSnapshot {
  /** It stages observations: its batches are observation_batch rows with pipeline_source = its id. */
  observations?: boolean;
  rows?: OwnedRows[];
  columns?: OwnedColumns[];
}

/** The snapshot of a source that only stages observations. */
export const OBSERVATIONS: SourceSnapshot = { observations: true };

/** A source's line in the served build's run record. */
export interface ServedRecord {
  runId: string;
  status: string;
  rowsLoaded: number;
  checksum: string | null;
  vintage: string | null;
  /** Set when the served build itself reused the source's rows: the build they come from. */
  reusedFrom: string | null;
}

export interface Attempt {
  status: string;
  rowsLoaded: number;
  /** Distinct economies staged (observation sources), beside the same count in the served build. */
  economies?: { now: number; served: number };
}

/** The build a source's served rows come from (the earliest, when they were reused before). */
export const originOf = (r: ServedRecord): string => r.reusedFrom ?? r.runId;

const pct = (share: number) => `${Math.round(share * 100)} %`;

/** Why this run's rows of a source must not replace its served ones, or null when they may. */
export function reuseReason(served: ServedRecord | undefined, now: Attempt, threshold = REUSE_THRESHOLD): string | null {
  if (!served || served.rowsLoaded === 0) return null;
  if (now.status === 'failed') return "today's fetch failed";
  if (now.status === 'skipped') return 'the source was skipped in this run';
  if (now.rowsLoaded < served.rowsLoaded * threshold) {
    return `today's fetch loaded ${now.rowsLoaded} rows, ${served.rowsLoaded} in the served build (less than ${pct(threshold)})`;
  }
  const e = now.economies;
  if (e && e.served > 0 && e.now < e.served * threshold) {
    return `today's fetch covers ${e.now} economies, ${e.served} in the served build (less than ${pct(threshold)})`;
  }
  return null;
}
