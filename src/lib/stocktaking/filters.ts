// The filters of /stocktaking, its CSV and the API, read from the URL: every view is a link.
// Pure parsing (form of each value); whether a code exists is looked up by the caller.

export const STATUSES = ['planned', 'ongoing', 'completed', 'unknown'] as const;
export const PAGE_SIZE = 50;
const CODE = /^[A-Za-z0-9._-]{1,64}$/;

export interface StocktakingFilter {
  action_line: string | null;
  country: string | null;
  region: string | null;
  stakeholder_type: string | null;
  status: string | null;
  /** Entries that started or were reported in this year. */
  year: number | null;
  /** Words searched in title, lead organisation and source. */
  q: string | null;
}

export const FILTER_KEYS = ['action_line', 'country', 'region', 'stakeholder_type', 'status', 'year', 'q'] as const;
export const NO_FILTER: StocktakingFilter = { action_line: null, country: null, region: null, stakeholder_type: null, status: null, year: null, q: null };

export type Parsed = { filter: StocktakingFilter; page: number } | { error: string };

export function parseFilter(params: URLSearchParams): Parsed {
  const get = (k: string) => {
    const v = params.get(k);
    return v === null || v.trim() === '' ? null : v.trim();
  };
  const filter: StocktakingFilter = { ...NO_FILTER };
  for (const k of ['action_line', 'country', 'region', 'stakeholder_type'] as const) {
    const v = get(k);
    if (v !== null && !CODE.test(v)) return { error: `${k}: "${v.slice(0, 64)}" is not a code (letters, digits, '.', '_', '-')` };
    filter[k] = v === null ? null : k === 'country' ? v.toUpperCase() : v;
  }
  const status = get('status');
  if (status !== null && !(STATUSES as readonly string[]).includes(status)) return { error: `status: "${status.slice(0, 32)}" is not one of ${STATUSES.join(', ')}` };
  filter.status = status;
  const year = get('year');
  if (year !== null && !/^\d{4}$/.test(year)) return { error: `year: "${year.slice(0, 32)}" is not a four-digit year` };
  filter.year = year === null ? null : Number(year);
  const q = get('q');
  if (q !== null && q.length > 100) return { error: 'q: at most 100 characters' };
  filter.q = q;
  const p = get('page');
  if (p !== null && !/^[1-9]\d{0,5}$/.test(p)) return { error: `page: "${p.slice(0, 16)}" is not a page number` };
  return { filter, page: p === null ? 1 : Number(p) };
}

/** The query string of a filter (and page), for links and the CSV download. */
export function filterSearch(filter: StocktakingFilter, page = 1): string {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filter[k] !== null) params.set(k, String(filter[k]));
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function isFiltered(filter: StocktakingFilter): boolean {
  return FILTER_KEYS.some((k) => filter[k] !== null);
}
