// Stakeholder queries: the stakeholder types, participation by type as the sources state it
// (2008 cluster badges at ITU: counts; WSIS Forum 2020: shares in per cent), stocktaking
// entries by type, published stocktaking totals, and the data-quality flags on these figures.
import { query } from '../warehouse';
import type { RowOf } from '../../../../pipelines/schema';
import type { QualityFlag } from './action-lines';

export interface StakeholderType {
  id: string;
  name: string;
  description: string | null;
  source: string;
  [key: string]: string | null;
}

export async function stakeholderTypes(): Promise<StakeholderType[]> {
  // Display order: as the 2008 report lists them, then 'other', then 'not_stated'.
  return query<StakeholderType>(
    `SELECT id, name, description, source FROM stakeholder_type
      ORDER BY CASE id WHEN 'government' THEN 0 WHEN 'international_organisation' THEN 1 WHEN 'private_sector' THEN 2
                       WHEN 'civil_society' THEN 3 WHEN 'academia' THEN 4 WHEN 'not_stated' THEN 6 ELSE 5 END, id`
  );
}

/** A stakeholder_type URL parameter: null when absent or empty, the id when known, 'invalid' otherwise. */
export async function parseStakeholderType(value: string | null): Promise<string | null | { invalid: string }> {
  if (value === null || value === '') return null;
  const types = await stakeholderTypes();
  return types.some((t) => t.id === value) ? value : { invalid: value };
}

export interface ParticipationRow {
  event: string;
  event_title: string | null;
  measure: string;
  stakeholder_type: string;
  stakeholder_name: string | null;
  venue: string;
  count: number;
  note: string | null;
  source: string;
  [key: string]: string | number | null;
}

/** Participation rows of one event and measure (and venue, if given), stated figures as published. */
export async function participation(event: string, measure: string, venue: string | null = null): Promise<ParticipationRow[]> {
  return query<ParticipationRow>(
    `SELECT p.event, e.title AS event_title, p.measure, p.stakeholder_type, st.name AS stakeholder_name, p.venue,
            p.count, p.note, p.source
       FROM participation p
       LEFT JOIN event e ON e.id = p.event
       LEFT JOIN stakeholder_type st ON st.id = p.stakeholder_type
      WHERE p.event = $1 AND p.measure = $2 AND ($3::VARCHAR IS NULL OR p.venue = $3)
      ORDER BY p.count DESC, p.stakeholder_type`,
    [event, measure, venue]
  );
}

/** Totals stated for all stakeholders (stakeholder_type 'all'), for every event, as published. */
export async function participationTotals(): Promise<ParticipationRow[]> {
  return query<ParticipationRow>(
    `SELECT p.event, e.title AS event_title, p.measure, p.stakeholder_type, NULL AS stakeholder_name, p.venue,
            p.count, p.note, p.source
       FROM participation p LEFT JOIN event e ON e.id = p.event
      WHERE p.stakeholder_type = 'all' AND NOT starts_with(p.measure, 'share_percent')
      ORDER BY p.event, p.measure, p.venue`
  );
}

export interface EntriesByType {
  stakeholder_type: string;
  stakeholder_name: string;
  status: string;
  entries: number;
  [key: string]: string | number;
}

/** Stocktaking entries (the cited entries the repository ships) by lead stakeholder type and status. */
export async function entriesByTypeAndStatus(): Promise<EntriesByType[]> {
  return query<EntriesByType>(
    `SELECT e.stakeholder_type,
            -- a type derived by a rule is its own bar, never counted as stated
            coalesce(st.name, e.stakeholder_type) || CASE WHEN e.stakeholder_type_rule IS NULL THEN '' ELSE ' (derived)' END AS stakeholder_name,
            coalesce(e.status, 'unknown') AS status, count(*)::INTEGER AS entries
       FROM stocktaking_entry e LEFT JOIN stakeholder_type st ON st.id = e.stakeholder_type
      GROUP BY ALL ORDER BY entries DESC, stakeholder_type, status`
  );
}

export interface EntryRow {
  id: string;
  title: string;
  lead_organisation: string | null;
  stakeholder_type: string | null;
  status: string | null;
  start_year: number | null;
  action_lines: string | null;
  source: string;
  [key: string]: string | number | null;
}

export async function entriesOfType(stakeholderType: string): Promise<EntryRow[]> {
  return query<EntryRow>(
    `SELECT e.id, e.title, e.lead_organisation, e.stakeholder_type, e.status, e.start_year, e.source,
            (SELECT string_agg(b.action_line, '; ' ORDER BY a.sort_order) FROM stocktaking_action_line b
               JOIN action_line a ON a.id = b.action_line WHERE b.entry = e.id) AS action_lines
       FROM stocktaking_entry e WHERE e.stakeholder_type = $1 ORDER BY e.id`,
    [stakeholderType]
  );
}

export type StocktakingTotal = RowOf<'stocktaking_total'>;

export async function stocktakingTotals(): Promise<StocktakingTotal[]> {
  return query<StocktakingTotal>(
    'SELECT id, year, entries, qualifier, quote, source FROM stocktaking_total ORDER BY year NULLS LAST, id'
  );
}

/** A data_quality_flag row, as the action-line pages read it too. */
export type Flag = QualityFlag;

/** Flags on participation figures and stocktaking totals: where parts do not add up or sources disagree. */
export async function stakeholderFlags(): Promise<Flag[]> {
  return query<Flag>(
    `SELECT id, subject_table, subject_id, severity, message, source FROM data_quality_flag
      WHERE subject_table IN ('participation', 'stocktaking_total')
      ORDER BY CASE severity WHEN 'warning' THEN 0 ELSE 1 END, id`
  );
}
