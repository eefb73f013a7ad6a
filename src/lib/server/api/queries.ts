// Queries behind the JSON API (/api/v1). Every input value reaches SQL as a bound parameter;
// only placeholders ($n) and fixed column names are assembled here. Lists come back with the
// total matching rows so responses can be paged.
import type { DuckDBValue } from '@duckdb/node-api';
import { query, queryOne, type Row } from '../warehouse';
import { notFound } from './errors';
import { splitList, type Paging } from './params';

/** Collects bound values and hands out their placeholders. */
class Binds {
  readonly values: DuckDBValue[] = [];
  add(v: DuckDBValue): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
  list(vs: DuckDBValue[]): string {
    return vs.map((v) => this.add(v)).join(', ');
  }
}

async function paged(select: string, from: string, orderBy: string, b: Binds, p: Paging): Promise<{ total: number; rows: Row[] }> {
  const count = await queryOne<{ n: number }>(`SELECT count(*)::INTEGER AS n ${from}`, b.values);
  const limit = b.add(p.limit);
  const offset = b.add(p.offset);
  const rows = await query(`${select} ${from} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`, b.values);
  return { total: count?.n ?? 0, rows };
}

const numbers = (v: unknown) => splitList(v).map(Number);

// ---- existence checks (404 with what is accepted) ----

export async function requireIndicator(code: string): Promise<string> {
  const row = await queryOne<{ code: string }>('SELECT code FROM indicator WHERE upper(code) = upper($1)', [code]);
  if (row) return row.code;
  const alias = await queryOne<{ code: string }>('SELECT code FROM indicator_alias WHERE upper(old_code) = upper($1)', [code]);
  if (alias) throw notFound(`Indicator ${code} is an old code; use ${alias.code}.`);
  throw notFound(`No indicator ${code}. See /api/v1/indicators for the codes.`);
}

export async function requireEconomies(codes: string[]): Promise<string[]> {
  const b = new Binds();
  const rows = await query<{ code: string }>(`SELECT code FROM economy WHERE code IN (${b.list(codes)})`, b.values);
  const known = new Set(rows.map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) throw notFound(`No economy ${unknown.join(', ')}. Economies are ISO 3166-1 alpha-3 codes or World Bank aggregate codes (WLD, SSF, LIC, ...); see economy.csv on /data.`);
  return codes;
}

export async function requireActionLine(id: string): Promise<string> {
  const row = await queryOne<{ id: string }>('SELECT id FROM action_line WHERE lower(id) = lower($1)', [id]);
  if (!row) throw notFound(`No action line ${id}. Action lines are C1-C11 and C7-e-government ... C7-e-science; see /api/v1/action-lines.`);
  return row.id;
}

export async function requireStakeholderType(id: string): Promise<string> {
  const row = await queryOne<{ id: string }>('SELECT id FROM stakeholder_type WHERE lower(id) = lower($1)', [id]);
  if (!row) {
    const all = await query<{ id: string }>('SELECT id FROM stakeholder_type ORDER BY id');
    throw notFound(`No stakeholder type ${id}. Known: ${all.map((r) => r.id).join(', ')}.`);
  }
  return row.id;
}

export async function requireEvent(id: string): Promise<string> {
  const row = await queryOne<{ id: string }>('SELECT id FROM event WHERE id = $1', [id]);
  if (!row) throw notFound(`No event ${id}. See event.csv on /data for the event ids.`);
  return row.id;
}

// ---- indicators ----

export async function indicators(p: Paging) {
  const { total, rows } = await paged(
    `SELECT code, name, unit, wsis_targets, mdg_indicator, source_organisation, source,
            coalesce((SELECT list(DISTINCT o.disaggregation ORDER BY o.disaggregation) FROM observation o WHERE o.indicator = i.code), []::VARCHAR[]) AS disaggregations`,
    'FROM indicator i',
    'code',
    new Binds(),
    p
  );
  return { total, rows: rows.map((r) => ({ ...r, wsis_targets: numbers(r.wsis_targets) })) };
}

