// What the publish step checks in every staged value, said once: publish.ts applies it to the
// staged values, and readers that write values straight into observation_value (the World
// Bank bulk files, bulk-file.ts) apply the same expression to what they wrote, keeping a batch
// there only if none of its values would be refused.
import type { DuckDBConnection } from '@duckdb/node-api';
import { DISAGGREGATION_PATTERN } from '../schema';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A valid year, as text (1800-2199). */
export const YEAR_PATTERN = '(1[89]|20|21)[0-9]{2}';

/** The value checks, on v (the value as DOUBLE) and upper_bound (the indicator's). */
const NON_NUMERIC = 'v IS NULL OR isnan(v) OR isinf(v)';
const NEGATIVE = 'v < 0';
const ABOVE_BOUND = 'upper_bound IS NOT NULL AND v > upper_bound';

/**
 * The reason a value is refused (NULL = accepted), in check order. Columns it reads:
 * known_indicator, original_code, known_economy, economy, year_text, disaggregation, v (the
 * value as DOUBLE), raw (as found), upper_bound.
 */
export const REASON = `CASE
  WHEN NOT known_indicator THEN 'unknown indicator code: ' || original_code
  WHEN NOT known_economy THEN 'unknown economy code: ' || economy
  WHEN NOT regexp_full_match(year_text, '${YEAR_PATTERN}') THEN 'invalid year: "' || year_text || '"'
  WHEN NOT regexp_full_match(disaggregation, ${q(DISAGGREGATION_PATTERN)}) THEN 'invalid disaggregation: "' || disaggregation || '"'
  WHEN ${NON_NUMERIC} THEN 'non-numeric value: "' || raw || '"'
  WHEN ${NEGATIVE} THEN 'out of range: ' || raw || ' (negative)'
  WHEN ${ABOVE_BOUND} THEN 'out of range: ' || raw || ' (allowed 0..' ||
    CASE WHEN upper_bound = floor(upper_bound) THEN CAST(upper_bound::BIGINT AS VARCHAR) ELSE CAST(upper_bound AS VARCHAR) END || ')'
END`;

/** Reasons that concern the whole line (one quarantine row per line, not per value). */
export const LINE_REASON = `(reason LIKE 'unknown indicator code:%' OR reason LIKE 'unknown economy code:%')`;

/** Per staged batch: its current indicator code (after aliases), whether it is known, and the values' upper bound. */
export const BATCH_INDICATOR = `SELECT s.*, coalesce(a.code, s.original_code) AS indicator, i.code IS NOT NULL AS known_indicator,
         coalesce(i.upper_bound, i.plausible_max) AS upper_bound
  FROM stg_batch s
  LEFT JOIN indicator_alias a ON a.old_code = s.original_code
  LEFT JOIN indicator i ON i.code = coalesce(a.code, s.original_code)`;

/**
 * Of the batches numbered from..to (stg_batch.batch_no), whose values are in observation_value,
 * those the publish step would refuse a value of: an unknown indicator code, or a value that is
 * non-numeric, negative or above the indicator's bound (REASON's checks, per batch). The
 * reader has checked the rest per line before writing (economy codes, years, disaggregation,
 * one line per economy). Such a batch is taken out again and staged the usual way, so its
 * refused values reach quarantine with their line and text as found.
 */
export async function batchesWithRefusedValues(conn: DuckDBConnection, from: number, to: number): Promise<number[]> {
  const rows = (
    await conn.runAndReadAll(`SELECT batch_no FROM (
        SELECT batch_no, bool_or(${NON_NUMERIC} OR ${NEGATIVE}) AS refused, max(v) AS v
        FROM (SELECT batch_no, value AS v FROM observation_value WHERE batch_no BETWEEN ${from} AND ${to}) GROUP BY batch_no
      ) JOIN (SELECT batch_no, known_indicator, upper_bound FROM (${BATCH_INDICATOR}) WHERE batch_no BETWEEN ${from} AND ${to}) USING (batch_no)
      WHERE NOT known_indicator OR refused OR (${ABOVE_BOUND}) ORDER BY 1`)
  ).getRows();
  return rows.map((r) => Number(r[0]));
}
