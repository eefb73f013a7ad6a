// Region charts: an aggregate's published series against the same publisher's world (WLD, ITU_WLD), our computed
// population-weighted aggregate where membership is known, and the indicator's goal.
import { parseHorizon } from '$lib/horizons';
import type { ComparisonSeries } from '$lib/plot/comparison';
import { unitKind } from '$lib/plot/units';
import type { ChartColumn, ChartRow } from '$lib/plot/types';
import { series } from '../queries/progress';
import {
  aggregateView,
  describeServed,
  indicatorByCode,
  regionByCode,
  regionMembership,
  servedFrom
} from '../queries/regions';
import { m } from '$lib/paraglide/messages.js';
import { oncePerBuild, type ChartDefinition } from './registry';
import { comparisonView } from './comparison-view';
import { worldOf } from '../queries/itu-regions';

export const REGION_CHART = 'region-indicator';


/** params: code (aggregate), indicator, horizon (2012|2015). Null when any is invalid. */
const definition: ChartDefinition = async (params) => {
  const code = params.get('code') ?? '';
  const horizon = parseHorizon(params.get('horizon'));
  const [region, indicator] = await Promise.all([regionByCode(code), indicatorByCode(params.get('indicator'))]);
  if (!region || !indicator || horizon === null) return null;

  const worldCode = worldOf(region.code); // an ITU aggregate is compared with ITU's world
  const isWorld = region.code === worldCode;
  const membership = await regionMembership(region.code);
  const [own, world, agg, servedOwn, servedWorld] = await Promise.all([
    series(indicator.code, region.code),
    isWorld ? Promise.resolve([]) : series(indicator.code, worldCode),
    membership.computed ? aggregateView(indicator.code, membership.members, region.code) : Promise.resolve(null),
    servedFrom(indicator.code, region.code),
    isWorld ? Promise.resolve([]) : servedFrom(indicator.code, worldCode)
  ]);

  const computedPoints = (agg?.rows ?? []).filter((r) => r.computed !== null).map((r) => ({ year: r.year, value: r.computed as number }));
  const drawn: ComparisonSeries[] = [{ label: isWorld ? m.cd_world() : region.code, emphasis: true, points: own }];
  if (!isWorld) drawn.push({ label: m.cd_world(), points: world });
  if (agg) drawn.push({ label: m.cd_computed(), dashed: true, points: computedPoints });
  const goal = indicator.goal?.goalValue ?? null;

  const years = [...new Set([...own, ...world, ...(agg?.rows ?? [])].map((p) => p.year))].sort((a, b) => a - b);
  const ownBy = new Map(own.map((p) => [p.year, p.value]));
  const worldBy = new Map(world.map((p) => [p.year, p.value]));
  const aggBy = new Map((agg?.rows ?? []).map((r) => [r.year, r]));
  const rows: ChartRow[] = years.map((year) => {
    const row: ChartRow = { year, published: ownBy.get(year) ?? null };
    if (!isWorld) row.world = worldBy.get(year) ?? null;
    if (agg) {
      const a = aggBy.get(year);
      row.computed = a?.computed ?? null;
      row.coverage = a?.coverage != null ? Math.round(a.coverage * 1000) / 10 : null;
      row.computed_status = !a || a.coverage === null ? m.cd_computed_no_member_data() : a.available ? m.cd_computed_available() : m.cd_computed_not_available();
    }
    return row;
  });
  const digits = unitKind(indicator.unit) === 'number' ? 0 : 1;
  const columns: ChartColumn[] = [
    { key: 'year', label: m.col_year() },
    { key: 'published', label: m.cd_col_published({ name: region.name }), kind: 'number', digits }
  ];
  if (!isWorld) columns.push({ key: 'world', label: m.cd_col_world_published(), kind: 'number', digits });
  if (agg) {
    columns.push(
      { key: 'computed', label: m.cd_col_computed_weighted(), kind: 'number', digits },
      { key: 'coverage', label: m.cd_col_population_coverage(), kind: 'number', digits: 1 },
      { key: 'computed_status', label: m.cd_col_computed_value() }
    );
  }

  const source = [
    `${worldCode === 'WLD' ? 'World Bank WDI (ITU)' : 'ITU key ICT indicators'}, ${indicator.code}: ${region.name} ${describeServed(servedOwn)}`,
    ...(isWorld ? [] : [`${m.cd_world()} ${describeServed(servedWorld)}`]),
    ...(agg ? [m.cd_source_computed({ members: membership.members.length, threshold: agg.coverageThreshold * 100 })] : [])
  ].join('; ');

  return comparisonView({
    chart: REGION_CHART, indicator, goal, horizon, drawn, columns, rows, source,
    titleSubjects: isWorld ? region.name : m.cd_subjects_with_world({ name: region.name }),
    subjectName: isWorld ? m.cd_subject_world() : region.name,
    subject: own,
    world: isWorld ? null : world,
    csvParams: { code: region.code, indicator: indicator.code, horizon }
  });
};

export const regionChart: ChartDefinition = oncePerBuild('regionChart', definition);

export const regionCharts: Record<string, ChartDefinition> = { [REGION_CHART]: regionChart };
