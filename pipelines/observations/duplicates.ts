// The same data can sit in the mirror twice (a loose file and the same file inside the
// download zip). Batches with the same indicator, vintage and values are kept once: the later
// ones (in file order) are marked duplicate_of and not loaded. Same indicator and vintage
// but different values: both are kept and a data_quality_flag (id
// `<source_id>-vintage-conflict-<indicator>-<vintage>`) says so.
import type { DuckDBConnection } from '@duckdb/node-api';
import { BATCH_INDICATOR } from './checks';

/**
 * Build temp table obs_batch (staged batches with current indicator code and duplicate mark).
 * values: a table of every non-missing staged value with batch_no (stg_batch.batch_no), economy, year_text
 * (trimmed), disaggregation, raw (trimmed) and v (raw as DOUBLE, or NULL), as publish.ts builds it.
 */
export async function markDuplicateBatches(conn: DuckDBConnection, values: string): Promise<{ duplicates: string[]; conflicts: string[] }> {
  // A fingerprint of each batch's values: count and an order-independent hash of
  // (economy, year, disaggregation, numeric value), so the same numbers written differently still match.
  // Only batches that share their indicator and vintage with another can be copies: the
  // others (at scale, nearly all) need no fingerprint, which hashes every value.
  // Copies of the same bytes (same checksum, layout and code: a loose file and the same file in
  // the download zip) share the first copy's fingerprint, hashed once; a reader may not even
  // have written a copy's values (bulk-file.ts).
  await conn.run(`CREATE OR REPLACE TEMP TABLE obs_fp_candidate AS
    SELECT batch_no, CASE WHEN checksum IS NULL THEN batch_no ELSE first_value(batch_no) OVER (
             PARTITION BY indicator, vintage, checksum, layout, original_code ORDER BY file, batch_id) END AS hashed_as
    FROM (
      SELECT s.batch_no, s.checksum, s.layout, s.original_code, s.file, s.batch_id, s.vintage, coalesce(a.code, s.original_code) AS indicator,
             count(*) OVER (PARTITION BY coalesce(a.code, s.original_code), s.vintage) AS k
      FROM stg_batch s LEFT JOIN indicator_alias a ON a.old_code = s.original_code WHERE s.vintage IS NOT NULL)
    WHERE k > 1`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE obs_batch AS
    WITH hashed AS (
      SELECT batch_no, count(*) AS n,
             -- hash of one string per value (DuckDB's multi-argument hash combines linearly,
             -- so per-column hashes would cancel out across a grid of economies x years)
             sum(hash(economy || '|' || year_text || '|' || disaggregation || '|' || coalesce(CAST(v AS VARCHAR), raw))::HUGEINT) AS h
      FROM ${values} WHERE batch_no IN (SELECT hashed_as FROM obs_fp_candidate) GROUP BY batch_no
    ), fp AS (
      SELECT c.batch_no, h.n, h.h FROM obs_fp_candidate c JOIN hashed h ON h.batch_no = c.hashed_as
    ), b AS (
      SELECT s.*, coalesce(fp.n, 0) AS n, coalesce(fp.h, 0) AS h FROM (${BATCH_INDICATOR}) s LEFT JOIN fp USING (batch_no)
    )
    SELECT *, CASE WHEN vintage IS NOT NULL THEN first_value(batch_id) OVER (
               PARTITION BY indicator, vintage, n, h ORDER BY file, batch_id) END AS first_copy
    FROM b`);
  await conn.run('DROP TABLE obs_fp_candidate');
  await conn.run(`ALTER TABLE obs_batch ADD COLUMN duplicate_of VARCHAR`);
  await conn.run(`UPDATE obs_batch SET duplicate_of = first_copy WHERE first_copy <> batch_id`);
  const duplicates = (await conn.runAndReadAll(`SELECT batch_id FROM obs_batch WHERE duplicate_of IS NOT NULL ORDER BY 1`))
    .getRows()
    .map((r) => String(r[0]));
  // Same indicator and vintage, different values where they overlap: keep both, flag it.
  // Batches that cover different economies or years (page 1 of country/all and a one-country
  // response of the same release) are parts of one vintage, not a conflict. Most publishes
  // have no two such batches, and then the values are not read again.
  const [[sharing]] = (
    await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM (SELECT 1 FROM obs_batch WHERE vintage IS NOT NULL AND duplicate_of IS NULL
      GROUP BY indicator, vintage HAVING count(*) > 1)`)
  ).getRows();
  const conflicts = Number(sharing) === 0 ? [] : (
    await conn.runAndReadAll(`WITH groups AS (
        SELECT indicator, vintage, list(batch_id ORDER BY batch_id) AS batches
        FROM obs_batch WHERE vintage IS NOT NULL AND duplicate_of IS NULL
        GROUP BY indicator, vintage HAVING count(*) > 1
      ), differing AS (
        SELECT w1.indicator, w1.vintage, count(*) AS n
        FROM obs_batch w1 JOIN obs_batch w2 ON w1.indicator = w2.indicator AND w1.vintage = w2.vintage AND w1.batch_id < w2.batch_id
        JOIN ${values} a ON a.batch_no = w1.batch_no
        JOIN ${values} b ON b.batch_no = w2.batch_no AND b.economy = a.economy AND b.year_text = a.year_text AND b.disaggregation = a.disaggregation
        WHERE w1.duplicate_of IS NULL AND w2.duplicate_of IS NULL AND a.v IS DISTINCT FROM b.v
        GROUP BY ALL
      )
      SELECT g.indicator, strftime(g.vintage, '%Y-%m-%d'),
             (SELECT string_agg(DISTINCT coalesce(source_id, 'observations') || '|' || coalesce(publisher, ''), ',') FROM obs_batch w
               WHERE w.indicator = g.indicator AND w.vintage = g.vintage AND w.duplicate_of IS NULL),
             (SELECT string_agg(batch_id || ' (' || file || ', ' || n || ' values)', '; ' ORDER BY batch_id) FROM obs_batch w
               WHERE w.indicator = g.indicator AND w.vintage = g.vintage AND w.duplicate_of IS NULL) || '; ' || d.n || ' economy-year value(s) differ'
      FROM groups g JOIN differing d USING (indicator, vintage) ORDER BY 1, 2`)
  ).getRows();
  for (const [indicator, vintage, owner, list] of conflicts) {
    const [sourceId, publisher] = String(owner).split(',')[0].split('|');
    const stmt = await conn.prepare(`INSERT INTO data_quality_flag VALUES ($1, 'observation_batch', $2, NULL, 'warning', $3, $4)`);
    try {
      stmt.bind([
        `${sourceId}-vintage-conflict-${indicator}-${vintage}`,
        `${indicator}@${vintage}`,
        `Batches of ${indicator} with the same vintage ${vintage} hold different values; both are kept: ${list}`,
        `${publisher || 'Publisher'} files in the mirror (see observation_batch.file)`
      ]);
      await stmt.run();
    } finally {
      stmt.destroySync();
    }
  }
  return { duplicates, conflicts: conflicts.map((r) => String(r[3])) };
}
