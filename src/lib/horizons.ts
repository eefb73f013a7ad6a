// Years and horizons in URLs, parsed one way everywhere (pages, chart downloads, the API):
// decimal digits only, so "0x7DF", "2.015e3", " 2015" or "+2015" are not years. One module,
// so a page and its CSV download can never disagree about what a parameter means.
import { DEFAULT_HORIZON, MIDPOINT_HORIZON } from './progress/constants';
import { m } from '$lib/paraglide/messages.js';

export { DEFAULT_HORIZON, MIDPOINT_HORIZON };

/** The horizons a user can choose: the 2012 mid-point review and the 2015 target year. */
export const HORIZONS = [MIDPOINT_HORIZON, DEFAULT_HORIZON] as const;

const YEAR = /^\d{4}$/;

/** A four-digit decimal year, or null for anything else. */
export function parseYear(raw: string | null | undefined): number | null {
  return raw != null && YEAR.test(raw) ? Number(raw) : null;
}

/** ?horizon=: absent or empty -> 2015; "2012" or "2015" -> that year; anything else -> null (the caller answers 400). */
export function parseHorizon(raw: string | null | undefined): number | null {
  if (raw == null || raw === '') return DEFAULT_HORIZON;
  const year = parseYear(raw);
  return year !== null && (HORIZONS as readonly number[]).includes(year) ? year : null;
}

/** The sentence a page answers with when parseHorizon refused a value (in the request's language). */
export function horizonError(raw: string | null): string {
  return m.err_unknown_horizon({ value: String(raw).slice(0, 32), first: HORIZONS[0], second: HORIZONS[1] });
}
