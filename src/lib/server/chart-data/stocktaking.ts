// "Activity against outcome": stocktaking entries next to the movement of an indicator over
// the period the entries cover, as a quadrant chart. Two views:
// - by=country (default): one point per country named by the selected entries (one action
//   line with its sub-lines, or all); movement = the country's change over the period;
// - by=action_line: one point per top-level action line; movement = the median change of
//   the countries its entries name (one indicator for all lines, so the y axis has one unit).
// The indicator: ?indicator=, else the first series linked to the line (WSIS target or MDG
// indicators), else Internet users (target indicator 10.5, MDG 8.16), said in the summary.
import { chartColumns, type ChartView } from '$lib/plot/types';
import { classifyQuadrants, median, quadrantCounts, quadrantSpec, type QuadrantInput } from '$lib/plot/quadrant';
import { plotOnce } from '../chart-store';
import { actionLine } from '../queries/action-lines';
import { seriesByEconomy } from '../queries/progress';
import { entriesByCountry, entriesByTopLine, entryPeriod, indicatorInfo, linkedSeries } from '../queries/activity-outcome';
import { chartCsvHref, oncePerBuild, type ChartDefinition } from './registry';

export const ACTIVITY_OUTCOME_CHART = 'stocktaking-activity-outcome';
/** Headline series used when the line links none with data: Internet users (WSIS 10.5, MDG 8.16). */
export const DEFAULT_INDICATOR = 'IT.NET.USER.ZS';
/** A country's value at either end of the period may come from a year this close to it. */
export const YEAR_TOLERANCE = 2;

export const CAVEAT =
  'Caveat: entries are a convenience sample (WSIS Prizes 2015 nominations and the initiatives the meeting reports name), not all activity; points show co-occurrence, not effect.';

type Series = { year: number; value: number }[];

/** The value nearest to a year (the earlier year on a tie), within YEAR_TOLERANCE; null when none. */
export function valueNear(series: Series, year: number): { year: number; value: number } | null {
  let best: { year: number; value: number } | null = null;
  for (const p of series) {
    const d = Math.abs(p.year - year);
    if (d > YEAR_TOLERANCE) continue;
    if (!best || d < Math.abs(best.year - year) || (d === Math.abs(best.year - year) && p.year < best.year)) best = p;
  }
  return best;
}

function change(series: Series | undefined, from: number, to: number) {
  if (!series) return null;
  const a = valueNear(series, from);
  const b = valueNear(series, to);
  if (!a || !b || a.year >= b.year) return null;
  return { fromYear: a.year, fromValue: a.value, toYear: b.year, toValue: b.value, movement: b.value - a.value };
}

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

