// The "look up what the URL names, or answer 404/400" steps the detail pages share, said once
// so every page refuses a bad id, indicator or horizon with the same status and sentence shape.
import { error } from '@sveltejs/kit';
import { horizonError, parseHorizon } from '$lib/horizons';
import { indicatorByCode } from '$lib/server/queries/regions';
import { m } from '$lib/paraglide/messages.js';

/** The value a lookup found; a 404 with `notFound` when it found nothing. */
export function found<T>(value: T | null | undefined, notFound: string): T {
  if (value == null) error(404, notFound);
  return value;
}

/** ?horizon= as a year; a 400 naming the refused value otherwise. */
export function horizonParam(url: URL): number {
  const horizon = parseHorizon(url.searchParams.get('horizon'));
  if (horizon === null) error(400, horizonError(url.searchParams.get('horizon')));
  return horizon;
}

/** ?indicator= (or the page's default) and ?horizon=, as the country and region pages read them. */
export async function indicatorAndHorizon(url: URL, defaultIndicator: string) {
  const code = url.searchParams.get('indicator') ?? defaultIndicator;
  const indicator = found(await indicatorByCode(code), m.err_no_indicator({ code }));
  return { indicator, horizon: horizonParam(url) };
}
