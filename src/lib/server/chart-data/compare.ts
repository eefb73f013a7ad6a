// /compare's chart: one indicator, up to ten economies (countries or aggregates) on one line
// chart with the goal line. Defined once by id, so the CSV and SVG downloads hold the rows drawn.
import { m } from '$lib/paraglide/messages.js';
import { lineChartSpec, type LinePoint } from '$lib/plot/line';
import { formatIndicatorValue, shortIndicatorName, unitKind } from '$lib/plot/units';
import type { ChartRow, ChartView } from '$lib/plot/types';
import { plotOnce } from '../chart-store';
import { seriesByEconomy } from '../queries/progress';
import { comparableEconomies, seriesSources } from '../queries/compare';
import { ECONOMY_CODE, indicatorByCode, type IndicatorInfo } from '../queries/regions';
import { chartCsvHref, oncePerBuild, type ChartDefinition } from './registry';

export const COMPARE_CHART = 'compare';
export const MAX_ECONOMIES = 10;

export type CompareRequest =
  | { ok: true; indicator: IndicatorInfo; economies: { code: string; name: string }[] }
  | { ok: false; status: 400 | 404; message: string };

/** Parse first (400), then look up (404). `economy` may repeat and may hold comma-separated codes. */
export async function parseCompare(params: URLSearchParams): Promise<CompareRequest> {
  const rawIndicator = params.get('indicator') ?? 'IT.NET.USER.ZS';
  const codes = [...new Set(params.getAll('economy').flatMap((v) => v.split(',')).map((c) => c.trim().toUpperCase()).filter(Boolean))];
  const malformed = codes.filter((c) => !ECONOMY_CODE.test(c));
  if (malformed.length) return { ok: false, status: 400, message: m.err_not_economy_code({ codes: malformed.join(', ') }) };
  if (codes.length > MAX_ECONOMIES) return { ok: false, status: 400, message: m.err_too_many_economies({ max: MAX_ECONOMIES, count: codes.length }) };
  const indicator = await indicatorByCode(rawIndicator);
  if (!indicator) return { ok: false, status: 404, message: m.err_no_indicator_in_warehouse({ code: rawIndicator }) };
  const known = new Map((await comparableEconomies(indicator.code)).map((e) => [e.code, e]));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) return { ok: false, status: 404, message: m.err_no_values_for({ code: indicator.code, economies: unknown.join(', ') }) };
  return { ok: true, indicator, economies: codes.map((c) => ({ code: c, name: known.get(c)!.name })) };
}

const definition: ChartDefinition = async (params) => {
  const req = await parseCompare(params);
  if (!req.ok || req.economies.length === 0) return null;
  const { indicator, economies } = req;
  const codes = economies.map((e) => e.code);
  const [seriesMap, sources] = await Promise.all([seriesByEconomy(indicator.code, codes), seriesSources(indicator.code, codes)]);
  const nameOf = new Map(economies.map((e) => [e.code, e.name]));
  const rows: ChartRow[] = codes.flatMap((c) => (seriesMap.get(c) ?? []).map((p) => ({ economy: c, name: nameOf.get(c)!, year: p.year, value: p.value })));
  const points: LinePoint[] = rows.map((r) => ({ series: String(r.economy), year: Number(r.year), value: Number(r.value) }));
  const goal = indicator.goal?.goalValue ?? null;
  const fmt = (v: number) => formatIndicatorValue(v, indicator.unit);
  const latest = codes
    .map((c) => ({ code: c, last: (seriesMap.get(c) ?? []).at(-1) }))
    .filter((l) => l.last)
    .sort((a, b) => b.last!.value - a.last!.value);
  const name = shortIndicatorName(indicator.name);
  let summary: string = latest.length
    ? m.cd_compare_latest({ values: latest.map((l) => `${nameOf.get(l.code)} ${fmt(l.last!.value)} (${l.last!.year})`).join(', ') })
    : m.cd_compare_none();
  if (goal != null) {
    const atGoal = latest.filter((l) => l.last!.value >= goal).length;
    summary += m.cd_compare_at_goal({ count: atGoal, total: latest.length, goal: fmt(goal) });
  }
  // One entry per file and vintage, naming the economies it serves.
  const byFile = new Map<string, string[]>();
  for (const s of sources) {
    const key = m.cd_file_vintage({ file: s.file, vintage: s.vintage ?? m.series_vintage_not_stated() });
    byFile.set(key, [...(byFile.get(key) ?? []), s.economy]);
  }
  const bySource = [...byFile].map(([file, econ]) => `${econ.join(', ')}: ${file}`);
  return {
    id: COMPARE_CHART,
    title: `${name}: ${economies.map((e) => e.name).join(', ')}`,
    summary,
    svg: plotOnce('line', lineChartSpec, [points, { yLabel: indicator.unit, goal, height: 340 }]),
    columns: [
      { key: 'economy', label: m.col_code() },
      { key: 'name', label: m.cd_col_economy() },
      { key: 'year', label: m.col_year() },
      { key: 'value', label: indicator.unit, kind: 'number', digits: unitKind(indicator.unit) === 'number' ? 0 : 1 }
    ],
    rows,
    csvHref: chartCsvHref(COMPARE_CHART, { indicator: indicator.code, economy: codes.join(',') }),
    source: m.cd_compare_source({ code: indicator.code, files: bySource.join('. ') })
  } satisfies ChartView;
};

export const compareChart: ChartDefinition = oncePerBuild('compareChart', definition);

export const compareCharts: Record<string, ChartDefinition> = { [COMPARE_CHART]: compareChart };
