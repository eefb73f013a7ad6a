// The data behind "activity against outcome": stocktaking entries per country (or per action
// line) for a selection, the period those entries cover, and the indicators linked to a line.
import { query, queryOne } from '../warehouse';

/** Entries per country (countries named by entries only), for one action line with its sub-lines or all. */
export async function entriesByCountry(actionLine: string | null): Promise<{ code: string; name: string; entries: number }[]> {
  return query<{ code: string; name: string; entries: number }>(
    `SELECT c.code, c.name, count(DISTINCT e.id)::INTEGER AS entries
       FROM stocktaking_entry e, unnest(string_split(e.countries, ';')) AS u(code) JOIN economy c ON c.code = u.code
      WHERE $1::VARCHAR IS NULL OR EXISTS (SELECT 1 FROM stocktaking_action_line b JOIN action_line a ON a.id = b.action_line
                                            WHERE b.entry = e.id AND (a.id = $1 OR a.parent = $1))
      GROUP BY c.code, c.name ORDER BY c.code`,
    [actionLine]
  );
}

/** Entries per top-level action line (C7 with its sub-lines). */
export async function entriesByTopLine(): Promise<{ code: string; name: string; entries: number }[]> {
  return query<{ code: string; name: string; entries: number }>(
    `SELECT a.id AS code, a.title AS name,
            (SELECT count(DISTINCT b.entry) FROM stocktaking_action_line b JOIN action_line m ON m.id = b.action_line
              WHERE m.id = a.id OR m.parent = a.id)::INTEGER AS entries
       FROM action_line a WHERE a.parent IS NULL ORDER BY a.sort_order`
  );
}

/** First year an entry of the selection started or was reported, and the last year one was reported. */
export async function entryPeriod(actionLine: string | null): Promise<{ from: number | null; to: number | null }> {
  const row = await queryOne<{ from: number | null; to: number | null }>(
    `SELECT min(least(coalesce(e.start_year, e.reported_year), coalesce(e.reported_year, e.start_year))) AS "from",
            max(greatest(coalesce(e.reported_year, 0), coalesce(e.start_year, 0))) AS "to"
       FROM stocktaking_entry e
      WHERE $1::VARCHAR IS NULL OR EXISTS (SELECT 1 FROM stocktaking_action_line b JOIN action_line a ON a.id = b.action_line
                                            WHERE b.entry = e.id AND (a.id = $1 OR a.parent = $1))`,
    [actionLine]
  );
  return { from: row?.from ?? null, to: row?.to || null };
}

export interface LinkedIndicator {
  code: string;
  name: string;
  unit: string;
  via: string;
  [key: string]: string;
}

/** Series (with data) of the WSIS-target and MDG indicators linked to a line (with its sub-lines), in framework order. */
export async function linkedSeries(actionLine: string): Promise<LinkedIndicator[]> {
  return query<LinkedIndicator>(
    `WITH scope AS (SELECT id FROM action_line WHERE id = $1 OR parent = $1),
          linked AS (SELECT tis.series_code AS code, 'WSIS target indicator ' || ti.id AS via, ti.id || ':' || tis.priority AS ord FROM action_line_link k
                       JOIN target_indicator ti ON ti.target = TRY_CAST(k.link_id AS INTEGER)
                       JOIN target_indicator_series tis ON tis.target_indicator = ti.id
                      WHERE k.link_type = 'wsis_target' AND k.action_line IN (SELECT id FROM scope)
                     UNION ALL
                     SELECT m.wb_code, 'MDG indicator ' || m.id, 'z' || m.id FROM action_line_link k JOIN mdg_indicator m ON m.id = k.link_id
                      WHERE k.link_type = 'mdg' AND k.action_line IN (SELECT id FROM scope) AND m.wb_code IS NOT NULL)
     SELECT l.code, i.name, i.unit, string_agg(DISTINCT l.via, '; ') AS via
       FROM linked l JOIN indicator i ON i.code = l.code
      WHERE EXISTS (SELECT 1 FROM observation o WHERE o.indicator = l.code)
      GROUP BY l.code, i.name, i.unit ORDER BY min(l.ord)`,
    [actionLine]
  );
}

export async function indicatorInfo(code: string): Promise<{ code: string; name: string; unit: string } | null> {
  return queryOne<{ code: string; name: string; unit: string }>('SELECT code, name, unit FROM indicator WHERE code = $1', [code]);
}