// ---- observations ----

export const OBSERVATION_COLUMNS = ['indicator', 'economy', 'year', 'disaggregation', 'value', 'vintage', 'source'] as const;

export interface ObservationFilter {
  indicator: string;
  economies: string[] | null;
  from: number | null;
  to: number | null;
  vintage: 'served' | 'all';
  /** '' = the total. */
  disaggregation: string;
}

export async function observations(f: ObservationFilter, p: Paging) {
  const b = new Binds();
  const table = f.vintage === 'all' ? 'observation_all' : 'observation';
  const where = [`o.indicator = ${b.add(f.indicator)}`, `o.disaggregation = ${b.add(f.disaggregation)}`];
  if (f.economies) where.push(`o.economy IN (${b.list(f.economies)})`);
  if (f.from !== null) where.push(`o.year >= ${b.add(f.from)}`);
  if (f.to !== null) where.push(`o.year <= ${b.add(f.to)}`);
  return paged(
    'SELECT o.indicator, o.economy, o.year, o.disaggregation, o.value, o.vintage, b.source',
    `FROM ${table} o LEFT JOIN observation_batch b ON b.batch_id = o.batch_id WHERE ${where.join(' AND ')}`,
    'o.economy, o.year, o.vintage DESC, o.batch_id',
    b,
    p
  );
}

// ---- action lines ----

const ACTION_LINE_SELECT = `SELECT a.id, a.parent, a.title, a.facilitators, a.co_facilitators, a.sort_order,
  (SELECT count(*)::INTEGER FROM stocktaking_action_line s WHERE s.action_line = a.id) AS stocktaking_count,
  (SELECT count(*)::INTEGER FROM event e WHERE list_contains(string_split(e.action_line, ';'), a.id)) AS meeting_count,
  a.source`;

function actionLineRow(r: Row) {
  return { ...r, facilitators: splitList(r.facilitators), co_facilitators: splitList(r.co_facilitators) };
}

export async function actionLines(p: Paging) {
  const { total, rows } = await paged(ACTION_LINE_SELECT, 'FROM action_line a', 'a.sort_order, a.id', new Binds(), p);
  return { total, rows: rows.map(actionLineRow) };
}

