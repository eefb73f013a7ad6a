// Validate every staged observation (of every source) and publish: observation (served values:
// per indicator, economy and disaggregation, the series of the newest vintage that has it),
// observation_unserved (every other accepted value; the view observation_all is both) and
// observation_batch (provenance). Everything
// runs as SQL over the staging tables; refused values go to quarantine with the reason,
// file and row, under the source id of the batch that staged them.
import type { DuckDBConnection } from '@duckdb/node-api';
import { BULK_STAGING, ensureBulkStaging } from './staging';
import { DISAGGREGATION_PATTERN } from '../schema';
import { markDuplicateBatches } from './duplicates';
import { createTableSql, tableSpec } from '../schema';

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

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The reason a staged value is refused (NULL = accepted), in check order. */
const REASON = `CASE
  WHEN NOT known_indicator THEN 'unknown indicator code: ' || original_code
  WHEN NOT known_economy THEN 'unknown economy code: ' || economy
  WHEN NOT regexp_full_match(year_text, '(1[89]|20|21)[0-9]{2}') THEN 'invalid year: "' || year_text || '"'
  WHEN NOT regexp_full_match(disaggregation, ${q(DISAGGREGATION_PATTERN)}) THEN 'invalid disaggregation: "' || disaggregation || '"'
  WHEN v IS NULL OR isnan(v) OR isinf(v) THEN 'non-numeric value: "' || raw || '"'
  WHEN v < 0 THEN 'out of range: ' || raw || ' (negative)'
  WHEN upper_bound IS NOT NULL AND v > upper_bound THEN 'out of range: ' || raw || ' (allowed 0..' ||
    CASE WHEN upper_bound = floor(upper_bound) THEN CAST(upper_bound::BIGINT AS VARCHAR) ELSE CAST(upper_bound AS VARCHAR) END || ')'
END`;

/** Reasons that concern the whole line (one quarantine row per line, not per value). */
const LINE_REASON = `(reason LIKE 'unknown indicator code:%' OR reason LIKE 'unknown economy code:%')`;

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
    FROM (SELECT batch_id, (SELECT coalesce(max(batch_no), 0) FROM stg_batch) + row_number() OVER (ORDER BY batch_id) AS n
          FROM stg_batch WHERE batch_no IS NULL) u
    WHERE stg_batch.batch_id = u.batch_id`);
  await conn.run(`CREATE OR REPLACE TEMP VIEW obs_values AS
    SELECT b.batch_no, o.economy, o.economy_name, o.row_number, o.file,
           trim(o.year) AS year_text, trim(o.raw_value) AS raw, TRY_CAST(trim(o.raw_value) AS DOUBLE) AS v,
           coalesce(o.disaggregation, '') AS disaggregation
    FROM stg_observation o JOIN stg_batch b USING (batch_id) WHERE o.raw_value IS NOT NULL AND trim(o.raw_value) NOT IN ('', '..')
    UNION ALL
    SELECT batch_no, economy, economy_name, row_number, NULL, year_text, raw, v, coalesce(disaggregation, '') FROM ${BULK_STAGING}`);
  const { duplicates, conflicts } = await markDuplicateBatches(conn, 'obs_values');
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
      FROM obs_values o
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
  await writeAccepted(conn);
  // Values loaded per batch of this publish (observation_all is observation + observation_unserved).
  await conn.run(`CREATE OR REPLACE TEMP TABLE obs_loaded AS
    SELECT batch_id, count(*)::INTEGER AS n FROM observation_all WHERE batch_id IN (SELECT batch_id FROM obs_batch) GROUP BY 1`);
  await conn.run(`INSERT INTO observation_batch BY NAME
    WITH s AS (SELECT DISTINCT batch_id FROM observation)
    SELECT b.batch_id, b.indicator, b.original_code, b.vintage, b.publisher, b.layout, b.file, b.checksum,
           coalesce(n.n, 0) AS rows_loaded, s.batch_id IS NOT NULL AS is_served,
           b.source || CASE WHEN b.duplicate_of IS NOT NULL
             THEN '; duplicate copy of ' || b.duplicate_of || ' (same indicator, vintage and values), not loaded twice' ELSE '' END AS source,
           b.pipeline_source
    FROM obs_batch b LEFT JOIN obs_loaded n USING (batch_id) LEFT JOIN s USING (batch_id) ORDER BY b.batch_id`);

  const [counts] = (
    await conn.runAndReadAll(`SELECT (SELECT coalesce(sum(n), 0) FROM obs_loaded) + count(*),
      (SELECT coalesce(sum(n), 0) FROM obs_loaded)::INTEGER,
      count(*)::INTEGER,
      (SELECT count(DISTINCT (file, row_number)) FROM obs_refused WHERE ${LINE_REASON})::INTEGER,
      (SELECT count(*) FROM observation)::INTEGER, (SELECT count(*) FROM obs_batch)::INTEGER
      FROM obs_refused`)
  ).getRows();
  const vintages = (await conn.runAndReadAll(`SELECT DISTINCT strftime(vintage, '%Y-%m-%d') FROM obs_batch WHERE vintage IS NOT NULL ORDER BY 1`))
    .getRows()
    .map((r) => String(r[0]));
  await conn.run('DROP VIEW IF EXISTS obs_checked');
  await conn.run('DROP TABLE IF EXISTS obs_refused');
  await conn.run('DROP TABLE IF EXISTS obs_dup_keys');
  await conn.run('DROP VIEW IF EXISTS obs_values');
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
        UNION SELECT DISTINCT indicator, batch_id FROM observation_all) GROUP BY indicator) c
    WHERE obs_batch.indicator IS NOT DISTINCT FROM c.indicator`);
  await conn.run(`UPDATE obs_batch SET contested = true WHERE contested IS NULL`);
}

