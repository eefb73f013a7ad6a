import { error } from '@sveltejs/kit';
import { compareChart, MAX_ECONOMIES, parseCompare } from '$lib/server/chart-data/compare';
import { comparableEconomies, seriesSources } from '$lib/server/queries/compare';
import { indicators } from '$lib/server/queries/regions';
import type { PageServerLoad } from './$types';

// /compare?indicator=IT.NET.USER.ZS&economy=KEN,NGA,ZAF (economy may also repeat: a multi-select sends economy=KEN&economy=NGA).
export const load: PageServerLoad = async ({ url }) => {
  const req = await parseCompare(url.searchParams);
  if (!req.ok) error(req.status, req.message);
  const codes = req.economies.map((e) => e.code);
  const [all, choices, chart, sources] = await Promise.all([
    indicators(),
    comparableEconomies(req.indicator.code),
    codes.length ? compareChart(url.searchParams) : Promise.resolve(null),
    seriesSources(req.indicator.code, codes)
  ]);
  const canonical = (list: string[]) => `/compare?indicator=${encodeURIComponent(req.indicator.code)}${list.length ? `&economy=${list.join(',')}` : ''}`;
  return {
    indicator: { code: req.indicator.code, name: req.indicator.name, unit: req.indicator.unit, goal: req.indicator.goal?.goalValue ?? null },
    indicators: all.map((i) => ({ code: i.code, name: i.name })),
    economies: req.economies.map((e) => ({ ...e, removeHref: canonical(codes.filter((c) => c !== e.code)) })),
    choices,
    chart,
    sources,
    max: MAX_ECONOMIES,
    link: canonical(codes)
  };
};
