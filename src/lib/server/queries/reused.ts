// The sources whose rows this build reused from an earlier one (run_record status 'reused',
// pipelines/lib/snapshot.ts). A warehouse built before reuse existed has no reused_from column
// and reuses nothing.
import { query } from '$lib/server/warehouse';
import type { ReusedSource } from '$lib/reused/notices';

export async function reusedSources(): Promise<ReusedSource[]> {
  const [known] = await query<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM information_schema.columns WHERE table_name = 'run_record' AND column_name = 'reused_from'`
  );
  if (!known?.n) return [];
  return query<ReusedSource>(
    `SELECT source, reused_from AS "reusedFrom", message FROM run_record WHERE status = 'reused' AND reused_from IS NOT NULL ORDER BY started_at, source`
  );
}