/**
 * Write each accepted value once: served values (per indicator, economy and disaggregation,
 * the newest batch holding that series, undated last) into observation, the others into
 * observation_unserved; observation_all is the view of both. Values already in the warehouse
 * (a second publish in one connection) take part in the pick: they are moved to
 * observation_unserved first and the picked ones back.
 */
async function writeAccepted(conn: DuckDBConnection): Promise<void> {
  const emptyUnserved = await dropKeyIfEmpty(conn, 'observation_unserved');
  const emptyServed = await dropKeyIfEmpty(conn, 'observation');
  const fresh = emptyUnserved && emptyServed;
  if (!emptyServed) {
    await conn.run(`INSERT INTO observation_unserved BY NAME
      SELECT batch_id, indicator, economy, year, disaggregation, value, vintage FROM observation`);
    await conn.run('DELETE FROM observation');
    await dropKeyIfEmpty(conn, 'observation');
  }
  if (!fresh) {
    // A batch already in the warehouse staged again: its keys must not repeat across both.
    await checkKey(conn, `(SELECT batch_id, economy, year, disaggregation FROM observation_unserved WHERE batch_id IN (SELECT batch_id FROM obs_batch)
        UNION ALL SELECT batch_id, economy, year_text::INTEGER, disaggregation FROM obs_checked
        WHERE reason IS NULL AND batch_id IN (SELECT batch_id FROM observation_unserved))`,
      'observation_all', ['batch_id', 'economy', 'year', 'disaggregation']);
  }
  // The series of contested batches (one row per series and batch), and the pick.
  await conn.run(`CREATE OR REPLACE TEMP TABLE obs_series AS
    SELECT b.indicator, c.economy, c.disaggregation, b.batch_id, b.vintage, c.batch_no
    FROM (SELECT DISTINCT batch_no, economy, disaggregation FROM obs_checked WHERE reason IS NULL AND contested) c JOIN obs_batch b USING (batch_no)
    ${fresh ? '' : `UNION ALL SELECT DISTINCT indicator, economy, disaggregation, batch_id, vintage, NULL::INTEGER FROM observation_unserved`}`);
  // Unique by construction: one batch per series, and batch, economy, year and
  // disaggregation unique in the values (checked above).
  await conn.run(`CREATE OR REPLACE TEMP TABLE obs_pick AS
    SELECT indicator, economy, disaggregation, batch_id, batch_no FROM obs_series
    QUALIFY row_number() OVER (PARTITION BY indicator, economy, disaggregation ORDER BY vintage DESC NULLS LAST, batch_id) = 1`);
  await checkKey(conn, 'obs_pick', 'observation', ['indicator', 'economy', 'disaggregation']);
  // Each accepted value with whether the pick serves its series: a left join on the pick (one row
  // per batch, economy and disaggregation, so no value is repeated). An EXISTS here became a mark
  // join with IS NOT DISTINCT FROM on three columns: a quarter of this insert's time at 1.2 M
  // values, even with no contested batch.
  const accepted = `(SELECT c.*, p.batch_no IS NOT NULL AS picked FROM obs_checked c
    LEFT JOIN obs_pick p ON p.batch_no = c.batch_no AND p.economy = c.economy AND p.disaggregation = c.disaggregation
    WHERE c.reason IS NULL)`;
  await conn.run(`INSERT INTO observation BY NAME
    SELECT indicator, economy, year_text::INTEGER AS year, disaggregation, v AS value, vintage, batch_id, is_aggregate
    FROM ${accepted} WHERE NOT contested OR picked`);
  await conn.run(`INSERT INTO observation_unserved BY NAME
    SELECT batch_id, indicator, economy, year_text::INTEGER AS year, disaggregation, v AS value, vintage
    FROM ${accepted} WHERE contested AND NOT picked`);
  if (!fresh) {
    // Values already in the warehouse that the pick serves move back to observation.
    const old = `FROM observation_unserved u JOIN obs_pick p ON p.batch_no IS NULL AND p.batch_id = u.batch_id AND p.economy = u.economy AND p.disaggregation = u.disaggregation`;
    await conn.run(`INSERT INTO observation BY NAME
      SELECT u.indicator, u.economy, u.year, u.disaggregation, u.value, u.vintage, u.batch_id, e.is_aggregate ${old} JOIN economy e ON e.code = u.economy`);
    await conn.run(`DELETE FROM observation_unserved u USING obs_pick p
      WHERE p.batch_no IS NULL AND p.batch_id = u.batch_id AND p.economy = u.economy AND p.disaggregation = u.disaggregation`);
  }
  await conn.run('DROP TABLE IF EXISTS obs_series');
  await conn.run('DROP TABLE IF EXISTS obs_pick');
}

