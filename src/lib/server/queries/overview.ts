// Overview page: the scorecard of the 10 WSIS targets and MDG 8.F on the world series, what
// changed since the last review, and stocktaking and participation at a glance.
import { assess, changesSinceReview, type Assessment, type CatalogEntry, type ChangesSinceReview, type Goal, type Series, type VerdictFacts } from '$lib/progress';
import { verdictCells, type VerdictCellData } from '$lib/verdict-cell';
import type { ChangedVerdict } from '$lib/review-table';
import { perBuild } from '../build-memo';
import { getLocale } from '$lib/i18n/locale';
import { query } from '../warehouse';
import type { RowOf } from '../../../../pipelines/schema';
import { seriesByEconomy, worldMembers } from './progress';
import { catalogEntry, economyNames, goalOf, REGION_CODES, targetIndicators, targets, type TargetIndicator } from './targets';
import { m } from '$lib/paraglide/messages.js';

const facts = (a: Assessment): VerdictFacts => ({
  status: a.status,
  horizon: a.horizon,
  asOf: a.asOf,
  firstYearMet: a.firstYearMet,
  projectedYearReached: a.projectedYearReached
});

export interface ScorecardIndicator {
  id: string;
  name: string;
  seriesCode: string;
  unit: string;
  goalValue: number | null;
  latest: { year: number; value: number } | null;
  /** Series from 2000, for the sparkline. */
  trend: Series;
  /** The goal verdict for the horizon as of the latest data (for "Goal reached"); null without a goal. */
  assessment: Assessment | null;
  /** The verdict as of the horizon year (data up to then): what a "by 2015" column shows; a trend verdict without a goal. */
  byHorizon: VerdictCellData | null;
  /** The verdict for the horizon as of the latest data; a trend verdict without a goal; null for a series not judged. */
  now: VerdictCellData | null;
}

export interface ScorecardTarget {
  key: string;
  label: string;
  title: string;
  href: string | null;
  /** Indicators of the target (or of MDG 8.F) that have a loaded series. */
  indicators: ScorecardIndicator[];
  /** How many indicators the framework lists for the target. */
  indicatorsListed: number;
}

/** The catalog decides the verdict (verdictFor): goal -> goal verdict, direction only -> trend verdict. */
function scorecardIndicator(id: string, name: string, seriesCode: string, unit: string, entry: CatalogEntry, horizon: number, series: Series): ScorecardIndicator {
  const goal: Goal | null =
    entry.goalValue != null && entry.higherIsBetter != null
      ? { value: entry.goalValue, higherIsBetter: entry.higherIsBetter, horizon, ...(entry.upperBound != null ? { upperBound: entry.upperBound } : {}) }
      : null;
  return {
    id,
    name,
    seriesCode,
    unit,
    goalValue: entry.goalValue,
    latest: series.at(-1) ?? null,
    trend: series.filter((p) => p.year >= 2000),
    assessment: goal && series.length ? assess(series, goal) : null,
    ...verdictCells(series, entry, horizon)
  };
}

/** The scorecard for a horizon, once per build, horizon and language (its labels are messages). Callers must not change it. */
export function scorecard(horizon: number): Promise<ScorecardTarget[]> {
  return perBuild('scorecard', `${horizon}\u0000${getLocale()}`, () => computeScorecard(horizon));
}

async function computeScorecard(horizon: number): Promise<ScorecardTarget[]> {
  const [ts, inds, mdg] = await Promise.all([
    targets(),
    targetIndicators(),
    query<{ id: string; name: string; seriesCode: string | null; goalValue: number | null; unit: string | null; direction: boolean | null; upperBound: number | null }>(
      `SELECT m.id, m.name, m.wb_code AS "seriesCode", m.goal_value AS "goalValue", i.unit,
              i.higher_is_better AS "direction", i.upper_bound AS "upperBound"
         FROM mdg_indicator m LEFT JOIN indicator i ON i.code = m.wb_code WHERE m.target = '8.F' ORDER BY m.id`
    )
  ]);
  const codes = [...new Set([...inds.map((i) => i.seriesCode), ...mdg.map((m) => m.seriesCode)].filter((c): c is string => !!c))];
  const world = new Map<string, Series>();
  for (const code of codes) world.set(code, (await seriesByEconomy(code, ['WLD'])).get('WLD') ?? []);
  const withData = (i: TargetIndicator) => i.seriesCode !== null && (world.get(i.seriesCode)?.length ?? 0) > 0;
  const rows: ScorecardTarget[] = ts.map((t) => {
    const listed = inds.filter((i) => i.target === t.target);
    return {
      key: String(t.target),
      label: m.target_label({ n: t.target }),
      title: t.shortTitle,
      href: `/targets/${t.target}`,
      indicatorsListed: listed.length,
      indicators: listed
        .filter(withData)
        .map((i) => scorecardIndicator(i.id, i.name, i.seriesCode!, i.seriesUnit ?? i.unit, catalogEntry(i), horizon, world.get(i.seriesCode!)!))
    };
  });
  rows.push({
    key: 'mdg-8f',
    label: m.mdg_8f_label(),
    title: 'Make available the benefits of new technologies, especially ICTs',
    href: null,
    indicatorsListed: mdg.length,
    indicators: mdg
      .filter((m) => m.seriesCode && (world.get(m.seriesCode)?.length ?? 0) > 0)
      .map((m) => scorecardIndicator(m.id, m.name, m.seriesCode!, m.unit ?? '', catalogEntry(m), horizon, world.get(m.seriesCode!)!))
  });
  return rows;
}

