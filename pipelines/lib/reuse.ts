// Copying a source's last good rows from the served build into the build being made
// (lib/snapshot.ts says when and which rows). The served warehouse is attached read-only
// to the build's connection for the length of the source loop; readers of the served file
// are not disturbed (DuckDB lets several read-only openers share a file).
import type { DuckDBConnection } from '@duckdb/node-api';
import { tableSpec } from '../schema';
import { BULK_STAGING, ensureBulkStaging, nextBatchNo, ensureStaging } from '../observations/staging';
import type { ServedRecord, SourceSnapshot } from './snapshot';

const SERVED = 'served';
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

export interface ServedBuild {
  runId: string;
  records: Map<string, ServedRecord>;
  /** False for builds made before batches recorded their pipeline source: their observations cannot be given back per source. */
  observationsReusable: boolean;
  /** Economies of the source's observations in the served build (observation sources). */
  economies(source: string): Promise<number>;
  /** Replace what this run wrote for the source by its rows in the served build. */
  reuse(source: string, snapshot: SourceSnapshot, origin: string): Promise<void>;
  detach(): Promise<void>;
}

/** Attach the served warehouse read-only; null when there is none or it cannot be read (nothing to reuse). */
export async function attachServed(conn: DuckDBConnection, path: string, log: (line: string) => void): Promise<ServedBuild | null> {
  try {
    await conn.run(`ATTACH ${lit(path)} AS ${SERVED} (READ_ONLY)`);
  } catch (err) {
    log(`the served build cannot be read, so no source can reuse its rows: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
  try {
    const runId = String((await conn.runAndReadAll(`SELECT run_id FROM ${SERVED}.build_info LIMIT 1`)).getRows()[0]?.[0] ?? '');
    const hasOrigin = (await servedColumns(conn, 'run_record')).includes('reused_from');
    const rows = (
      await conn.runAndReadAll(
        `SELECT source, status, rows_loaded, checksum, vintage, run_id, ${hasOrigin ? 'reused_from' : 'NULL'} FROM ${SERVED}.run_record`
      )
    ).getRows();
    const text = (v: unknown) => (v == null ? null : String(v));
    const records = new Map<string, ServedRecord>(
      rows.map((r) => [
        String(r[0]),
        { status: String(r[1]), rowsLoaded: Number(r[2] ?? 0), checksum: text(r[3]), vintage: text(r[4]), runId: String(r[5]), reusedFrom: text(r[6]) }
      ])
    );
    const observationsReusable = (await servedColumns(conn, 'observation_batch')).includes('pipeline_source');
    return {
      runId,
      records,
      observationsReusable,
      economies: (source) => servedEconomies(conn, source),
      reuse: (source, snapshot, origin) => reuseRows(conn, source, snapshot, origin),
      detach: async () => {
        await conn.run(`DETACH ${SERVED}`);
      }
    };
  } catch (err) {
    await conn.run(`DETACH ${SERVED}`).catch(() => {});
    log(`the served build has no readable run record, so no source can reuse its rows: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

async function servedColumns(conn: DuckDBConnection, table: string): Promise<string[]> {
  const rows = await conn.runAndReadAll(
    `SELECT column_name FROM information_schema.columns WHERE table_catalog = '${SERVED}' AND table_schema = 'main' AND table_name = ${lit(table)} ORDER BY ordinal_position`
  );
  return rows.getRows().map((r) => String(r[0]));
}

/** The columns of a table both builds have (a schema change between builds adds or drops some). */
async function sharedColumns(conn: DuckDBConnection, table: string): Promise<string> {
  const served = new Set(await servedColumns(conn, table));
  return tableSpec(table)
    .columns.map((c) => c.name)
    .filter((c) => served.has(c))
    .map((c) => `"${c}"`)
    .join(', ');
}

async function servedEconomies(conn: DuckDBConnection, source: string): Promise<number> {
  const r = await conn.runAndReadAll(
    `SELECT count(DISTINCT a.economy)::INTEGER FROM ${SERVED}.observation_all a JOIN ${SERVED}.observation_batch b USING (batch_id) WHERE b.pipeline_source = $1`,
    [source]
  );
  return Number(r.getRows()[0][0]);
}

/** Distinct economies this run staged for a source (its batches are stamped by then). */
export async function stagedEconomies(conn: DuckDBConnection, source: string): Promise<number> {
  await ensureBulkStaging(conn);
  const r = await conn.runAndReadAll(
    `SELECT count(DISTINCT economy)::INTEGER FROM (
       SELECT batch_id, economy FROM stg_observation
       UNION ALL SELECT b.batch_id, v.economy FROM ${BULK_STAGING} v JOIN stg_batch b USING (batch_no)
       UNION ALL SELECT b.batch_id, v.economy FROM observation_value v JOIN stg_batch b USING (batch_no) WHERE b.direct
     ) JOIN stg_batch USING (batch_id) WHERE pipeline_source = $1`,
    [source]
  );
  return Number(r.getRows()[0][0]);
}

/** Stamp the batches a source just staged with its id (readers do not need to know it). */
export async function stampStagedBatches(conn: DuckDBConnection, source: string): Promise<void> {
  await ensureStaging(conn);
  await conn.run(`UPDATE stg_batch SET pipeline_source = $1 WHERE pipeline_source IS NULL`, [source]);
}

async function reuseRows(conn: DuckDBConnection, source: string, snapshot: SourceSnapshot, origin: string): Promise<void> {
  const id = lit(source);
  if (snapshot.observations) {
    await ensureBulkStaging(conn);
    const mine = `(SELECT batch_id FROM stg_batch WHERE pipeline_source = ${id})`;
    for (const t of ['observation_note', 'stg_observation']) await conn.run(`DELETE FROM ${t} WHERE batch_id IN ${mine}`);
    await conn.run(`DELETE FROM ${BULK_STAGING} WHERE batch_no IN (SELECT batch_no FROM stg_batch WHERE pipeline_source = ${id})`);
    // Values its reader wrote straight into observation_value (not published yet: no observation_batch row).
    await conn.run(`DELETE FROM observation_value WHERE batch_no IN (SELECT batch_no FROM stg_batch WHERE pipeline_source = ${id} AND direct)`);
    await conn.run(`DELETE FROM stg_batch WHERE pipeline_source = ${id}`);
    const servedBatches = `(SELECT batch_id FROM ${SERVED}.observation_batch WHERE pipeline_source = ${id} AND rows_loaded > 0)`;
    // Publisher aggregates (ITU_AFR, M49_001) the values need, declared by the source in the served build.
    await conn.run(`INSERT INTO economy (${await sharedColumns(conn, 'economy')})
      SELECT ${await sharedColumns(conn, 'economy')} FROM ${SERVED}.economy
      WHERE is_aggregate AND code NOT IN (SELECT code FROM economy)
        AND code IN (SELECT DISTINCT economy FROM ${SERVED}.observation_all WHERE batch_id IN ${servedBatches})`);
    // A reused batch's quarantine label is its pipeline source (the published batch does not keep
    // the label; the World Bank sources' shared 'worldbank' becomes 'worldbank-files' or '-api').
    const note = `rows reused from build ${origin}`;
    // keys_unique: the values come from observation_all, whose key they already passed.
    await conn.run(`INSERT INTO stg_batch (batch_id, original_code, vintage, publisher, layout, file, checksum, source, source_id, pipeline_source, keys_unique, batch_no)
      SELECT batch_id, original_code, vintage, publisher, layout, file, checksum,
             CASE WHEN contains(source, ${lit(note)}) THEN source ELSE source || '; ' || ${lit(note)} END, pipeline_source, pipeline_source, true,
             ${await nextBatchNo(conn)} - 1 + row_number() OVER (ORDER BY batch_id)
      FROM ${SERVED}.observation_batch WHERE batch_id IN ${servedBatches} AND batch_id NOT IN (SELECT batch_id FROM stg_batch)`);
    await conn.run(`INSERT INTO ${BULK_STAGING} (batch_no, economy, economy_name, row_number, year_text, raw, v, disaggregation)
      SELECT b.batch_no, a.economy, NULL, NULL, CAST(a.year AS VARCHAR), CAST(a.value AS VARCHAR), a.value, a.disaggregation
      FROM ${SERVED}.observation_all a JOIN stg_batch b USING (batch_id) WHERE b.pipeline_source = ${id}`);
    await conn.run(`INSERT INTO observation_note (${await sharedColumns(conn, 'observation_note')})
      SELECT ${await sharedColumns(conn, 'observation_note')} FROM ${SERVED}.observation_note WHERE batch_id IN ${mine}`);
  }
  for (const { table, where } of snapshot.rows ?? []) {
    const cols = await sharedColumns(conn, table);
    await conn.run(`DELETE FROM "${table}" WHERE ${where}`);
    const ignore = tableSpec(table).primaryKey ? 'OR IGNORE ' : '';
    await conn.run(`INSERT ${ignore}INTO "${table}" (${cols}) SELECT ${cols} FROM ${SERVED}."${table}" WHERE ${where}`);
  }
  for (const { table, key, columns: owned, where } of snapshot.columns ?? []) {
    // A column the served build does not have yet (added since) stays as this run wrote it.
    const served = new Set(await servedColumns(conn, table));
    const columns = owned.filter((c) => served.has(c));
    if (columns.length === 0) continue;
    await conn.run(`UPDATE "${table}" SET ${columns.map((c) => `"${c}" = NULL`).join(', ')} WHERE ${where}`);
    await conn.run(`UPDATE "${table}" SET ${columns.map((c) => `"${c}" = s."${c}"`).join(', ')}
      FROM (SELECT * FROM ${SERVED}."${table}" WHERE ${where}) s WHERE "${table}"."${key}" = s."${key}"`);
  }
}
