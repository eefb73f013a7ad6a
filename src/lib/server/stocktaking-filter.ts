// Parse then look up, as the API does: a malformed filter is a 400, a code the warehouse does
// not know is a 404, both with a message naming the parameter.
import { error } from '@sveltejs/kit';
import { parseFilter, type StocktakingFilter } from '$lib/stocktaking/filters';
import { queryOne } from './warehouse';

const LOOKUPS: Record<string, string> = {
  action_line: 'SELECT id AS v FROM action_line WHERE id = $1',
  country: 'SELECT code AS v FROM economy WHERE code = $1 AND NOT is_aggregate',
  region: "SELECT group_code AS v FROM economy_group WHERE group_code = $1 AND classification IN ('wb_region', 'm49_region') LIMIT 1",
  stakeholder_type: 'SELECT id AS v FROM stakeholder_type WHERE id = $1'
};

export async function stocktakingFilterOrError(params: URLSearchParams): Promise<{ filter: StocktakingFilter; page: number }> {
  const parsed = parseFilter(params);
  if ('error' in parsed) error(400, parsed.error);
  for (const [key, sql] of Object.entries(LOOKUPS)) {
    const value: string | number | null = parsed.filter[key as keyof StocktakingFilter];
    if (value !== null && !(await queryOne(sql, [value]))) error(404, `${key}: no ${key.replace('_', ' ')} called ${value}`);
  }
  return parsed;
}