/**
 * observation_unserved and observation have primary keys in pipelines/schema.ts. Building DuckDB's
 * key index costs more than the load itself (about 4 s per million values), so an empty
 * table is recreated without it (same columns) before the load, and the key is checked
 * instead on the rows going in, with one GROUP BY that fails the run loudly. A table that
 * already has rows (a second publish in one connection) keeps its index. Returns whether it was empty.
 */
async function dropKeyIfEmpty(conn: DuckDBConnection, table: 'observation_unserved' | 'observation'): Promise<boolean> {
  const [[n]] = (await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM ${table}`)).getRows();
  if (Number(n) > 0) return false;
  const spec = tableSpec(table);
  await conn.run(`DROP TABLE ${table}`);
  await conn.run(createTableSql({ ...spec, primaryKey: undefined }));
  return true;
}

/** Fail loudly when rows of `source` share the key columns (the key of `table`, or what guarantees it). */
async function checkKey(conn: DuckDBConnection, source: string, table: string, key: string[]): Promise<void> {
  const cols = key.map((k) => `"${k}"`).join(', ');
  const dup = (await conn.runAndReadAll(`SELECT ${cols}, count(*)::INTEGER FROM ${source} GROUP BY ALL HAVING count(*) > 1 LIMIT 3`)).getRows();
  if (dup.length > 0) {
    throw new Error(`${table}: key (${key.join(', ')}) would repeat, e.g. ${dup.map((r) => r.map(String).join('/')).join('; ')}`);
  }
}