const activityOutcomeChart: ChartDefinition = oncePerBuild('activityOutcomeChart', async (params): Promise<ChartView | null> => {
  const by = params.get('by') === 'action_line' ? 'action_line' : 'country';
  const lineId = params.get('action_line') || null;
  const line = lineId ? await actionLine(lineId) : null;
  if (lineId && !line) return null;
  const requested = params.get('indicator') || null;
  const linked = line ? await linkedSeries(line.id) : [];
  const indicatorCode = requested ?? linked[0]?.code ?? DEFAULT_INDICATOR;
  const indicator = await indicatorInfo(indicatorCode);
  if (!indicator) return null;
  const why = requested
    ? 'as chosen'
    : linked[0]
      ? `linked to ${line!.id} (${linked[0].via})`
      : line
        ? `${line.id} links no indicator with data here, so the headline series is shown`
        : 'the headline series (WSIS target indicator 10.5, MDG 8.16)';
  const period = await entryPeriod(by === 'country' ? (line?.id ?? null) : null);
  if (period.from === null || period.to === null || period.from >= period.to) return null;
  const { from, to } = period;
  const unit = indicator.unit.includes('%') || indicator.unit.toLowerCase().includes('per') ? ` (${indicator.unit})` : '';

  let inputs: QuadrantInput[] = [];
  let rows: ChartView['rows'] = [];
  let left: string[] = [];
  if (by === 'country') {
    const countries = await entriesByCountry(line?.id ?? null);
    const series = await seriesByEconomy(indicator.code, countries.map((c) => c.code));
    const detail = new Map<string, ReturnType<typeof change>>();
    for (const c of countries) {
      const ch = change(series.get(c.code), from, to);
      if (!ch) left.push(c.name);
      else {
        detail.set(c.code, ch);
        inputs.push({ code: c.code, label: c.name, activity: c.entries, movement: round(ch.movement) });
      }
    }
    const classified = classifyQuadrants(inputs);
    rows = classified.points.map((p) => {
      const d = detail.get(p.code)!;
      return { code: p.code, name: p.label, entries: p.activity, from_year: d.fromYear, from_value: round(d.fromValue), to_year: d.toYear, to_value: round(d.toValue), change: p.movement, quadrant: p.quadrant };
    });
    inputs = classified.points.map(({ quadrant: _q, ...p }) => p);
  } else {
    const lines = await entriesByTopLine();
    for (const l of lines) {
      const countries = await entriesByCountry(l.code);
      const series = await seriesByEconomy(indicator.code, countries.map((c) => c.code));
      const moves = countries.map((c) => change(series.get(c.code), from, to)).filter((x) => x !== null).map((x) => x!.movement);
      if (moves.length === 0) left.push(l.code);
      else inputs.push({ code: l.code, label: l.code, activity: l.entries, movement: round(median(moves)) });
      if (moves.length) rows.push({ code: l.code, name: l.name, entries: l.entries, countries_with_data: moves.length, change: round(median(moves)), quadrant: '' });
    }
    const classified = classifyQuadrants(inputs);
    for (const r of rows) r.quadrant = classified.points.find((p) => p.code === r.code)!.quadrant;
    inputs = classified.points;
  }
  const classified = classifyQuadrants(inputs);
  const what = by === 'country' ? 'countries' : 'action lines';
  const counts = quadrantCounts(classified.points).map((q) => `${q.n} ${q.quadrant}`).join('; ');
  const yLabel = by === 'country' ? `Change ${from}–${to}${unit}` : `Median change of its countries ${from}–${to}${unit}`;
  const svg = classified.points.length
    ? plotOnce('quadrant', quadrantSpec, [classified, { xLabel: 'Stocktaking entries', yLabel, caveat: CAVEAT, labelled: by === 'country' ? 8 : 11 }])
    : '';
  const scope = by === 'country' ? (line ? `entries of ${line.id}` : 'all entries') : 'each action line (C7 with its sub-lines)';
  return {
    id: ACTIVITY_OUTCOME_CHART,
    title: `Activity against outcome: ${scope}, against ${indicator.name}, ${from}–${to}`,
    summary:
      classified.points.length === 0
        ? `No ${what} have both entries and ${indicator.name} data for ${from} and ${to}.`
        : `${classified.points.length} ${what}, split at the medians (${classified.xSplit} entries; change ${round(classified.ySplit)}): ${counts}. ` +
          `Indicator: ${indicator.name}, ${why}.` +
          (left.length ? ` Left out for want of data near ${from} or ${to}: ${left.length} (${left.slice(0, 6).join(', ')}${left.length > 6 ? ', ...' : ''}).` : '') +
          ` ${CAVEAT}`,
    svg,
    columns:
      by === 'country'
        ? chartColumns(
            {
              code: 'Country code',
              name: 'Country',
              entries: 'Entries',
              from_year: 'From year',
              from_value: 'Value then',
              to_year: 'To year',
              to_value: 'Value at the end',
              change: 'Change',
              quadrant: 'Quadrant'
            },
            { entries: 0, from_value: 1, to_value: 1, change: 1 }
          )
        : chartColumns(
            {
              code: 'Action line',
              name: 'Title',
              entries: 'Entries',
              countries_with_data: 'Countries with data',
              change: 'Median change',
              quadrant: 'Quadrant'
            },
            { entries: 0, countries_with_data: 0, change: 1 }
          ),
    rows,
    csvHref: chartCsvHref(ACTIVITY_OUTCOME_CHART, { by, action_line: line?.id, indicator: requested }),
    source: `Entries: table stocktaking_entry (WSIS Prizes 2015 list, meeting reports). ${indicator.name}: World Bank WDI (ITU data), newest vintage; values within ${YEAR_TOLERANCE} years of ${from} and ${to}.`
  };
});

export const stocktakingCharts = { [ACTIVITY_OUTCOME_CHART]: activityOutcomeChart };
