// Action-line queries: the action line, its links (WSIS targets, MDG indicators, SDGs), the
// stocktaking activities registered against it, the meetings held and the data-quality flags
// that concern it. Every value is bound; list columns (event.action_line) are matched by element.
import { verdictFor } from '$lib/progress';
import { verdictCells, type VerdictCellData } from '$lib/verdict-cell';
import { query, queryOne } from '../warehouse';
import type { RowOf } from '../../../../pipelines/schema';
import { series } from './progress';
import { catalogEntry, targetIndicators } from './targets';

export interface ActionLine {
  id: string;
  parent: string | null;
  title: string;
  other_titles: string | null;
  facilitators: string | null;
  co_facilitators: string | null;
  sort_order: number;
  source: string;
  [key: string]: string | number | null;
}

export interface ActionLineSummary extends ActionLine {
  wsis_targets: number;
  meetings: number;
  entries: number;
}

/** All 19 action lines in display order, with counts for the index. */
export async function actionLines(): Promise<ActionLineSummary[]> {
  return query<ActionLineSummary>(
    `SELECT a.id, a.parent, a.title, a.facilitators, a.co_facilitators, a.sort_order, a.source,
            a.other_titles,
            (SELECT count(*)::INTEGER FROM action_line_link l WHERE l.action_line = a.id AND l.link_type = 'wsis_target') AS wsis_targets,
            (SELECT count(*)::INTEGER FROM event e WHERE list_contains(string_split(e.action_line, ';'), a.id)) AS meetings,
            (SELECT count(*)::INTEGER FROM stocktaking_action_line s WHERE s.action_line = a.id) AS entries
       FROM action_line a ORDER BY a.sort_order`
  );
}

export async function actionLine(id: string): Promise<ActionLine | null> {
  return queryOne<ActionLine>(
    'SELECT id, parent, title, other_titles, facilitators, co_facilitators, sort_order, source FROM action_line WHERE id = $1',
    [id]
  );
}

export async function subLines(id: string): Promise<ActionLine[]> {
  return query<ActionLine>(
    'SELECT id, parent, title, other_titles, facilitators, co_facilitators, sort_order, source FROM action_line WHERE parent = $1 ORDER BY sort_order',
    [id]
  );
}

export interface FacilitationStatement {
  organisation: string;
  role: string;
  from_year: number;
  to_year: number | null;
  statement: string;
  verified: string;
  source: string;
  [key: string]: string | number | null;
}

/** Who facilitated the line, in which role and period, each as its document states it (oldest first). */
export async function facilitationHistory(id: string): Promise<FacilitationStatement[]> {
  return query<FacilitationStatement>(
    `SELECT organisation, role, from_year, to_year, statement, verified, source FROM facilitation
      WHERE action_line = $1
      ORDER BY from_year, to_year NULLS LAST,
               CASE role WHEN 'lead facilitator' THEN 1 WHEN 'facilitator' THEN 2 WHEN 'co-facilitator' THEN 3 ELSE 4 END, organisation`,
    [id]
  );
}

export interface TargetLink {
  target: number;
  short_title: string;
  rationale: string | null;
  source: string;
  [key: string]: string | number | null;
}

export async function targetLinks(id: string): Promise<TargetLink[]> {
  return query<TargetLink>(
    `SELECT t.target, t.short_title, l.rationale, l.source
       FROM action_line_link l JOIN wsis_target t ON t.target = TRY_CAST(l.link_id AS INTEGER)
      WHERE l.action_line = $1 AND l.link_type = 'wsis_target'
      ORDER BY t.target`,
    [id]
  );
}

export interface MdgLink {
  id: string;
  name: string;
  wb_code: string | null;
  rationale: string | null;
  source: string;
  latest_year: number | null;
  latest_value: number | null;
  [key: string]: string | number | null;
}

/** Linked MDG 8.F indicators with the latest World value of their World Bank series. */
export async function mdgLinks(id: string): Promise<MdgLink[]> {
  return query<MdgLink>(
    `SELECT m.id, m.name, m.wb_code, l.rationale, l.source,
            o.year AS latest_year, o.value AS latest_value
       FROM action_line_link l
       JOIN mdg_indicator m ON m.id = l.link_id
       LEFT JOIN (SELECT indicator, year, value FROM observation WHERE economy = 'WLD' AND disaggregation = ''
                  QUALIFY row_number() OVER (PARTITION BY indicator ORDER BY year DESC) = 1) o ON o.indicator = m.wb_code
      WHERE l.action_line = $1 AND l.link_type = 'mdg'
      ORDER BY m.id`,
    [id]
  );
}

export interface SdgLink {
  goal: number;
  targets: { id: string; rationale: string | null }[];
  source: string;
}

/** SDG goals and targets from the WSIS-SDG matrix, grouped by goal. */
export async function sdgLinks(id: string): Promise<SdgLink[]> {
  const rows = await query<{ link_type: string; link_id: string; rationale: string | null; source: string }>(
    `SELECT link_type, link_id, rationale, source FROM action_line_link
      WHERE action_line = $1 AND link_type IN ('sdg_goal', 'sdg_target')`,
    [id]
  );
  const goals = new Map<number, SdgLink>();
  const goalOf = (linkId: string) => Number(linkId.split('.')[0]);
  for (const r of rows.filter((r) => r.link_type === 'sdg_goal')) {
    goals.set(goalOf(r.link_id), { goal: goalOf(r.link_id), targets: [], source: r.source });
  }
  for (const r of rows.filter((r) => r.link_type === 'sdg_target')) {
    const g = goalOf(r.link_id);
    if (!goals.has(g)) goals.set(g, { goal: g, targets: [], source: r.source });
    goals.get(g)!.targets.push({ id: r.link_id, rationale: r.rationale });
  }
  const targetKey = (t: string) => {
    const part = t.split('.')[1] ?? '';
    return /^\d+$/.test(part) ? Number(part) : 100 + part.charCodeAt(0);
  };
  for (const g of goals.values()) g.targets.sort((a, b) => targetKey(a.id) - targetKey(b.id));
  return [...goals.values()].sort((a, b) => a.goal - b.goal);
}

