// Validate every staged observation (of every source) and publish them into observation_value,
// where each accepted value is stored once with its batch number and whether it is served
// (per indicator, economy and disaggregation, the series of the newest vintage that has it);
// observation, observation_all and observation_unserved are views of it, and
// observation_batch holds each batch's provenance. Everything runs as SQL over the staging
// tables; refused values go to quarantine with the reason, file and row, under the source id
// of the batch that staged them. Values a reader already wrote into observation_value
// (stg_batch.direct: they passed the same checks, checks.ts) are only fingerprinted and picked.
import type { DuckDBConnection } from '@duckdb/node-api';
import { BULK_STAGING, ensureBulkStaging, nextBatchNo } from './staging';
import { markDuplicateBatches } from './duplicates';
import { LINE_REASON, REASON } from './checks';

export interface PublishSummary {
  batches: number;
  duplicateBatches: string[];
  conflictingBatches: string[];
  valuesRead: number;
  valuesLoaded: number;
  valuesQuarantined: number;
  linesQuarantined: number;
  served: number;
  vintages: string[];
}

export async function publishObservations(conn: DuckDBConnection): Promise<PublishSummary> {
  await ensureBulkStaging(conn);
  // Every non-missing staged value, trimmed and parsed: the bulk values as staged, the other
  // readers' (API, DataBank, small files: thousands of rows) from stg_observation. A view:
  // scanning it several times costs less than materialising millions of values once more.
  // Duplicate keys within a batch: the first line wins, later lines are refused. Only the
  // values of batches whose reader does not guarantee unique keys are scanned (a bulk file
  // without two lines for one economy cannot repeat a key: at scale that is every value).
  const [[unsureBulk]] = (
    await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM stg_batch WHERE NOT coalesce(keys_unique, false) AND batch_no IS NOT NULL`)
  ).getRows();
  // Every batch gets a number (the bulk readers' already have theirs): values are matched to
  // their batch by that small number, not by the batch_id text.
  await conn.run(`UPDATE stg_batch SET batch_no = u.n
    FROM (SELECT batch_id, ${(await nextBatchNo(conn)) - 1} + row_number() OVER (ORDER BY batch_id) AS n
          FROM stg_batch WHERE batch_no IS NULL) u
    WHERE stg_batch.batch_id = u.batch_id`);
  // Batches whose values a reader already wrote into observation_value (numbered from..to).
  const [[directFrom, directTo]] = (
    await conn.runAndReadAll(`SELECT coalesce(min(batch_no), 0), coalesce(max(batch_no), -1) FROM stg_batch WHERE direct`)
  ).getRows();
  const direct = `(SELECT batch_no FROM stg_batch WHERE direct)`;
  const directRange = `batch_no BETWEEN ${Number(directFrom)} AND ${Number(directTo)}`;
  await conn.run(`CREATE OR REPLACE TEMP VIEW obs_staged AS
    SELECT b.batch_no, o.economy, o.economy_name, o.row_number, o.file,
           trim(o.year) AS year_text, trim(o.raw_value) AS raw, TRY_CAST(trim(o.raw_value) AS DOUBLE) AS v,
           coalesce(o.disaggregation, '') AS disaggregation
    FROM stg_observation o JOIN stg_batch b USING (batch_id) WHERE o.raw_value IS NOT NULL AND trim(o.raw_value) NOT IN ('', '..')
    UNION ALL
    SELECT batch_no, economy, economy_name, row_number, NULL, year_text, raw, v, coalesce(disaggregation, '') FROM ${BULK_STAGING}`);
  // With the values already written: every value of this publish, for the fingerprints.
  await conn.run(`CREATE OR REPLACE TEMP VIEW obs_values AS SELECT * FROM obs_staged
    UNION ALL
    SELECT batch_no, economy, NULL, NULL, NULL, CAST(year AS VARCHAR), CAST(value AS VARCHAR), value, disaggregation
    FROM observation_value WHERE ${directRange} AND batch_no IN ${direct}`);
  const { duplicates, conflicts } = await markDuplicateBatches(conn, 'obs_values');
  // A copy already published by another batch is not loaded twice.
  await conn.run(`DELETE FROM observation_value WHERE ${directRange} AND batch_no IN (SELECT batch_no FROM obs_batch WHERE direct AND duplicate_of IS NOT NULL)`);
  await markContested(conn);

  await conn.run(`CREATE OR REPLACE TEMP TABLE obs_dup_keys AS
    SELECT batch_no, economy, year_text, disaggregation, min(row_number) AS first_row
    FROM (SELECT b.batch_no, o.economy, trim(o.year) AS year_text, coalesce(o.disaggregation, '') AS disaggregation, o.row_number
          FROM stg_observation o JOIN stg_batch b USING (batch_id) WHERE o.raw_value IS NOT NULL AND trim(o.raw_value) NOT IN ('', '..')
          ${Number(unsureBulk) > 0 ? `UNION ALL SELECT v.batch_no, v.economy, v.year_text, coalesce(v.disaggregation, ''), v.row_number
            FROM ${BULK_STAGING} v JOIN stg_batch b USING (batch_no) WHERE NOT coalesce(b.keys_unique, false)` : ''})
    GROUP BY ALL HAVING count(*) > 1`);
  const [[repeatedKeys]] = (await conn.runAndReadAll('SELECT count(*)::INTEGER FROM obs_dup_keys')).getRows();
  const anyRepeated = Number(repeatedKeys) > 0;
  // Values of non-duplicate batches with their check result (NULL = accepted). A view: it is
  // scanned twice (refused, accepted), which costs less than materialising it.
  await conn.run(`CREATE OR REPLACE TEMP VIEW obs_checked AS
    WITH v AS (
      SELECT o.* REPLACE (coalesce(o.file, b.file) AS file), b.batch_id, b.indicator, b.original_code, b.vintage, b.known_indicator, b.upper_bound,
             b.source_id, b.contested, e.code IS NOT NULL AS known_economy, e.is_aggregate, ${anyRepeated ? 'd.first_row' : 'NULL::INTEGER AS first_row'}
      FROM obs_staged o
      JOIN obs_batch b USING (batch_no)
      LEFT JOIN economy e ON e.code = o.economy
      ${anyRepeated ? 'LEFT JOIN obs_dup_keys d USING (batch_no, economy, year_text, disaggregation)' : ''}
      WHERE b.duplicate_of IS NULL
    )
    SELECT *, coalesce(${REASON}, CASE WHEN row_number > first_row THEN
             'duplicate key: economy ' || economy || ', year ' || year_text ||
             CASE WHEN disaggregation <> '' THEN ', ' || disaggregation ELSE '' END || ' (also at row ' || first_row || ')' END) AS reason
    FROM v`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE obs_refused AS SELECT * FROM obs_checked WHERE reason IS NOT NULL`);

  const disagg = `CASE WHEN disaggregation <> '' THEN ' [' || disaggregation || ']' ELSE '' END`;
  await conn.run(`INSERT INTO quarantine
    SELECT source_id, file, row_number, reason,
           left(economy || ',' || coalesce(economy_name, '') || ': ' || string_agg(year_text || ${disagg} || '=' || raw, ', ' ORDER BY year_text, disaggregation), 500)
    FROM obs_refused WHERE ${LINE_REASON}
    GROUP BY file, row_number, reason, economy, economy_name, batch_id, source_id
    ORDER BY file, row_number`);
  await conn.run(`INSERT INTO quarantine
    SELECT source_id, file, row_number,
           reason || ' (economy ' || economy || ', year ' || year_text || CASE WHEN disaggregation <> '' THEN ', ' || disaggregation ELSE '' END || ')',
           left(economy || ',' || coalesce(economy_name, '') || ',' || year_text || ${disagg} || ',' || raw, 500)
    FROM obs_refused WHERE NOT ${LINE_REASON}
    ORDER BY file, row_number, year_text, disaggregation`);

  // observation_all's key (batch_id, economy, year, disaggregation): obs_dup_keys holds every
  // key that occurs more than once among the staged values (the other batches' keys are unique), and year_text is a valid 4-digit
  // year (so year_text::INTEGER keeps keys apart); only accepted values of those keys can repeat.
  if (anyRepeated) {
    await checkKey(conn, `(SELECT batch_id, economy, year_text::INTEGER AS year, disaggregation FROM obs_checked WHERE reason IS NULL AND first_row IS NOT NULL)`,
      'observation_all', ['batch_id', 'economy', 'year', 'disaggregation']);
  }
  await writeAccepted(conn, directRange);
  // Values loaded per batch of this publish, and whether the batch serves any.
  const [[from, to]] = (await conn.runAndReadAll('SELECT min(batch_no), max(batch_no) FROM obs_batch')).getRows();
  await conn.run(`CREATE OR REPLACE TEMP TABLE obs_loaded AS
    SELECT batch_no, count(*)::INTEGER AS n, bool_or(served) AS served FROM observation_value
    WHERE batch_no BETWEEN ${Number(from ?? 0)} AND ${Number(to ?? -1)} AND batch_no IN (SELECT batch_no FROM obs_batch) GROUP BY 1`);
  await conn.run(`INSERT INTO observation_batch BY NAME
    SELECT b.batch_id, b.indicator, b.original_code, b.vintage, b.publisher, b.layout, b.file, b.checksum,
           coalesce(n.n, 0) AS rows_loaded, coalesce(n.served, false) AS is_served,
           b.source || CASE WHEN b.duplicate_of IS NOT NULL
             THEN '; duplicate copy of ' || b.duplicate_of || ' (same indicator, vintage and values), not loaded twice' ELSE '' END AS source,
           b.pipeline_source, b.batch_no
    FROM obs_batch b LEFT JOIN obs_loaded n USING (batch_no) ORDER BY b.batch_id`);

  const [counts] = (
    await conn.runAndReadAll(`SELECT (SELECT coalesce(sum(n), 0) FROM obs_loaded) + count(*),
      (SELECT coalesce(sum(n), 0) FROM obs_loaded)::INTEGER,
      count(*)::INTEGER,
      (SELECT count(DISTINCT (file, row_number)) FROM obs_refused WHERE ${LINE_REASON})::INTEGER,
      (SELECT count(*) FROM observation_value WHERE served)::INTEGER, (SELECT count(*) FROM obs_batch)::INTEGER
      FROM obs_refused`)
  ).getRows();
  const vintages = (await conn.runAndReadAll(`SELECT DISTINCT strftime(vintage, '%Y-%m-%d') FROM obs_batch WHERE vintage IS NOT NULL ORDER BY 1`))
    .getRows()
    .map((r) => String(r[0]));
  await conn.run('DROP VIEW IF EXISTS obs_checked');
  await conn.run('DROP TABLE IF EXISTS obs_refused');
  await conn.run('DROP TABLE IF EXISTS obs_dup_keys');
  await conn.run('DROP VIEW IF EXISTS obs_values');
  await conn.run('DROP VIEW IF EXISTS obs_staged');
  await conn.run('DROP TABLE IF EXISTS obs_loaded');
  return {
    batches: Number(counts[5]),
    duplicateBatches: duplicates,
    conflictingBatches: conflicts,
    valuesRead: Number(counts[0]),
    valuesLoaded: Number(counts[1]),
    valuesQuarantined: Number(counts[2]),
    linesQuarantined: Number(counts[3]),
    served: Number(counts[4]),
    vintages
  };
}

