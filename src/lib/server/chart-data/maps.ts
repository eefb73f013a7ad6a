// World maps, each defined once by id like every chart (the page draws it; /download/chart/<id>.csv
// returns the same rows): an indicator's value per country (latest, or one year), optionally
// limited to a region's members, and the progress verdict per country for indicators with a goal.
// Countries join the map shapes by M49 code (economy.m49), never by name.
import { classBreaks, classOf, mapLegendSvg, valueClasses, type MapClass, type MapDatum, type MapShape } from '$lib/plot/map';
import { formatIndicatorValue, shortIndicatorName, unitKind } from '$lib/plot/units';
import type { ChartRow, ChartView } from '$lib/plot/types';
import { assess, STATUSES, statusLabel, type Status } from '$lib/progress';
import { renderChoropleth } from '../map-template';
import { countrySeries, countryValues, countryYears, mapCountries, vintagesOf, type MapCountry } from '../queries/maps';
import { goalFor } from '../queries/progress';
import { parseHorizon, parseYear } from '$lib/horizons';
import { indicatorByCode, regionByCode, regionMembership } from '../queries/regions';
import { ATLAS_SOURCE, countryShapes, drawnM49 } from '../maps/world-atlas';
import { chartCsvHref, type ChartDefinition } from './registry';

export const VALUE_MAP = 'indicator-map';
export const STATUS_MAP = 'status-map';

/** Verdict colours, green for met through red for regressing; a verdict added later gets a neutral colour. */
const STATUS_COLORS: Record<string, string> = {
  met: '#1b7f3b',
  on_track: '#74c476',
  too_slow: '#f2a93b',
  regressing: '#b00020',
  met_on_time: '#1b7f3b',
  met_late: '#74c476',
  not_met: '#e6550d',
  insufficient_data: '#9e9e9e'
};

/** Why a country has no shape: too small for the 1:110m map, or no M49 code to join on. */
function placement(c: MapCountry, drawn: Set<string>): 'on the map' | 'too small at this scale' | 'no M49 code' {
  if (!c.m49) return 'no M49 code';
  return drawn.has(c.m49) ? 'on the map' : 'too small at this scale';
}

