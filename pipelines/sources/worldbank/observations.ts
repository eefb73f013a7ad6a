// Validate every staged World Bank observation (file readers and API reader alike) and
// publish: observation_all (every vintage), observation_batch (provenance) and observation
// (served values: per indicator and economy, the newest vintage that has that economy).
// Everything runs as SQL over the staging tables; refused values go to quarantine with the
// reason, file and row.
import type { DuckDBConnection } from '@duckdb/node-api';
import { ensureStaging } from './staging';
import { QUARANTINE_SOURCE } from './bulk-file';
import { markDuplicateBatches } from './duplicates';
import { createTableSql, tableSpec } from '../../schema';

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
  WHEN v IS NULL OR isnan(v) OR isinf(v) THEN 'non-numeric value: "' || raw || '"'
  WHEN v < 0 THEN 'out of range: ' || raw || ' (negative)'
  WHEN upper_bound IS NOT NULL AND v > upper_bound THEN 'out of range: ' || raw || ' (allowed 0..' ||
    CASE WHEN upper_bound = floor(upper_bound) THEN CAST(upper_bound::BIGINT AS VARCHAR) ELSE CAST(upper_bound AS VARCHAR) END || ')'
END`;

/** Reasons that concern the whole line (one quarantine row per line, not per value). */
const LINE_REASON = `(reason LIKE 'unknown indicator code:%' OR reason LIKE 'unknown economy code:%')`;

export async function publishObservations(conn: DuckDBConnection): Promise<PublishSummary> {
  await ensureStaging(conn);
  const { duplicates, conflicts } = await markDuplicateBatches(conn);

  // Every non-missing staged value of a non-duplicate batch, with its check result. A view:
  // materialising millions of values costs more than scanning them twice.
  await conn.run(`CREATE OR REPLACE TEMP VIEW wb_values AS
    WITH v AS (
      SELECT o.batch_id, o.economy, o.economy_name, o.row_number, o.file,
             trim(o.year) AS year_text, trim(o.raw_value) AS raw, TRY_CAST(trim(o.raw_value) AS DOUBLE) AS v,
             b.indicator, b.original_code, b.vintage, b.known_indicator, b.upper_bound,
             e.code IS NOT NULL AS known_economy
      FROM stg_observation o
      JOIN wb_batch b USING (batch_id)
      LEFT JOIN economy e ON e.code = o.economy
      WHERE b.duplicate_of IS NULL AND o.raw_value IS NOT NULL AND trim(o.raw_value) NOT IN ('', '..')
    )
    SELECT *, ${REASON} AS reason FROM v`);
  // Duplicate keys within a batch: the first line wins, later lines are refused.
  await conn.run(`CREATE OR REPLACE TEMP TABLE wb_dup_keys AS
    SELECT batch_id, economy, trim(year) AS year_text, min(row_number) AS first_row
    FROM stg_observation WHERE raw_value IS NOT NULL AND trim(raw_value) NOT IN ('', '..')
    GROUP BY ALL HAVING count(*) > 1`);
  await conn.run(`CREATE OR REPLACE TEMP VIEW wb_checked AS
    SELECT c.* REPLACE (coalesce(c.reason, CASE WHEN c.row_number > d.first_row THEN
             'duplicate key: economy ' || c.economy || ', year ' || c.year_text || ' (also at row ' || d.first_row || ')' END) AS reason)
    FROM wb_values c LEFT JOIN wb_dup_keys d USING (batch_id, economy, year_text)`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE wb_refused AS SELECT * FROM wb_checked WHERE reason IS NOT NULL`);

  await conn.run(`INSERT INTO quarantine
    SELECT ${q(QUARANTINE_SOURCE)}, file, row_number, reason,
           left(economy || ',' || coalesce(economy_name, '') || ': ' || string_agg(year_text || '=' || raw, ', ' ORDER BY year_text), 500)
    FROM wb_refused WHERE ${LINE_REASON}
    GROUP BY file, row_number, reason, economy, economy_name, batch_id
    ORDER BY file, row_number`);
  await conn.run(`INSERT INTO quarantine
    SELECT ${q(QUARANTINE_SOURCE)}, file, row_number, reason || ' (economy ' || economy || ', year ' || year_text || ')',
           left(economy || ',' || coalesce(economy_name, '') || ',' || year_text || ',' || raw, 500)
    FROM wb_refused WHERE NOT ${LINE_REASON}
    ORDER BY file, row_number, year_text`);

  await insertObservationAll(conn, `SELECT batch_id, indicator, economy, year_text::INTEGER, v, vintage FROM wb_checked WHERE reason IS NULL`);
  // Served: per indicator and economy, the newest batch holding that economy (undated last).
  await conn.run(`INSERT INTO observation
    WITH pick AS (
      SELECT indicator, economy, batch_id FROM (SELECT DISTINCT indicator, economy, batch_id, vintage FROM observation_all)
      QUALIFY row_number() OVER (PARTITION BY indicator, economy ORDER BY vintage DESC NULLS LAST, batch_id) = 1
    )
    SELECT a.indicator, a.economy, a.year, a.value, a.vintage, a.batch_id, e.is_aggregate
    FROM observation_all a JOIN pick USING (indicator, economy, batch_id) JOIN economy e ON e.code = a.economy`);
  await conn.run(`INSERT INTO observation_batch
    SELECT b.batch_id, b.indicator, b.original_code, b.vintage, b.layout, b.file, b.checksum,
           (SELECT count(*) FROM observation_all a WHERE a.batch_id = b.batch_id)::INTEGER,
           EXISTS (SELECT 1 FROM observation s WHERE s.batch_id = b.batch_id),
           b.source || CASE WHEN b.duplicate_of IS NOT NULL
             THEN '; duplicate copy of ' || b.duplicate_of || ' (same indicator, vintage and values), not loaded twice' ELSE '' END
    FROM wb_batch b ORDER BY b.batch_id`);

  const [counts] = (
    await conn.runAndReadAll(`SELECT (SELECT count(*) FROM observation_all a JOIN wb_batch USING (batch_id)) + count(*),
      (SELECT count(*) FROM observation_all a JOIN wb_batch USING (batch_id))::INTEGER,
      count(*)::INTEGER,
      (SELECT count(DISTINCT (file, row_number)) FROM wb_refused WHERE ${LINE_REASON})::INTEGER,
      (SELECT count(*) FROM observation)::INTEGER, (SELECT count(*) FROM wb_batch)::INTEGER
      FROM wb_refused`)
  ).getRows();
  const vintages = (await conn.runAndReadAll(`SELECT DISTINCT strftime(vintage, '%Y-%m-%d') FROM wb_batch WHERE vintage IS NOT NULL ORDER BY 1`))
    .getRows()
    .map((r) => String(r[0]));
  await conn.run('DROP VIEW IF EXISTS wb_checked');
  await conn.run('DROP VIEW IF EXISTS wb_values');
  await conn.run('DROP TABLE IF EXISTS wb_refused');
  await conn.run('DROP TABLE IF EXISTS wb_dup_keys');
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
 * Insert into observation_all. Building the primary-key index row by row costs about three
 * times more than building it once after a bulk load, so an empty table is recreated without
 * the key, filled, and given the same key (same columns and key as pipelines/schema.ts).
 */
async function insertObservationAll(conn: DuckDBConnection, select: string): Promise<void> {
  const [[n]] = (await conn.runAndReadAll('SELECT count(*)::INTEGER FROM observation_all')).getRows();
  if (Number(n) > 0) {
    await conn.run(`INSERT INTO observation_all ${select}`);
    return;
  }
  const spec = tableSpec('observation_all');
  await conn.run('DROP TABLE observation_all');
  await conn.run(createTableSql({ ...spec, primaryKey: undefined }));
  await conn.run(`INSERT INTO observation_all ${select}`);
  await conn.run(`ALTER TABLE observation_all ADD PRIMARY KEY (${spec.primaryKey!.map((k) => `"${k}"`).join(', ')})`);
}
