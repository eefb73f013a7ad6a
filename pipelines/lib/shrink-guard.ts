// The last line of defence behind per-source reuse (lib/snapshot.ts): a source that fails or
// shrinks normally gives back its served rows, so its run record shows status 'reused' with the
// served row count and passes here. What is left to catch: a source without a snapshot (a
// derived step such as reconcile-4a1) that failed or loaded fewer than SHRINK_THRESHOLD of its
// previous rows, or a served table (observations, economies, links, ...) that fell below that
// share despite the reuse. Then the run does not publish and the previous warehouse stays
// served; `--accept-shrink` publishes the smaller build on purpose.
//
// Why 90 %: between the mirror's vintages no source loses more than a few per cent of its rows
// (countries are renamed or merged, series are revised), while every failure the probe found
// lost far more: an unreachable API 100 % of the observations, a truncated WSIS-SDG matrix
// 100 % of its links, M49 files cut in half 57 % of the countries.
export const SHRINK_THRESHOLD = 0.9;

/** The tables whose size is watched (what users see), beside every source's own row count. */
export const WATCHED_TABLES = ['observation', 'observation_all', 'economy', 'economy_group', 'action_line_link', 'event', 'participation', 'stocktaking_entry'];

export interface BuildSize {
  /** rows_loaded and status per source, from run_record. */
  sources: Record<string, { status: string; rowsLoaded: number }>;
  tables: Record<string, number>;
}

/** What shrank or failed, one sentence each; empty when the new build may replace the old. */
export function shrinkProblems(previous: BuildSize, current: BuildSize, threshold = SHRINK_THRESHOLD): string[] {
  const problems: string[] = [];
  for (const [id, before] of Object.entries(previous.sources)) {
    const now = current.sources[id];
    if (!now || before.rowsLoaded === 0) continue;
    if (now.status === 'failed') problems.push(`source ${id} failed (it loaded ${before.rowsLoaded} rows in the served build)`);
    else if (now.rowsLoaded < before.rowsLoaded * threshold) problems.push(`source ${id} loaded ${now.rowsLoaded} rows, ${before.rowsLoaded} in the served build`);
  }
  for (const table of WATCHED_TABLES) {
    const before = previous.tables[table] ?? 0;
    const now = current.tables[table] ?? 0;
    if (before > 0 && now < before * threshold) problems.push(`table ${table} would hold ${now} rows, ${before} in the served build`);
  }
  return problems;
}
