// Source `reconcile-4a1`: the two vintages of SDG 4.a.1 (schools with Internet, computers,
// electricity), the UN SDG database copy (2023-12-17) and the UIS.Stat copy (2019), compared
// after observations-publish. Both stay in observation_all and the newest serves (the publish
// step's rule); here every value both publish for the same economy, year and level is paired,
// differences beyond rounding (more than TOLERANCE points) go to vintage_difference, and one
// data_quality_flag per indicator states the counts. Sources are never "fixed".
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Source } from '../lib/context';
import { sourceReport } from '../lib/report';
import { insertRows } from '../lib/warehouse';

export const RECONCILED = ['SE_ACS_INTNT', 'SE_ACS_CMPTR', 'SE_ACS_ELECT'];
/** Percentage points: the DDF copies round to 5 decimals, so smaller gaps are rounding. */
export const TOLERANCE = 0.001;

export interface Reconciliation {
  indicator: string;
  paired: number;
  differing: number;
  onlyOlder: number;
  largest: string | null;
}

export async function reconcileVintages(conn: DuckDBConnection, indicators: string[]): Promise<Reconciliation[]> {
  const list = indicators.map((c) => `'${c.replace(/'/g, "''")}'`).join(', ');
  // Pairs: the served value (table observation) and every other vintage's value for the same key.
  await conn.run(`CREATE OR REPLACE TEMP TABLE rec_pairs AS
    SELECT s.indicator, s.economy, s.year, s.disaggregation, s.batch_id AS served_batch, s.vintage AS served_vintage, s.value AS served_value,
           a.batch_id AS other_batch, a.vintage AS other_vintage, a.value AS other_value, s.value - a.value AS difference
    FROM observation s JOIN observation_all a USING (indicator, economy, year, disaggregation)
    WHERE s.indicator IN (${list}) AND a.batch_id <> s.batch_id AND a.vintage IS DISTINCT FROM s.vintage`);
  await conn.run(`INSERT INTO vintage_difference BY NAME SELECT * FROM rec_pairs WHERE abs(difference) > ${TOLERANCE} ORDER BY ALL`);
  const rows = (
    await conn.runAndReadAll(`WITH c AS (SELECT indicator, count(*)::INTEGER AS paired, count(*) FILTER (WHERE abs(difference) > ${TOLERANCE})::INTEGER AS differing,
             arg_max(economy || ' ' || year || ' ' || disaggregation || ': ' || round(served_value, 2) || ' served, ' || round(other_value, 2) || ' in ' || other_vintage, abs(difference)) AS largest
           FROM rec_pairs GROUP BY 1),
         o AS (SELECT a.indicator, count(*)::INTEGER AS only_older FROM observation_all a
           WHERE a.indicator IN (${list}) AND NOT EXISTS (SELECT 1 FROM observation s WHERE s.indicator = a.indicator AND s.economy = a.economy AND s.year = a.year AND s.disaggregation = a.disaggregation)
           GROUP BY 1)
       SELECT i.code, coalesce(c.paired, 0), coalesce(c.differing, 0), coalesce(o.only_older, 0), c.largest
       FROM (SELECT unnest([${list}]) AS code) i LEFT JOIN c ON c.indicator = i.code LEFT JOIN o ON o.indicator = i.code ORDER BY 1`)
  ).getRows();
  await conn.run('DROP TABLE rec_pairs');
  return rows.map((r) => ({ indicator: String(r[0]), paired: Number(r[1]), differing: Number(r[2]), onlyOlder: Number(r[3]), largest: r[4] == null ? null : String(r[4]) }));
}

export const reconcile4a1: Source = {
  id: 'reconcile-4a1',
  description: 'SDG 4.a.1 in two vintages (UN SDG database 2023, UIS.Stat 2019): paired, differences kept in vintage_difference and flagged',
  required: false,
  async run(ctx) {
    const result = await reconcileVintages(ctx.conn, RECONCILED);
    const flags = result
      .filter((r) => r.paired > 0 || r.onlyOlder > 0)
      .map((r) => ({
        id: `reconcile-4a1-${r.indicator}`,
        subject_table: 'vintage_difference',
        subject_id: r.indicator,
        action_line: null,
        severity: r.differing > 0 ? 'warning' : 'info',
        message:
          `${r.indicator}: ${r.paired} values published by both vintages, ${r.differing} differ by more than ${TOLERANCE} points` +
          (r.largest ? ` (largest: ${r.largest})` : '') +
          `; the newest vintage is served. ${r.onlyOlder} values only in an older vintage are not served because the newest publishes the series for that economy and level without that year`,
        source: 'Comparison of observation_all batches by pipelines/sources/reconcile-4a1.ts'
      }));
    await insertRows(ctx.conn, 'data_quality_flag', flags);
    return sourceReport({
      rowsRead: result.reduce((n, r) => n + r.paired, 0),
      rowsLoaded: result.reduce((n, r) => n + r.differing, 0),
      messages: result.map((r) => `${r.indicator}: ${r.paired} paired, ${r.differing} differ, ${r.onlyOlder} only in an older vintage`)
    });
  }
};