function listNames(names: string[], max = 40): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more (see the table)`;
}

function renderMap(data: Map<string, MapDatum>, classes: MapClass[], legendLabel: string, focusM49: Set<string> | null, noDataLabel: string): string {
  const shapes = countryShapes() as MapShape[];
  const focus = focusM49 ? shapes.filter((s) => s.id !== undefined && focusM49.has(String(s.id))) : undefined;
  const options = { classes, legendLabel, focus, noDataLabel };
  return mapLegendSvg(options).svg + renderChoropleth(shapes, data, options);
}

/** ?year=: a year with country values, or '' / 'latest' for each country's latest value. Undefined when invalid. */
export async function parseMapYear(indicator: string, raw: string | null): Promise<number | null | undefined> {
  if (raw === null || raw === '' || raw === 'latest') return null;
  const year = parseYear(raw);
  if (year === null) return undefined;
  return (await countryYears(indicator)).includes(year) ? year : undefined;
}

// --- Value per country -----------------------------------------------------------------------

const valueMap: ChartDefinition = async (params) => {
  const indicator = await indicatorByCode(params.get('indicator'));
  if (!indicator) return null;
  const year = await parseMapYear(indicator.code, params.get('year'));
  if (year === undefined) return null;
  const regionCode = params.get('region');
  const region = regionCode ? await regionByCode(regionCode) : null;
  if (regionCode && !region) return null;
  const members = region && region.code !== 'WLD' ? new Set((await regionMembership(region.code)).members) : null;
  if (members && members.size === 0) return null;

  const [all, values] = await Promise.all([mapCountries(), countryValues(indicator.code, year)]);
  const countries = members ? all.filter((c) => members.has(c.code)) : all;
  const drawn = drawnM49();
  const unit = indicator.unit;
  const fmt = (v: number) => formatIndicatorValue(v, unit);
  const present = countries.flatMap((c) => (values.has(c.code) ? [values.get(c.code)!.value] : []));
  const breaks = classBreaks(Math.max(0, ...present), unitKind(unit) === 'percent' || indicator.upperBound === 100);
  const classes = valueClasses(breaks);

  const data = new Map<string, MapDatum>();
  const rows: ChartRow[] = countries.map((c) => {
    const v = values.get(c.code);
    const cls = v ? classes[classOf(v.value, breaks)] : null;
    if (c.m49) data.set(c.m49, { classKey: cls?.key ?? null, title: v ? `${c.name}: ${fmt(v.value)} (${v.year})` : `${c.name}: no data` });
    return { country: c.name, code: c.code, m49: c.m49, value: v?.value ?? null, year: v?.year ?? null, class: cls?.label ?? 'no data', map: placement(c, drawn) };
  });
  if (members) for (const c of all) if (!members.has(c.code) && c.m49) data.set(c.m49, { classKey: null, title: `${c.name}: not a member`, inSelection: false });

  const name = shortIndicatorName(indicator.name);
  const withData = rows.filter((r) => r.value !== null);
  const without = rows.filter((r) => r.value === null).map((r) => String(r.country));
  const hidden = withData.filter((r) => r.map !== 'on the map').map((r) => String(r.country));
  const sorted = [...withData].sort((a, b) => (b.value as number) - (a.value as number));
  const years = withData.map((r) => r.year as number);
  const when = year !== null ? `in ${year}` : years.length ? `latest value, ${Math.min(...years)}–${Math.max(...years)}` : 'latest value';
  const where = region ? (region.code === 'WLD' ? 'countries' : `members of ${region.name}`) : 'countries';
  let summary = withData.length
    ? `${withData.length} of ${rows.length} ${where} have a value (${when}): highest ${sorted[0].country} (${fmt(sorted[0].value as number)}), lowest ${sorted.at(-1)!.country} (${fmt(sorted.at(-1)!.value as number)}).`
    : `None of the ${rows.length} ${where} has a value ${year !== null ? `in ${year}` : ''}.`;
  if (without.length) summary += ` ${without.length} without data are drawn in grey.`;
  if (hidden.length) summary += ` ${hidden.length} with data are too small to draw at this scale or have no M49 code: they are in the table.`;

  const notes: string[] = [];
  if (without.length) notes.push(`No data: ${listNames(without)}.`);
  if (hidden.length) notes.push(`Not drawn at this scale (values in the table): ${listNames(hidden)}.`);

  const id = `${VALUE_MAP}-${indicator.code.replace(/\W+/g, '-')}${region ? `-${region.code}` : ''}`;
  const vintages = await vintagesOf(indicator.code, withData.map((r) => String(r.code)), year);
  return {
    id,
    title: `${name}${region && region.code !== 'WLD' ? `, members of ${region.name}` : ' by country'}, ${year !== null ? year : 'latest value'}`,
    summary,
    notes,
    svg: renderMap(data, classes, unit, members ? new Set(countries.flatMap((c) => (c.m49 ? [c.m49] : []))) : null, 'no data'),
    columns: [
      { key: 'country', label: 'Country' },
      { key: 'code', label: 'Code' },
      { key: 'value', label: unit, kind: 'number', digits: unitKind(unit) === 'number' ? 0 : 1 },
      { key: 'year', label: 'Year' },
      { key: 'class', label: 'Map class' },
      { key: 'map', label: 'On the map' }
    ],
    rows,
    csvHref: chartCsvHref(VALUE_MAP, { indicator: indicator.code, year, region: region?.code }),
    source: `World Bank WDI ${indicator.code} (ITU data): ${vintages}; shapes: ${ATLAS_SOURCE}, joined by M49 code`
  } satisfies ChartView;
};

// --- Verdict per country ---------------------------------------------------------------------

const statusMap: ChartDefinition = async (params) => {
  const indicator = await indicatorByCode(params.get('indicator'));
  const horizon = parseHorizon(params.get('horizon'));
  if (!indicator?.goal || horizon === null) return null;
  const goal = goalFor(indicator.goal, horizon);
  const [countries, seriesMap] = await Promise.all([mapCountries(), countrySeries(indicator.code)]);
  const drawn = drawnM49();
  const fmt = (v: number | null) => formatIndicatorValue(v, indicator.unit);
  const classes: MapClass[] = STATUSES.map((s) => ({ key: s, label: statusLabel(s).label, color: STATUS_COLORS[s] ?? '#6a6a9e' }));

  const data = new Map<string, MapDatum>();
  const rows: ChartRow[] = countries.map((c) => {
    const s = seriesMap.get(c.code) ?? [];
    const a = s.length ? assess(s, goal) : null;
    const label = a ? statusLabel(a.status as Status).label : 'no data';
    if (c.m49) data.set(c.m49, { classKey: a?.status ?? null, title: `${c.name}: ${label}${a?.latest ? ` (${fmt(a.latest.value)} in ${a.latest.year})` : ''}` });
    return {
      country: c.name,
      code: c.code,
      status: label,
      latest: a?.latest?.value ?? null,
      latest_year: a?.latest?.year ?? null,
      baseline_year: a?.baseline?.year ?? null,
      projected_year: a?.projectedYearReached ?? null,
      map: placement(c, drawn)
    };
  });

  const counts = classes.map((k) => ({ label: k.label, n: rows.filter((r) => r.status === k.label).length })).filter((k) => k.n > 0);
  // The legend names the verdicts this map shows (before or after the horizon, never both).
  const shown = classes.filter((k) => counts.some((c) => c.label === k.label));
  const without = rows.filter((r) => r.status === 'no data').map((r) => String(r.country));
  const hidden = rows.filter((r) => r.status !== 'no data' && r.map !== 'on the map').map((r) => String(r.country));
  const name = shortIndicatorName(indicator.name);
  let summary = `Against the goal of ${fmt(goal.value)} by ${horizon}: ${counts.map((k) => `${k.n} ${k.label.toLowerCase()}`).join(', ')}, of ${rows.length} countries.`;
  if (without.length) summary += ` ${without.length} without data are drawn in light grey.`;
  if (hidden.length) summary += ` ${hidden.length} assessed countries are too small to draw at this scale or have no M49 code: they are in the table.`;
  const notes: string[] = [];
  if (without.length) notes.push(`No data: ${listNames(without)}.`);
  if (hidden.length) notes.push(`Not drawn at this scale (verdicts in the table): ${listNames(hidden)}.`);
  const vintages = await vintagesOf(indicator.code, rows.filter((r) => r.status !== 'no data').map((r) => String(r.code)), null);

  return {
    id: `${STATUS_MAP}-${indicator.code.replace(/\W+/g, '-')}`,
    title: `${name}: progress verdict per country, goal ${fmt(goal.value)} by ${horizon}`,
    summary,
    notes,
    svg: renderMap(data, shown, `Verdict for ${horizon}`, null, 'no data'),
    columns: [
      { key: 'country', label: 'Country' },
      { key: 'code', label: 'Code' },
      { key: 'status', label: `Verdict (${horizon})` },
      { key: 'latest', label: `Latest (${indicator.unit})`, kind: 'number', digits: unitKind(indicator.unit) === 'number' ? 0 : 1 },
      { key: 'latest_year', label: 'Latest year' },
      { key: 'baseline_year', label: 'Baseline year' },
      { key: 'projected_year', label: 'Goal reached (projected)' },
      { key: 'map', label: 'On the map' }
    ],
    rows,
    csvHref: chartCsvHref(STATUS_MAP, { indicator: indicator.code, horizon }),
    source: `World Bank WDI ${indicator.code} (ITU data): ${vintages}; verdicts: this monitor's method (see Methodology); shapes: ${ATLAS_SOURCE}, joined by M49 code`
  } satisfies ChartView;
};

export const valueMapChart: ChartDefinition = valueMap;
export const statusMapChart: ChartDefinition = statusMap;

export const mapCharts: Record<string, ChartDefinition> = { [VALUE_MAP]: valueMapChart, [STATUS_MAP]: statusMapChart };
