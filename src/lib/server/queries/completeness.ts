// Completeness by facilitator: for each action line (C7 with its sub-lines), what is reported
// about it: stocktaking entries and their statuses, the indicators of its linked WSIS targets
// and MDG indicators, how many have data here (and the latest year), and the meetings the reports record.
import { query } from '../warehouse';

export interface CompletenessRow {
  id: string;
  parent: string | null;
  title: string;
  facilitators: string | null;
  entries: number;
  planned: number;
  ongoing: number;
  completed: number;
  unknown: number;
  indicators_linked: number;
  indicators_with_data: number;
  latest_year: number | null;
  meetings: number;
  [key: string]: string | number | null;
}

export async function completeness(id: string | null = null): Promise<CompletenessRow[]> {
  return query<CompletenessRow>(
    `WITH lines AS (SELECT id, parent, title, facilitators, sort_order FROM action_line WHERE $1::VARCHAR IS NULL OR id = $1),
          -- an action line and its sub-lines
          scope AS (SELECT l.id AS line, a.id AS member FROM lines l JOIN action_line a ON a.id = l.id OR a.parent = l.id),
          entries AS (SELECT DISTINCT s.line, e.id, e.status FROM scope s
                        JOIN stocktaking_action_line b ON b.action_line = s.member JOIN stocktaking_entry e ON e.id = b.entry),
          -- every indicator of the linked WSIS targets and every linked MDG indicator, with its series code if any
          linked AS (SELECT DISTINCT s.line, 'target ' || ti.id AS key, tis.series_code AS indicator FROM scope s
                       JOIN action_line_link k ON k.action_line = s.member AND k.link_type = 'wsis_target'
                       JOIN target_indicator ti ON ti.target = TRY_CAST(k.link_id AS INTEGER)
                       LEFT JOIN target_indicator_series tis ON tis.target_indicator = ti.id
                     UNION
                     SELECT DISTINCT s.line, 'MDG ' || m.id, m.wb_code FROM scope s
                       JOIN action_line_link k ON k.action_line = s.member AND k.link_type = 'mdg'
                       JOIN mdg_indicator m ON m.id = k.link_id),
          data AS (SELECT indicator, max(year) AS latest FROM observation WHERE indicator IN (SELECT indicator FROM linked) GROUP BY indicator),
          held AS (SELECT s.line, count(DISTINCT ev.id) AS n FROM scope s
                     JOIN event ev ON list_contains(string_split(ev.action_line, ';'), s.member) GROUP BY s.line)
     SELECT l.id, l.parent, l.title, l.facilitators,
            (SELECT count(*) FROM entries x WHERE x.line = l.id)::INTEGER AS entries,
            (SELECT count(*) FROM entries x WHERE x.line = l.id AND x.status = 'planned')::INTEGER AS planned,
            (SELECT count(*) FROM entries x WHERE x.line = l.id AND x.status = 'ongoing')::INTEGER AS ongoing,
            (SELECT count(*) FROM entries x WHERE x.line = l.id AND x.status = 'completed')::INTEGER AS completed,
            (SELECT count(*) FROM entries x WHERE x.line = l.id AND x.status = 'unknown')::INTEGER AS unknown,
            (SELECT count(DISTINCT k.key) FROM linked k WHERE k.line = l.id)::INTEGER AS indicators_linked,
            (SELECT count(DISTINCT k.key) FROM linked k JOIN data d ON d.indicator = k.indicator WHERE k.line = l.id)::INTEGER AS indicators_with_data,
            (SELECT max(d.latest) FROM linked k JOIN data d ON d.indicator = k.indicator WHERE k.line = l.id)::INTEGER AS latest_year,
            coalesce((SELECT n FROM held h WHERE h.line = l.id), 0)::INTEGER AS meetings
       FROM lines l ORDER BY l.sort_order`,
    [id]
  );
}