export interface ReviewRow extends ChangedVerdict {
  changed: boolean;
  beforeLatest: { year: number; value: number } | null;
  afterLatest: { year: number; value: number } | null;
}

export interface ReviewSummary {
  reviewYear: number;
  latestYear: number;
  firstYear: number;
  rows: ReviewRow[];
  changedCount: number;
  /** The same comparison for every country (not only the world and regions): only the changed verdicts, and counts per change. */
  countries: { assessed: number; changed: ReviewRow[]; transitions: { from: string; to: string; count: number }[] };
}

/** The series a review compares: every goal indicator for the world and the 7 World Bank regions (once per build and horizon). */
function reviewItems(horizon: number) {
  return perBuild('review-items', String(horizon), () => computeReviewItems(horizon));
}

async function computeReviewItems(horizon: number) {
  const inds = (await targetIndicators()).filter((i) => i.seriesCode && i.goalValue != null && i.observations > 0);
  const economies = ['WLD', ...REGION_CODES];
  const names = await economyNames(economies);
  const items: { id: string; series: Series; goal: Goal; indicator: TargetIndicator; economy: string }[] = [];
  for (const ind of inds) {
    const map = await seriesByEconomy(ind.seriesCode!, economies);
    for (const e of economies) {
      const s = map.get(e) ?? [];
      if (s.length) items.push({ id: `${ind.seriesCode}|${e}`, series: s, goal: goalOf(ind, horizon)!, indicator: ind, economy: e });
    }
  }
  return { items, names };
}

/** Years a review can be set to: from the first year with data to the year before the latest (once per build and horizon). */
export function reviewYears(horizon: number): Promise<{ first: number; latest: number }> {
  return perBuild('review-years', String(horizon), () => computeReviewYears(horizon));
}

async function computeReviewYears(horizon: number): Promise<{ first: number; latest: number }> {
  const { items } = await reviewItems(horizon);
  const years = items.flatMap((i) => i.series.map((p) => p.year));
  return { first: Math.max(2003, Math.min(...years)), latest: Math.max(...years) };
}

/**
 * The world and regional verdicts as of the review year against the latest, and the countries'
 * changed ones: once per build, horizon and review year (every assessment runs twice; about 1 ms
 * of each overview render before it was kept).
 */
export function changesSince(reviewYear: number, horizon: number): Promise<ReviewSummary> {
  return perBuild('changes-since', `${reviewYear}\u0000${horizon}`, () => computeChangesSince(reviewYear, horizon));
}

async function computeChangesSince(reviewYear: number, horizon: number): Promise<ReviewSummary> {
  const { items, names } = await reviewItems(horizon);
  const years = items.flatMap((i) => i.series.map((p) => p.year));
  const result: ChangesSinceReview = changesSinceReview(
    items.map(({ id, series, goal }) => ({ id, series, goal })),
    reviewYear
  );
  const byId = new Map(items.map((i) => [i.id, i]));
  const rows = result.rows.map((r) => {
    const item = byId.get(r.id)!;
    return {
      indicator: item.indicator.seriesCode!,
      indicatorName: item.indicator.seriesName ?? item.indicator.name,
      economy: item.economy,
      economyName: names.get(item.economy) ?? item.economy,
      from: r.from,
      to: r.to,
      changed: r.changed,
      before: facts(r.before),
      after: facts(r.after),
      beforeLatest: r.before.latest,
      afterLatest: r.after.latest
    };
  });
  return {
    reviewYear,
    latestYear: result.latestYear,
    firstYear: Math.max(2003, Math.min(...years)),
    rows,
    changedCount: rows.filter((r) => r.changed).length,
    countries: await countryChanges(reviewYear, result.latestYear, horizon)
  };
}

