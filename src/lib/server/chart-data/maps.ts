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
import { m } from '$lib/paraglide/messages.js';
import { chartCsvHref, oncePerBuild, type ChartDefinition } from './registry';

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

/** Whether a country is drawn: on the map, too small for the 1:110m map, or no M49 code to join on. */
function placed(c: MapCountry, drawn: Set<string>): boolean {
  return c.m49 !== null && drawn.has(c.m49);
}

/** The table's words for placed() (in the request's language). */
function placement(c: MapCountry, drawn: Set<string>): string {
  if (!c.m49) return m.cd_map_no_m49();
  return drawn.has(c.m49) ? m.cd_map_on_map() : m.cd_map_too_small();
}

function listNames(names: string[], max = 40): string {
  return names.length <= max ? names.join(', ') : m.cd_map_list_more({ names: names.slice(0, max).join(', '), more: names.length - max });
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
    if (c.m49) data.set(c.m49, { classKey: cls?.key ?? null, title: v ? `${c.name}: ${fmt(v.value)} (${v.year})` : m.cd_map_tip_no_data({ name: c.name }) });
    return { country: c.name, code: c.code, m49: c.m49, value: v?.value ?? null, year: v?.year ?? null, class: cls?.label ?? m.cd_no_data(), map: placement(c, drawn) };
  });
  if (members) for (const c of all) if (!members.has(c.code) && c.m49) data.set(c.m49, { classKey: null, title: m.cd_map_tip_not_member({ name: c.name }), inSelection: false });
  const onMap = new Set(countries.filter((c) => placed(c, drawn)).map((c) => c.code));

  const name = shortIndicatorName(indicator.name);
  const withData = rows.filter((r) => r.value !== null);
  const without = rows.filter((r) => r.value === null).map((r) => String(r.country));
  const hidden = withData.filter((r) => !onMap.has(String(r.code))).map((r) => String(r.country));
  const sorted = [...withData].sort((a, b) => (b.value as number) - (a.value as number));
  const years = withData.map((r) => r.year as number);
  const when = year !== null ? m.cd_map_in_year({ year }) : years.length ? m.cd_map_latest_span({ from: Math.min(...years), to: Math.max(...years) }) : m.cd_map_latest();
  const where = region && region.code !== 'WLD' ? m.cd_map_members_of({ region: region.name }) : m.cd_map_countries();
  let summary: string = withData.length
    ? m.cd_map_value_summary({ count: withData.length, total: rows.length, where, when, highest: String(sorted[0].country), high: fmt(sorted[0].value as number), lowest: String(sorted.at(-1)!.country), low: fmt(sorted.at(-1)!.value as number) })
    : year !== null
      ? m.cd_map_value_none_year({ total: rows.length, where, year })
      : m.cd_map_value_none({ total: rows.length, where });
  if (without.length) summary += m.cd_map_grey({ count: without.length });
  if (hidden.length) summary += m.cd_map_hidden_values({ count: hidden.length });

  const notes: string[] = [];
  if (without.length) notes.push(m.cd_map_note_no_data({ names: listNames(without) }));
  if (hidden.length) notes.push(m.cd_map_note_hidden_values({ names: listNames(hidden) }));

  const id = `${VALUE_MAP}-${indicator.code.replace(/\W+/g, '-')}${region ? `-${region.code}` : ''}`;
  const vintages = await vintagesOf(indicator.code, withData.map((r) => String(r.code)), year);
  return {
    id,
    title:
      region && region.code !== 'WLD'
        ? m.cd_map_title_members({ indicator: name, region: region.name, when: year !== null ? String(year) : m.cd_map_latest() })
        : m.cd_map_title({ indicator: name, when: year !== null ? String(year) : m.cd_map_latest() }),
    summary,
    notes,
    svg: renderMap(data, classes, unit, members ? new Set(countries.flatMap((c) => (c.m49 ? [c.m49] : []))) : null, m.cd_no_data()),
    columns: [
      { key: 'country', label: m.col_country() },
      { key: 'code', label: m.col_code() },
      { key: 'value', label: unit, kind: 'number', digits: unitKind(unit) === 'number' ? 0 : 1 },
      { key: 'year', label: m.col_year() },
      { key: 'class', label: m.cd_col_map_class() },
      { key: 'map', label: m.cd_col_on_map() }
    ],
    rows,
    csvHref: chartCsvHref(VALUE_MAP, { indicator: indicator.code, year, region: region?.code }),
    source: m.cd_map_source({ code: indicator.code, vintages, atlas: ATLAS_SOURCE })
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
  const noData = m.cd_no_data();
  const rows: ChartRow[] = countries.map((c) => {
    const s = seriesMap.get(c.code) ?? [];
    const a = s.length ? assess(s, goal) : null;
    const label = a ? statusLabel(a.status as Status).label : noData;
    if (c.m49) data.set(c.m49, { classKey: a?.status ?? null, title: a?.latest ? m.cd_map_tip_verdict({ name: c.name, verdict: label, value: fmt(a.latest.value), year: a.latest.year }) : `${c.name}: ${label}` });
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
  const onMap = new Set(countries.filter((c) => placed(c, drawn)).map((c) => c.code));
  const without = rows.filter((r) => r.status === noData).map((r) => String(r.country));
  const hidden = rows.filter((r) => r.status !== noData && !onMap.has(String(r.code))).map((r) => String(r.country));
  const name = shortIndicatorName(indicator.name);
  let summary: string = m.cd_status_map_summary({ goal: fmt(goal.value), horizon, counts: counts.map((k) => `${k.n} ${k.label.toLowerCase()}`).join(', '), total: rows.length });
  if (without.length) summary += m.cd_map_light_grey({ count: without.length });
  if (hidden.length) summary += m.cd_map_hidden_verdicts({ count: hidden.length });
  const notes: string[] = [];
  if (without.length) notes.push(m.cd_map_note_no_data({ names: listNames(without) }));
  if (hidden.length) notes.push(m.cd_map_note_hidden_verdicts({ names: listNames(hidden) }));
  const vintages = await vintagesOf(indicator.code, rows.filter((r) => r.status !== noData).map((r) => String(r.code)), null);

  return {
    id: `${STATUS_MAP}-${indicator.code.replace(/\W+/g, '-')}`,
    title: m.cd_status_map_title({ indicator: name, goal: fmt(goal.value), horizon }),
    summary,
    notes,
    svg: renderMap(data, shown, m.cd_status_map_legend({ horizon }), null, noData),
    columns: [
      { key: 'country', label: m.col_country() },
      { key: 'code', label: m.col_code() },
      { key: 'status', label: m.cd_col_verdict({ horizon }) },
      { key: 'latest', label: m.cd_col_latest_unit({ unit: indicator.unit }), kind: 'number', digits: unitKind(indicator.unit) === 'number' ? 0 : 1 },
      { key: 'latest_year', label: m.cd_col_latest_year() },
      { key: 'baseline_year', label: m.cd_col_baseline_year() },
      { key: 'projected_year', label: m.cd_col_goal_reached_projected() },
      { key: 'map', label: m.cd_col_on_map() }
    ],
    rows,
    csvHref: chartCsvHref(STATUS_MAP, { indicator: indicator.code, horizon }),
    source: m.cd_status_map_source({ code: indicator.code, vintages, atlas: ATLAS_SOURCE })
  } satisfies ChartView;
};

export const valueMapChart: ChartDefinition = oncePerBuild('valueMapChart', valueMap);
export const statusMapChart: ChartDefinition = oncePerBuild('statusMapChart', statusMap);

export const mapCharts: Record<string, ChartDefinition> = { [VALUE_MAP]: valueMapChart, [STATUS_MAP]: statusMapChart };
