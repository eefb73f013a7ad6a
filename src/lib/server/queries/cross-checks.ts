// Cross-checks: the same world series from two publishers. ITU publishes its own world figure
// (key ICT indicators, ITU_WLD); the World Bank republishes ITU's series in the WDI with its own
// world aggregate (WLD). Year by year: both values, the difference (ITU minus World Bank), and
// ITU's estimate mark. Neither figure is corrected; a difference is shown, not resolved.
import { query } from '../warehouse';
import type { CrossCheck, CrossCheckRow } from '$lib/cross-check';
export type { CrossCheck, CrossCheckRow };

export interface CrossCheckPair {
  itu: string;
  worldBank: string;
}

/** ITU codes and the WDI codes of the same series (pipelines/sources/itu/codes.ts, data/indicators.csv). */
export const CROSS_CHECK_PAIRS: readonly CrossCheckPair[] = [
  { itu: 'ITU_INET', worldBank: 'IT.NET.USER.ZS' },
  { itu: 'ITU_MOB_P100', worldBank: 'IT.CEL.SETS.P2' },
  { itu: 'ITU_FTEL_P100', worldBank: 'IT.MLT.MAIN.P2' },
  { itu: 'ITU_FBB_P100', worldBank: 'IT.NET.BBND.P2' }
];
export const ITU_WORLD = 'ITU_WLD';
export const WB_WORLD = 'WLD';

/** The pair an indicator code belongs to (either side), or null. */
export const pairOf = (code: string): CrossCheckPair | null => CROSS_CHECK_PAIRS.find((p) => p.itu === code || p.worldBank === code) ?? null;

interface Side {
  code: string;
  name: string;
  unit: string;
  vintage: string | null;
  file: string | null;
}

async function side(code: string, economy: string): Promise<Side | null> {
  const [row] = await query<Side & Record<string, string | null>>(
    `SELECT i.code, i.name, i.unit,
            (SELECT strftime(max(b.vintage), '%Y-%m-%d') FROM observation o JOIN observation_batch b USING (batch_id) WHERE o.indicator = i.code AND o.economy = $2 AND o.disaggregation = '') AS vintage,
            (SELECT string_agg(DISTINCT b.file, '; ') FROM observation o JOIN observation_batch b USING (batch_id) WHERE o.indicator = i.code AND o.economy = $2 AND o.disaggregation = '') AS file
       FROM indicator i WHERE i.code = $1`,
    [code, economy]
  );
  return row ?? null;
}

/** The world cross-check of one pair; null when either indicator is not in the catalog or neither has world data. */
export async function crossCheck(pair: CrossCheckPair): Promise<CrossCheck | null> {
  const [itu, wb] = await Promise.all([side(pair.itu, ITU_WORLD), side(pair.worldBank, WB_WORLD)]);
  if (!itu || !wb) return null;
  const rows = await query<CrossCheckRow & Record<string, number | boolean | null>>(
    `WITH i AS (SELECT year, value FROM observation WHERE indicator = $1 AND economy = $3 AND disaggregation = ''),
          w AS (SELECT year, value FROM observation WHERE indicator = $2 AND economy = $4 AND disaggregation = ''),
          e AS (SELECT DISTINCT n.year FROM observation_note n JOIN observation o
                  ON o.batch_id = n.batch_id AND o.economy = n.economy AND o.year = n.year AND o.disaggregation = n.disaggregation
                 WHERE n.kind = 'estimate' AND o.indicator = $1 AND o.economy = $3 AND o.disaggregation = '')
     SELECT year, i.value AS itu, e.year IS NOT NULL AS "ituEstimate", w.value AS "worldBank", i.value - w.value AS difference
       FROM i FULL JOIN w USING (year) LEFT JOIN e USING (year)
      WHERE i.value IS NOT NULL
      ORDER BY year`,
    [pair.itu, pair.worldBank, ITU_WORLD, WB_WORLD]
  );
  if (rows.length === 0) return null;
  const compared = rows.filter((r) => r.difference !== null);
  const max = compared.reduce<CrossCheckRow | null>((m, r) => (m === null || Math.abs(r.difference!) > Math.abs(m.difference!) ? r : m), null);
  return {
    itu: { code: itu.code, name: itu.name, economy: ITU_WORLD, vintage: itu.vintage, file: itu.file },
    worldBank: { code: wb.code, name: wb.name, economy: WB_WORLD, vintage: wb.vintage, file: wb.file },
    unit: itu.unit,
    rows,
    maxAbsDifference: max ? Math.abs(max.difference!) : null,
    maxAbsDifferenceYear: max?.year ?? null
  };
}

/** Cross-checks of the pairs whose ITU or World Bank series serves a WSIS target (indicator.wsis_targets). */
export async function crossChecksForTarget(target: number): Promise<CrossCheck[]> {
  const serving = new Set(
    (await query<{ code: string }>(`SELECT code FROM indicator WHERE list_contains(string_split(coalesce(wsis_targets, ''), ';'), $1)`, [String(target)])).map((r) => r.code)
  );
  const pairs = CROSS_CHECK_PAIRS.filter((p) => serving.has(p.itu) || serving.has(p.worldBank));
  return (await Promise.all(pairs.map(crossCheck))).filter((c): c is CrossCheck => c !== null);
}
