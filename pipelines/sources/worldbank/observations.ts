// Validate every staged World Bank observation (file readers and API reader alike) and
// publish: observation_all (every vintage), observation_batch (provenance) and observation
// (served values: per indicator and economy, the newest vintage that has that economy).
// Everything runs as SQL over the staging tables; refused values go to quarantine with the
// reason, file and row.
import type { DuckDBConnection } from '@duckdb/node-api';
import { QUARANTINE_SOURCE, BULK_STAGING, ensureBulkStaging } from './bulk-file';
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
  await ensureBulkStaging(conn);
  // Every non-missing staged value (file readers' and API reader's), read from staging once,
  // trimmed and parsed once. Temporary tables stay in memory: far cheaper than the warehouse file.
  await conn.run(`CREATE OR REPLACE TEMP TABLE wb_values AS
    SELECT batch_id, economy, economy_name, row_number, file,
           trim(year) AS year_text, trim(raw_value) AS raw, TRY_CAST(trim(raw_value) AS DOUBLE) AS v
    FROM (SELECT * FROM stg_observation UNION ALL BY NAME SELECT * FROM ${BULK_STAGING})
    WHERE raw_value IS NOT NULL AND trim(raw_value) NOT IN ('', '..')`);
  const { duplicates, conflicts } = await markDuplicateBatches(conn, 'wb_values');

  // Duplicate keys within a batch: the first line wins, later lines are refused.
  await conn.run(`CREATE OR REPLACE TEMP TABLE wb_dup_keys AS
    SELECT batch_id, economy, year_text, min(row_number) AS first_row
    FROM wb_values GROUP BY ALL HAVING count(*) > 1`);
  // Values of non-duplicate batches with their check result (NULL = accepted). A view: it is
  // scanned twice (refused, accepted), which costs less than materialising it.
  await conn.run(`CREATE OR REPLACE TEMP VIEW wb_checked AS
    WITH v AS (
      SELECT o.*, b.indicator, b.original_code, b.vintage, b.known_indicator, b.upper_bound,
             e.code IS NOT NULL AS known_economy, d.first_row
      FROM wb_values o
      JOIN wb_batch b USING (batch_id)
      LEFT JOIN economy e ON e.code = o.economy
      LEFT JOIN wb_dup_keys d USING (batch_id, economy, year_text)
      WHERE b.duplicate_of IS NULL
    )
    SELECT * EXCLUDE (first_row), coalesce(${REASON}, CASE WHEN row_number > first_row THEN
             'duplicate key: economy ' || economy || ', year ' || year_text || ' (also at row ' || first_row || ')' END) AS reason
    FROM v`);
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

  await replaceKeyless(conn, 'observation_all', `SELECT batch_id, indicator, economy, year_text::INTEGER, v, vintage FROM wb_checked WHERE reason IS NULL`);
  // Served: per indicator and economy, the newest batch holding that economy (undated last).
  // Unique by construction: one batch per indicator and economy, observation_all unique per batch.
  await replaceKeyless(
    conn,
    'observation',
    `WITH pick AS (
      SELECT indicator, economy, batch_id FROM (SELECT DISTINCT indicator, economy, batch_id, vintage FROM observation_all)
      QUALIFY row_number() OVER (PARTITION BY indicator, economy ORDER BY vintage DESC NULLS LAST, batch_id) = 1
    )
    SELECT a.indicator, a.economy, a.year, a.value, a.vintage, a.batch_id, e.is_aggregate
    FROM observation_all a JOIN pick USING (indicator, economy, batch_id) JOIN economy e ON e.code = a.economy`
  );
  await conn.run(`INSERT INTO observation_batch
    WITH n AS (SELECT batch_id, count(*)::INTEGER AS n FROM observation_all GROUP BY 1),
         s AS (SELECT DISTINCT batch_id FROM observation)
    SELECT b.batch_id, b.indicator, b.original_code, b.vintage, b.layout, b.file, b.checksum,
           coalesce(n.n, 0), s.batch_id IS NOT NULL,
           b.source || CASE WHEN b.duplicate_of IS NOT NULL
             THEN '; duplicate copy of ' || b.duplicate_of || ' (same indicator, vintage and values), not loaded twice' ELSE '' END
    FROM wb_batch b LEFT JOIN n USING (batch_id) LEFT JOIN s USING (batch_id) ORDER BY b.batch_id`);

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
  await conn.run('DROP TABLE IF EXISTS wb_refused');
  await conn.run('DROP TABLE IF EXISTS wb_dup_keys');
  await conn.run('DROP TABLE IF EXISTS wb_values');
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
 * Fill a keyed table (observation_all, observation) from a SELECT. Building DuckDB's
 * primary-key index costs more than the load itself (about 4 s per million values), so an
 * empty table is recreated without the key (same columns as pipelines/schema.ts), filled in
 * one statement, and its key checked with one GROUP BY that fails the run loudly instead.
 * A table that already has rows (a second publish in one connection) keeps its key.
 */
async function replaceKeyless(conn: DuckDBConnection, table: 'observation_all' | 'observation', select: string): Promise<void> {
  const spec = tableSpec(table);
  const key = spec.primaryKey!.map((k) => `"${k}"`).join(', ');
  const [[n]] = (await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM ${table}`)).getRows();
  if (Number(n) > 0) {
    await conn.run(`INSERT INTO ${table} ${select}`);
    return;
  }
  await conn.run(`DROP TABLE ${table}`);
  await conn.run(createTableSql({ ...spec, primaryKey: undefined }));
  await conn.run(`INSERT INTO ${table} ${select}`);
  const dup = (await conn.runAndReadAll(`SELECT ${key}, count(*)::INTEGER FROM ${table} GROUP BY ALL HAVING count(*) > 1 LIMIT 3`)).getRows();
  if (dup.length > 0) {
    throw new Error(`${table}: primary key (${spec.primaryKey!.join(', ')}) violated, e.g. ${dup.map((r) => r.map(String).join('/')).join('; ')}`);
  }
}
