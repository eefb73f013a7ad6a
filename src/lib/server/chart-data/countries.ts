// Country charts: a country's series against its World Bank region's published aggregate,
// the world (WLD) and the indicator's goal.
import type { ComparisonSeries } from '$lib/plot/comparison';
import type { ChartColumn, ChartRow } from '$lib/plot/types';
import { unitKind } from '$lib/plot/units';
import { countryByCode } from '../queries/countries';
import { series } from '../queries/progress';
import { describeServed, indicatorByCode, servedFrom } from '../queries/regions';
import { parseHorizon } from '$lib/horizons';
import { m } from '$lib/paraglide/messages.js';
import { oncePerBuild, type ChartDefinition } from './registry';
import { comparisonView } from './comparison-view';

export const COUNTRY_CHART = 'country-indicator';

/** params: iso3, indicator, horizon (2012|2015). Null when any is invalid. */
const definition: ChartDefinition = async (params) => {
  const horizon = parseHorizon(params.get('horizon'));
  const [country, indicator] = await Promise.all([countryByCode(params.get('iso3') ?? ''), indicatorByCode(params.get('indicator'))]);
  if (!country || !indicator || horizon === null) return null;
  const regionCode = country.wbRegionCode;
  const [own, region, world, servedOwn, servedRegion, servedWorld] = await Promise.all([
    series(indicator.code, country.code),
    regionCode ? series(indicator.code, regionCode) : Promise.resolve([]),
    series(indicator.code, 'WLD'),
    servedFrom(indicator.code, country.code),
    regionCode ? servedFrom(indicator.code, regionCode) : Promise.resolve([]),
    servedFrom(indicator.code, 'WLD')
  ]);
  const goal = indicator.goal?.goalValue ?? null;
  const drawn: ComparisonSeries[] = [{ label: country.code, emphasis: true, points: own }];
  if (regionCode) drawn.push({ label: regionCode, points: region });
  drawn.push({ label: m.cd_world(), points: world });

  const years = [...new Set([...own, ...region, ...world].map((p) => p.year))].sort((a, b) => a - b);
  const by = (s: { year: number; value: number }[]) => new Map(s.map((p) => [p.year, p.value]));
  const ownBy = by(own), regionBy = by(region), worldBy = by(world);
  const rows: ChartRow[] = years.map((year) => ({
    year,
    country: ownBy.get(year) ?? null,
    ...(regionCode ? { region: regionBy.get(year) ?? null } : {}),
    world: worldBy.get(year) ?? null
  }));
  const digits = unitKind(indicator.unit) === 'number' ? 0 : 1;
  const columns: ChartColumn[] = [
    { key: 'year', label: m.col_year() },
    { key: 'country', label: country.name, kind: 'number', digits },
    ...(regionCode ? [{ key: 'region', label: m.cd_col_published({ name: country.wbRegion ?? '' }), kind: 'number' as const, digits }] : []),
    { key: 'world', label: m.cd_col_world_published(), kind: 'number', digits }
  ];
  const source = [
    `${indicator.code.startsWith('ITU_') ? 'ITU' : 'World Bank WDI (ITU)'}, ${indicator.code}: ${country.name} ${describeServed(servedOwn)}`,
    ...(regionCode ? [`${regionCode} ${describeServed(servedRegion)}`] : []),
    `${m.cd_world()} ${describeServed(servedWorld)}`
  ].join('; ');

  return comparisonView({
    chart: COUNTRY_CHART, indicator, goal, horizon, drawn, columns, rows, source,
    titleSubjects: regionCode ? m.cd_subjects_country_region_world({ country: country.name, region: country.wbRegion ?? '' }) : m.cd_subjects_with_world({ name: country.name }),
    subjectName: country.name,
    subject: own,
    world,
    csvParams: { iso3: country.code, indicator: indicator.code, horizon }
  });
};

export const countryChart: ChartDefinition = oncePerBuild('countryChart', definition);

export const countryCharts: Record<string, ChartDefinition> = { [COUNTRY_CHART]: countryChart };