export interface IndicatorStatus {
  target: number;
  targetIndicatorId: string | null;
  indicator: string;
  indicatorName: string;
  unit: string;
  goalValue: number | null;
  /** The verdict as of STATUS_HORIZON (data up to then): the "by 2015" column. A trend verdict without a goal. */
  byHorizon: VerdictCellData | null;
  /** The verdict for STATUS_HORIZON as of the latest data (met_late, not_met, ... once 2015 has passed; a trend verdict without a goal). */
  now: VerdictCellData | null;
  baselineYear: number | null;
  baselineValue: number | null;
  latestYear: number | null;
  latestValue: number | null;
}

export const STATUS_HORIZON = 2015;

/** World verdicts (horizon 2015) of the indicators of the linked WSIS targets that have a World series: goal verdicts, or trend verdicts without a goal. */
export async function linkedIndicatorStatus(targets: number[]): Promise<IndicatorStatus[]> {
  if (targets.length === 0) return [];
  const inds = (await targetIndicators()).filter((i) => targets.includes(i.target) && i.seriesCode && i.observations > 0);
  const out: IndicatorStatus[] = [];
  for (const i of inds) {
    const s = await series(i.seriesCode!, 'WLD');
    if (s.length === 0) continue;
    const entry = catalogEntry(i);
    const cells = verdictCells(s, entry, STATUS_HORIZON);
    if (cells.now === null) continue; // a context series: not judged
    const v = verdictFor(s, entry, { horizon: STATUS_HORIZON });
    const baseline = v.kind === 'goal' ? v.assessment.baseline : v.kind === 'trend' ? v.trend.baseline : null;
    out.push({
      target: i.target,
      targetIndicatorId: i.id,
      indicator: i.seriesCode!,
      indicatorName: i.seriesName ?? i.name,
      unit: i.seriesUnit ?? i.unit,
      goalValue: i.goalValue,
      ...cells,
      baselineYear: baseline?.year ?? null,
      baselineValue: baseline?.value ?? null,
      latestYear: s.at(-1)!.year,
      latestValue: s.at(-1)!.value
    });
  }
  return out;
}

export interface StocktakingEntry {
  id: string;
  title: string;
  lead_organisation: string | null;
  stakeholder_type: string | null;
  stakeholder_name: string | null;
  countries: string | null;
  status: string | null;
  start_year: number | null;
  action_lines: string;
  source: string;
  [key: string]: string | number | null;
}

/** Stocktaking entries registered against the action line, optionally of one stakeholder type. */
export async function stocktakingEntries(id: string, stakeholderType: string | null): Promise<StocktakingEntry[]> {
  return query<StocktakingEntry>(
    `SELECT e.id, e.title, e.lead_organisation, e.stakeholder_type,
            -- a type derived by a rule is never shown as stated
            st.name || CASE WHEN e.stakeholder_type_rule IS NULL THEN '' ELSE ' (derived)' END AS stakeholder_name, e.stakeholder_type_rule,
            e.countries,
            e.status, e.start_year, e.source,
            (SELECT string_agg(b2.action_line, '; ' ORDER BY a2.sort_order) FROM stocktaking_action_line b2
               JOIN action_line a2 ON a2.id = b2.action_line WHERE b2.entry = e.id) AS action_lines
       FROM stocktaking_entry e
       JOIN stocktaking_action_line b ON b.entry = e.id
       LEFT JOIN stakeholder_type st ON st.id = e.stakeholder_type
      WHERE b.action_line = $1 AND ($2::VARCHAR IS NULL OR e.stakeholder_type = $2)
      ORDER BY e.start_year NULLS LAST, e.id`,
    [id, stakeholderType]
  );
}

export type Meeting = RowOf<'event'>;

/** Meetings whose `;`-separated action_line list contains this id (exact element match). */
export async function meetings(id: string): Promise<Meeting[]> {
  return query<Meeting>(
    `SELECT id, title, start_date, end_date, date_text, venue, action_line, facilitator, co_facilitators, chair,
            participants, participants_approximate, participants_text, decisions, notes, source
       FROM event
      WHERE list_contains(list_transform(string_split(action_line, ';'), x -> trim(x)), $1)
      ORDER BY coalesce(start_date, TRY_CAST(regexp_extract(coalesce(date_text, ''), '(\\d{4})', 1) || '-12-31' AS DATE)) NULLS LAST, id`,
    [id]
  );
}

export interface QualityFlag {
  id: string;
  subject_table: string;
  subject_id: string;
  severity: string;
  message: string;
  source: string;
  [key: string]: string | null;
}

/** Flags that name the action line, or whose subject is one of its meetings. */
export async function qualityFlags(id: string): Promise<QualityFlag[]> {
  return query<QualityFlag>(
    `SELECT f.id, f.subject_table, f.subject_id, f.severity, f.message, f.source
       FROM data_quality_flag f
      WHERE list_contains(list_transform(string_split(f.action_line, ';'), x -> trim(x)), $1)
         OR (f.subject_table = 'event' AND f.subject_id IN (
               SELECT e.id FROM event e WHERE list_contains(list_transform(string_split(e.action_line, ';'), x -> trim(x)), $1)))
      ORDER BY CASE f.severity WHEN 'warning' THEN 0 ELSE 1 END, f.id`,
    [id]
  );
}