/**
 * A batch is contested when another batch (new, or already in the warehouse) has its
 * indicator: only then can another batch serve some of its series. An uncontested batch
 * serves every value it has (at scale, nearly every batch), with no per-series pick.
 */
async function markContested(conn: DuckDBConnection): Promise<void> {
  await conn.run(`ALTER TABLE obs_batch ADD COLUMN contested BOOLEAN`);
  await conn.run(`UPDATE obs_batch SET contested = c.k > 1 FROM (
      SELECT indicator, count(*) AS k FROM (
        SELECT indicator, batch_id FROM obs_batch WHERE duplicate_of IS NULL
        UNION SELECT indicator, batch_id FROM observation_batch WHERE rows_loaded > 0) GROUP BY indicator) c
    WHERE obs_batch.indicator IS NOT DISTINCT FROM c.indicator`);
  await conn.run(`UPDATE obs_batch SET contested = true WHERE contested IS NULL`);
}

/**
 * Write each accepted staged value once into observation_value, served when its batch serves
 * its series: per indicator, economy and disaggregation, the newest batch holding that series
 * (undated last). Values already there (written by their reader, or by an earlier publish in
 * this warehouse) take part in the pick, and their served flag changes where the pick says so.
 */
async function writeAccepted(conn: DuckDBConnection, directRange: string): Promise<void> {
  const [[published]] = (await conn.runAndReadAll('SELECT count(*)::INTEGER FROM observation_batch')).getRows();
  const fresh = Number(published) === 0;
  if (!fresh) {
    // A batch already published staged again would repeat its keys: refuse it loudly.
    const again = (await conn.runAndReadAll('SELECT batch_id FROM obs_batch WHERE batch_id IN (SELECT batch_id FROM observation_batch) LIMIT 3')).getRows();
    if (again.length > 0) throw new Error(`observation_all: key (batch_id, economy, year, disaggregation) would repeat: batch ${again.map((r) => String(r[0])).join(', ')} is already published`);
  }
  // Batches whose values are already stored and take part in the pick: written by their reader,
  // and (a second publish) already published for a contested indicator.
  const stored = `(SELECT batch_no, indicator, batch_id, vintage FROM obs_batch WHERE direct AND contested AND duplicate_of IS NULL
    ${fresh ? '' : `UNION ALL SELECT batch_no, indicator, batch_id, vintage FROM observation_batch WHERE indicator IN (SELECT indicator FROM obs_batch WHERE contested)`})`;
  // The series of contested batches (one row per series and batch), staged or stored; for a
  // stored one, whether its values are all, or any, served now.
  await conn.run(`CREATE OR REPLACE TEMP TABLE obs_series AS
    SELECT b.indicator, c.economy, c.disaggregation, b.batch_id, b.vintage, c.batch_no, false AS stored, NULL::BOOLEAN AS all_served, NULL::BOOLEAN AS any_served
    FROM (SELECT DISTINCT batch_no, economy, disaggregation FROM obs_checked WHERE reason IS NULL AND contested) c JOIN obs_batch b USING (batch_no)
    UNION ALL
    SELECT b.indicator, v.economy, v.disaggregation, b.batch_id, b.vintage, v.batch_no, true, v.all_served, v.any_served
    FROM (SELECT batch_no, economy, disaggregation, bool_and(served) AS all_served, bool_or(served) AS any_served FROM observation_value
          WHERE ${fresh ? `${directRange} AND ` : ''}batch_no IN (SELECT batch_no FROM ${stored}) GROUP BY ALL) v
    JOIN ${stored} b USING (batch_no)`);
  // Unique by construction: one batch per series, and batch, economy, year and
  // disaggregation unique in the values (checked above).
  await conn.run(`CREATE OR REPLACE TEMP TABLE obs_pick AS
    SELECT indicator, economy, disaggregation, batch_no FROM obs_series
    QUALIFY row_number() OVER (PARTITION BY indicator, economy, disaggregation ORDER BY vintage DESC NULLS LAST, batch_id) = 1`);
  await checkKey(conn, 'obs_pick', 'observation', ['indicator', 'economy', 'disaggregation']);
  // Each accepted value with whether the pick serves its series: a left join on the pick (one row
  // per batch, economy and disaggregation, so no value is repeated). An EXISTS here became a mark
  // join with IS NOT DISTINCT FROM on three columns: a quarter of this insert's time at 1.2 M
  // values, even with no contested batch.
  await conn.run(`INSERT INTO observation_value
    SELECT c.batch_no, c.economy, c.year_text::INTEGER, c.disaggregation, c.v, NOT c.contested OR p.batch_no IS NOT NULL
    FROM obs_checked c
    LEFT JOIN obs_pick p ON p.batch_no = c.batch_no AND p.economy = c.economy AND p.disaggregation = c.disaggregation
    WHERE c.reason IS NULL`);
  // Series already stored whose served flag the pick changes: values a reader wrote as served
  // before any pick (an older vintage of a series), or (a second publish) a series given to
  // the new batch or back. Uncontested batches are never among them.
  await conn.run(`CREATE OR REPLACE TEMP TABLE obs_flip AS
    SELECT s.batch_no, s.economy, s.disaggregation, p.batch_no IS NOT NULL AS served
    FROM obs_series s LEFT JOIN obs_pick p USING (batch_no, economy, disaggregation)
    WHERE s.stored AND (s.all_served IS DISTINCT FROM s.any_served OR s.all_served IS DISTINCT FROM (p.batch_no IS NOT NULL))`);
  const [[flips]] = (await conn.runAndReadAll('SELECT count(*)::INTEGER FROM obs_flip')).getRows();
  if (Number(flips) > 0) {
    await conn.run(`UPDATE observation_value SET served = f.served FROM obs_flip f
      WHERE observation_value.batch_no = f.batch_no AND observation_value.economy = f.economy
        AND observation_value.disaggregation = f.disaggregation`);
  }
  for (const t of ['obs_series', 'obs_pick', 'obs_flip']) await conn.run(`DROP TABLE IF EXISTS ${t}`);
}

/** Fail loudly when rows of `source` share the key columns (the key of `table`, or what guarantees it). */
async function checkKey(conn: DuckDBConnection, source: string, table: string, key: string[]): Promise<void> {
  const cols = key.map((k) => `"${k}"`).join(', ');
  const dup = (await conn.runAndReadAll(`SELECT ${cols}, count(*)::INTEGER FROM ${source} GROUP BY ALL HAVING count(*) > 1 LIMIT 3`)).getRows();
  if (dup.length > 0) {
    throw new Error(`${table}: key (${key.join(', ')}) would repeat, e.g. ${dup.map((r) => r.map(String).join('/')).join('; ')}`);
  }
}
