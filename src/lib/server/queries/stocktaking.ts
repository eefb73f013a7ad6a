// Stocktaking queries for /stocktaking and its CSV: entries under the URL filters (action line
// with its sub-lines, country, region, stakeholder type, status, year, text), paged, and the
// counts by action line and by country of the same filtered set. Every value is bound.
import type { StocktakingFilter } from '$lib/stocktaking/filters';
import { query, queryOne } from '../warehouse';

export interface EntryRow {
  id: string;
  title: string;
  lead_organisation: string;
  stakeholder_type: string;
  stakeholder_name: string | null;
  stakeholder_type_rule: string | null;
  countries: string | null;
  country_names: string | null;
  action_lines: string | null;
  status: string;
  start_year: number | null;
  reported_year: number | null;
  source: string;
  conversion_note: string | null;
  warnings: string | null;
  [key: string]: string | number | null;
}

/** Region groups offered by the filter: World Bank regions and UN M49 regions. */
export const REGION_CLASSIFICATIONS = ['wb_region', 'm49_region'];

function whereOf(f: StocktakingFilter): { sql: string; params: (string | number)[] } {
  const params: (string | number)[] = [];
  const bind = (v: string | number) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ['true'];
  if (f.action_line)
    where.push(`EXISTS (SELECT 1 FROM stocktaking_action_line b JOIN action_line a ON a.id = b.action_line
                         WHERE b.entry = e.id AND (a.id = ${bind(f.action_line)} OR a.parent = $${params.length}))`);
  if (f.country) where.push(`list_contains(string_split(e.countries, ';'), ${bind(f.country)})`);
  if (f.region)
    where.push(`EXISTS (SELECT 1 FROM economy_group g WHERE g.group_code = ${bind(f.region)}
                         AND g.classification IN ('wb_region', 'm49_region') AND list_contains(string_split(e.countries, ';'), g.economy))`);
  if (f.stakeholder_type) where.push(`e.stakeholder_type = ${bind(f.stakeholder_type)}`);
  if (f.status) where.push(`e.status = ${bind(f.status)}`);
  if (f.year !== null) where.push(`(e.start_year = ${bind(f.year)} OR e.reported_year = $${params.length})`);
  if (f.q) {
    const p = bind(f.q.toLowerCase());
    where.push(`(strpos(lower(e.title), ${p}) > 0 OR strpos(lower(e.lead_organisation), ${p}) > 0 OR strpos(lower(e.source), ${p}) > 0)`);
  }
  return { sql: where.join(' AND '), params };
}

const ENTRY_COLUMNS = `e.id, e.title, e.lead_organisation, e.stakeholder_type, st.name AS stakeholder_name, e.stakeholder_type_rule,
       e.countries,
       (SELECT string_agg(c.name, '; ' ORDER BY c.name) FROM economy c WHERE list_contains(string_split(e.countries, ';'), c.code)) AS country_names,
       (SELECT string_agg(b.action_line, '; ' ORDER BY a.sort_order) FROM stocktaking_action_line b JOIN action_line a ON a.id = b.action_line WHERE b.entry = e.id) AS action_lines,
       e.status, e.start_year, e.reported_year, e.source, e.conversion_note,
       (SELECT string_agg(w.rule, '; ' ORDER BY w.rule) FROM stocktaking_warning w WHERE w.entry = e.id) AS warnings`;

/** One page of the filtered entries (limit null: all of them, for the CSV) and their total. */
export async function filteredEntries(f: StocktakingFilter, limit: number | null, offset = 0): Promise<{ total: number; rows: EntryRow[] }> {
  const { sql, params } = whereOf(f);
  const total = (await queryOne<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM stocktaking_entry e WHERE ${sql}`, params))?.n ?? 0;
  const page = limit === null ? '' : `LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`;
  const rows = await query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS}
       FROM stocktaking_entry e LEFT JOIN stakeholder_type st ON st.id = e.stakeholder_type
      WHERE ${sql}
      ORDER BY e.id ${page}`,
    params
  );
  return { total, rows };
}

export interface CountRow {
  code: string;
  name: string;
  entries: number;
  [key: string]: string | number;
}

/** Filtered entries by action line (an entry on two lines counts on each). */
export async function countsByActionLine(f: StocktakingFilter): Promise<CountRow[]> {
  const { sql, params } = whereOf(f);
  return query<CountRow>(
    `SELECT a.id AS code, a.title AS name, count(DISTINCT e.id)::INTEGER AS entries
       FROM stocktaking_entry e JOIN stocktaking_action_line b ON b.entry = e.id JOIN action_line a ON a.id = b.action_line
      WHERE ${sql} GROUP BY a.id, a.title, a.sort_order ORDER BY a.sort_order`,
    params
  );
}

/** Filtered entries by country (an entry on two countries counts on each); no country as "(none)". */
export async function countsByCountry(f: StocktakingFilter): Promise<CountRow[]> {
  const { sql, params } = whereOf(f);
  return query<CountRow>(
    `WITH f AS (SELECT e.id, e.countries FROM stocktaking_entry e WHERE ${sql}),
          pairs AS (SELECT f.id, unnest(CASE WHEN f.countries IS NULL THEN [NULL] ELSE string_split(f.countries, ';') END) AS code FROM f)
     SELECT coalesce(p.code, '') AS code, coalesce(c.name, CASE WHEN p.code IS NULL THEN 'No country stated' ELSE p.code END) AS name,
            count(DISTINCT p.id)::INTEGER AS entries
       FROM pairs p LEFT JOIN economy c ON c.code = p.code
      GROUP BY ALL ORDER BY entries DESC, name`,
    params
  );
}

export interface FilterOptions {
  actionLines: { id: string; title: string; parent: string | null }[];
  countries: { code: string; name: string }[];
  regions: { code: string; name: string; classification: string }[];
  stakeholderTypes: { id: string; name: string }[];
  years: number[];
}

/** What the filter selects offer: only values that occur among the entries (action lines: all). */
export async function filterOptions(): Promise<FilterOptions> {
  const [actionLines, countries, regions, stakeholderTypes, years] = await Promise.all([
    query<{ id: string; title: string; parent: string | null }>('SELECT id, title, parent FROM action_line ORDER BY sort_order'),
    query<{ code: string; name: string }>(
      `SELECT DISTINCT c.code, c.name FROM stocktaking_entry e, unnest(string_split(e.countries, ';')) AS u(code) JOIN economy c ON c.code = u.code ORDER BY c.name`
    ),
    query<{ code: string; name: string; classification: string }>(
      `SELECT group_code AS code, any_value(group_name) AS name, classification FROM economy_group
        WHERE classification IN ('wb_region', 'm49_region') GROUP BY classification, group_code ORDER BY classification DESC, name`
    ),
    query<{ id: string; name: string }>('SELECT id, name FROM stakeholder_type ORDER BY id'),
    query<{ y: number }>(
      'SELECT DISTINCT y FROM (SELECT start_year AS y FROM stocktaking_entry UNION SELECT reported_year FROM stocktaking_entry) WHERE y IS NOT NULL ORDER BY y'
    )
  ]);
  return { actionLines, countries, regions, stakeholderTypes, years: years.map((r) => r.y) };
}
