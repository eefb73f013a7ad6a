// Query-string parsing for the API: pure functions from URLSearchParams to typed values, or an
// ApiError(400) that names the parameter, the value received and what is accepted.
import { parseYear } from '$lib/horizons';
import { badRequest } from './errors';
import { DISAGGREGATION_PATTERN } from '../../../../pipelines/schema';

export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 10000;
export const FORMATS = ['json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

const INTEGER = /^-?\d+$/;

function single(params: URLSearchParams, name: string): string | null {
  const all = params.getAll(name);
  if (all.length > 1) throw badRequest(`Parameter ${name} given ${all.length} times; give it once.`);
  const v = all[0];
  return v === undefined || v.trim() === '' ? null : v.trim();
}

export function requiredString(params: URLSearchParams, name: string): string {
  const v = single(params, name);
  if (v === null) throw badRequest(`Parameter ${name} is required.`);
  return v;
}

export function optionalString(params: URLSearchParams, name: string): string | null {
  return single(params, name);
}

/** A code (indicator, economy, action line, ...): upper-cased letters, digits, '.', '_', '-'. */
export function code(value: string, name: string, { upper = true } = {}): string {
  if (value.length > 64 || !/^[A-Za-z0-9._-]+$/.test(value)) {
    throw badRequest(`Parameter ${name}: "${value.slice(0, 64)}" is not a valid code (letters, digits, '.', '_', '-').`);
  }
  return upper ? value.toUpperCase() : value;
}

/** A comma-separated list of codes, de-duplicated, order kept. */
export function codeList(value: string, name: string): string[] {
  const parts = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (parts.length === 0) throw badRequest(`Parameter ${name} is empty.`);
  if (parts.length > 500) throw badRequest(`Parameter ${name} lists ${parts.length} codes; at most 500.`);
  return [...new Set(parts.map((p) => code(p, name)))];
}

export function year(params: URLSearchParams, name: string): number | null {
  const v = single(params, name);
  if (v === null) return null;
  if (parseYear(v) === null) throw badRequest(`Parameter ${name} must be a four-digit year, got "${v.slice(0, 32)}".`);
  return Number(v);
}

export function yearRange(params: URLSearchParams): { from: number | null; to: number | null } {
  const from = year(params, 'from');
  const to = year(params, 'to');
  if (from !== null && to !== null && from > to) throw badRequest(`from (${from}) is after to (${to}).`);
  return { from, to };
}

export interface Paging {
  limit: number;
  offset: number;
}

export function paging(params: URLSearchParams): Paging {
  const l = single(params, 'limit');
  const o = single(params, 'offset');
  let limit = DEFAULT_LIMIT;
  let offset = 0;
  if (l !== null) {
    if (!INTEGER.test(l)) throw badRequest(`limit must be an integer from 1 to ${MAX_LIMIT}, got "${l.slice(0, 32)}".`);
    limit = Number(l);
    if (limit < 1 || limit > MAX_LIMIT) throw badRequest(`limit must be from 1 to ${MAX_LIMIT}, got ${l}.`);
  }
  if (o !== null) {
    if (!INTEGER.test(o)) throw badRequest(`offset must be a non-negative integer, got "${o.slice(0, 32)}".`);
    offset = Number(o);
    if (offset < 0 || !Number.isSafeInteger(offset)) throw badRequest(`offset must be a non-negative integer, got ${o}.`);
  }
  return { limit, offset };
}

export function format(params: URLSearchParams): Format {
  const v = single(params, 'format');
  if (v === null) return 'json';
  const f = v.toLowerCase();
  if (!(FORMATS as readonly string[]).includes(f)) throw badRequest(`format must be one of ${FORMATS.join(', ')}, got "${v.slice(0, 32)}".`);
  return f as Format;
}

/** vintage: absent or "served" -> served values (observation); "all" -> every vintage (observation_all). */
export function vintageMode(params: URLSearchParams): 'served' | 'all' {
  const v = single(params, 'vintage');
  if (v === null || v === 'served') return 'served';
  if (v === 'all') return 'all';
  throw badRequest(`vintage must be "all" or "served", got "${v.slice(0, 32)}".`);
}

/** disaggregation: absent -> '' (the total); else key=value pairs as in the observation tables (e.g. sex=female). */
export function disaggregationParam(params: URLSearchParams): string {
  const v = single(params, 'disaggregation');
  if (v === null || v === '') return '';
  if (!new RegExp(`^${DISAGGREGATION_PATTERN}$`).test(v)) {
    throw badRequest(`disaggregation must be key=value pairs joined by ";" (e.g. sex=female), or empty for the total; got "${v.slice(0, 64)}".`);
  }
  return v;
}

/** Semicolon-separated text to a list (the schema's list encoding). */
export { splitList } from '../../../../pipelines/schema';