export async function actionLine(id: string) {
  const row = await queryOne(`${ACTION_LINE_SELECT} FROM action_line a WHERE a.id = $1`, [id]);
  if (!row) throw notFound(`No action line ${id}.`);
  const [subLines, links, targets, wsisIndicators, mdgIndicators, byType, byYear, meetings, facilitation] = await Promise.all([
    query('SELECT id, title FROM action_line WHERE parent = $1 ORDER BY sort_order', [id]),
    query('SELECT link_type, link_id, rationale, source FROM action_line_link WHERE action_line = $1 ORDER BY link_type, link_id', [id]),
    query(
      `SELECT t.target, t.short_title, t.text FROM wsis_target t
        WHERE t.target::VARCHAR IN (SELECT link_id FROM action_line_link WHERE action_line = $1 AND link_type = 'wsis_target')
        ORDER BY t.target`,
      [id]
    ),
    query(
      `SELECT 'wsis' AS framework, ti.id, ti.target::VARCHAR AS target, ti.name, ti.unit,
              (SELECT s.series_code FROM target_indicator_series s WHERE s.target_indicator = ti.id ORDER BY s.priority, s.series_code LIMIT 1) AS series_code,
              ti.goal_value, ti.verified
         FROM target_indicator ti
        WHERE ti.target::VARCHAR IN (SELECT link_id FROM action_line_link WHERE action_line = $1 AND link_type = 'wsis_target')
        ORDER BY ti.target, ti.id`,
      [id]
    ),
    query(
      `SELECT 'mdg' AS framework, m.id, m.target, m.name, NULL AS unit, m.wb_code AS series_code, m.goal_value, NULL AS verified FROM mdg_indicator m
        WHERE m.id IN (SELECT link_id FROM action_line_link WHERE action_line = $1 AND link_type = 'mdg')
        ORDER BY m.id`,
      [id]
    ),
    query(
      `SELECT coalesce(e.stakeholder_type, 'unknown') AS stakeholder_type, count(*)::INTEGER AS entries
         FROM stocktaking_action_line s JOIN stocktaking_entry e ON e.id = s.entry
        WHERE s.action_line = $1 GROUP BY ALL ORDER BY entries DESC, stakeholder_type`,
      [id]
    ),
    query(
      `SELECT e.start_year AS year, count(*)::INTEGER AS entries
         FROM stocktaking_action_line s JOIN stocktaking_entry e ON e.id = s.entry
        WHERE s.action_line = $1 GROUP BY ALL ORDER BY year NULLS LAST`,
      [id]
    ),
    query(
      `SELECT id, title, start_date, end_date, date_text, venue, action_line, facilitator, co_facilitators, chair,
              participants, participants_approximate, participants_text, decisions, notes, source
         FROM event WHERE list_contains(string_split(action_line, ';'), $1)
        ORDER BY start_date NULLS LAST, id`,
      [id]
    ),
    query(
      `SELECT organisation, role, from_year, to_year, statement, verified, source FROM facilitation
        WHERE action_line = $1 ORDER BY from_year, to_year NULLS LAST, role, organisation`,
      [id]
    )
  ]);
  return {
    ...actionLineRow(row),
    sub_lines: subLines,
    links,
    targets,
    indicators: [...wsisIndicators, ...mdgIndicators],
    facilitation,
    stocktaking: { entries: row.stocktaking_count, by_stakeholder_type: byType, by_year: byYear },
    meetings: meetings.map((m) => ({ ...m, action_lines: splitList(m.action_line), action_line: undefined, decisions: splitList(m.decisions), notes: splitList(m.notes) }))
  };
}

// ---- stocktaking ----

export interface StocktakingFilter {
  actionLine: string | null;
  stakeholderType: string | null;
  country: string | null;
}

export async function stocktaking(f: StocktakingFilter, p: Paging) {
  const b = new Binds();
  const where: string[] = ['true'];
  if (f.actionLine) where.push(`EXISTS (SELECT 1 FROM stocktaking_action_line s WHERE s.entry = e.id AND s.action_line = ${b.add(f.actionLine)})`);
  if (f.stakeholderType) where.push(`e.stakeholder_type = ${b.add(f.stakeholderType)}`);
  if (f.country) where.push(`list_contains(list_transform(string_split(e.countries, ';'), x -> trim(x)), ${b.add(f.country)})`);
  const { total, rows } = await paged(
    `SELECT e.id, e.title, e.lead_organisation, e.stakeholder_type,
            (SELECT string_agg(s.action_line, ';' ORDER BY s.action_line) FROM stocktaking_action_line s WHERE s.entry = e.id) AS action_lines,
            e.countries, e.wsis_targets, e.mdg_links, e.status, e.start_year, e.reported_year, e.stakeholder_type_rule, e.source`,
    `FROM stocktaking_entry e WHERE ${where.join(' AND ')}`,
    'e.id',
    b,
    p
  );
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      action_lines: splitList(r.action_lines),
      countries: splitList(r.countries),
      wsis_targets: numbers(r.wsis_targets),
      mdg_links: splitList(r.mdg_links)
    }))
  };
}

// ---- participation ----

export async function participation(event: string | null, p: Paging) {
  const b = new Binds();
  const where = event ? `WHERE event = ${b.add(event)}` : '';
  return paged(
    'SELECT event, measure, stakeholder_type, venue, count, note, source',
    `FROM participation ${where}`,
    'event, measure, stakeholder_type, venue',
    b,
    p
  );
}