/** Every country's verdict on every goal indicator as of the review year and as of the latest year; the changed ones (once per build and years). */
function countryChanges(reviewYear: number, latestYear: number, horizon: number): Promise<ReviewSummary['countries']> {
  return perBuild('country-changes', `${reviewYear}\u0000${latestYear}\u0000${horizon}`, () => computeCountryChanges(reviewYear, latestYear, horizon));
}

async function computeCountryChanges(reviewYear: number, latestYear: number, horizon: number): Promise<ReviewSummary['countries']> {
  const inds = (await targetIndicators()).filter((i) => i.seriesCode && i.goalValue != null && i.observations > 0);
  const members = await worldMembers();
  const names = await economyNames(members);
  const changed: ReviewRow[] = [];
  let assessed = 0;
  for (const ind of inds) {
    const map = await seriesByEconomy(ind.seriesCode!, members);
    const items = members.filter((e) => (map.get(e)?.length ?? 0) > 0).map((e) => ({ id: e, series: map.get(e)!, goal: goalOf(ind, horizon)! }));
    assessed += items.length;
    for (const r of changesSinceReview(items, reviewYear, { latestYear }).changed) {
      changed.push({
        indicator: ind.seriesCode!,
        indicatorName: ind.seriesName ?? ind.name,
        economy: r.id,
        economyName: names.get(r.id) ?? r.id,
        from: r.from,
        to: r.to,
        changed: true,
        before: facts(r.before),
        after: facts(r.after),
        beforeLatest: r.before.latest,
        afterLatest: r.after.latest
      });
    }
  }
  const counts = new Map<string, { from: string; to: string; count: number }>();
  for (const r of changed) {
    const c = counts.get(`${r.from}|${r.to}`) ?? { from: r.from, to: r.to, count: 0 };
    c.count++;
    counts.set(`${r.from}|${r.to}`, c);
  }
  const transitions = [...counts.values()];
  transitions.sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  changed.sort((a, b) => a.indicator.localeCompare(b.indicator) || a.economyName.localeCompare(b.economyName));
  return { assessed, changed, transitions };
}

export interface StocktakingByLine {
  id: string;
  title: string;
  entries: number;
}

export async function stocktakingByActionLine(): Promise<StocktakingByLine[]> {
  return query<StocktakingByLine & Record<string, string | number>>(
    `SELECT a.id, a.title, count(s.entry)::INTEGER AS entries
       FROM action_line a LEFT JOIN stocktaking_action_line s ON s.action_line = a.id
      GROUP BY a.id, a.title, a.sort_order ORDER BY a.sort_order`
  );
}

export interface StocktakingTotal extends RowOf<'stocktaking_total'> {
  notes: string[];
}

export async function stocktakingTotals(): Promise<{ totals: StocktakingTotal[]; entriesInWarehouse: number }> {
  const [rows, flags, count] = await Promise.all([
    query<Omit<StocktakingTotal, 'notes'> & Record<string, string | number | null>>(
      'SELECT id, year, entries, qualifier, quote, source FROM stocktaking_total ORDER BY year NULLS LAST, id'
    ),
    query<{ subject_id: string; message: string }>("SELECT subject_id, message FROM data_quality_flag WHERE subject_table = 'stocktaking_total' ORDER BY id"),
    query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM stocktaking_entry')
  ]);
  return {
    totals: rows.map((r) => ({ ...r, notes: flags.filter((f) => f.subject_id === r.id).map((f) => f.message) })),
    entriesInWarehouse: count[0]?.n ?? 0
  };
}

export interface ParticipationRow {
  measure: string;
  stakeholderType: string;
  stakeholderName: string | null;
  venue: string;
  count: number;
  note: string | null;
}

export interface Participation2008 {
  event: { id: string; title: string; source: string } | null;
  rows: ParticipationRow[];
  flags: { severity: string; message: string }[];
}

export const PARTICIPATION_EVENT = '2008-05-cluster';

export async function participation2008(): Promise<Participation2008> {
  const [events, rows, flags] = await Promise.all([
    query<{ id: string; title: string; source: string }>('SELECT id, title, source FROM event WHERE id = $1', [PARTICIPATION_EVENT]),
    query<ParticipationRow & Record<string, string | number | null>>(
      `SELECT p.measure, p.stakeholder_type AS "stakeholderType", s.name AS "stakeholderName", p.venue, p.count, p.note
         FROM participation p LEFT JOIN stakeholder_type s ON s.id = p.stakeholder_type
        WHERE p.event = $1 ORDER BY p.measure, p.venue, p.count DESC`,
      [PARTICIPATION_EVENT]
    ),
    query<{ severity: string; message: string }>(
      "SELECT severity, message FROM data_quality_flag WHERE subject_table = 'participation' AND starts_with(subject_id, $1) ORDER BY id",
      [PARTICIPATION_EVENT]
    )
  ]);
  return { event: events[0] ?? null, rows, flags };
}
