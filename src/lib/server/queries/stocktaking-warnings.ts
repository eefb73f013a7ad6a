// Stocktaking warnings (rules: pipelines/sources/stocktaking/warnings.ts): counted per rule,
// per action line (an entry on a sub-line counts for its parent too), and listed.
import { query } from '../warehouse';

export interface WarningCount {
  rule: string;
  entries: number;
  as_of_year: number;
  [key: string]: string | number;
}

/** Entries with each warning, for all entries or those on one action line (with its sub-lines). */
export async function warningSummary(actionLine: string | null): Promise<WarningCount[]> {
  return query<WarningCount>(
    `SELECT w.rule, count(DISTINCT w.entry)::INTEGER AS entries, max(w.as_of_year) AS as_of_year
       FROM stocktaking_warning w
      WHERE $1::VARCHAR IS NULL OR EXISTS (SELECT 1 FROM stocktaking_action_line b JOIN action_line a ON a.id = b.action_line
                                            WHERE b.entry = w.entry AND (a.id = $1 OR a.parent = $1))
      GROUP BY w.rule ORDER BY w.rule`,
    [actionLine]
  );
}

export interface WarningRow {
  entry: string;
  title: string;
  rule: string;
  message: string;
  as_of_year: number;
  [key: string]: string | number;
}

/** Every warning of the entries on one action line (with its sub-lines), or of all entries. */
export async function warningList(actionLine: string | null, rule: string | null = null): Promise<WarningRow[]> {
  return query<WarningRow>(
    `SELECT w.entry, e.title, w.rule, w.message, w.as_of_year
       FROM stocktaking_warning w JOIN stocktaking_entry e ON e.id = w.entry
      WHERE ($1::VARCHAR IS NULL OR EXISTS (SELECT 1 FROM stocktaking_action_line b JOIN action_line a ON a.id = b.action_line
                                             WHERE b.entry = w.entry AND (a.id = $1 OR a.parent = $1)))
        AND ($2::VARCHAR IS NULL OR w.rule = $2)
      ORDER BY w.rule, w.entry`,
    [actionLine, rule]
  );
}

/** Per action line: entries with at least one warning, and per rule. */
export async function warningsByActionLine(): Promise<{ action_line: string; rule: string; entries: number }[]> {
  return query<{ action_line: string; rule: string; entries: number }>(
    `SELECT b.action_line, w.rule, count(DISTINCT w.entry)::INTEGER AS entries
       FROM stocktaking_warning w JOIN stocktaking_action_line b ON b.entry = w.entry
      GROUP BY ALL ORDER BY b.action_line, w.rule`
  );
}
