// MDG pages and API: the framework (goals, targets, indicators used here, from the reference
// tables) and each MDG series judged against its target's rule for the world, every World Bank
// region and income group, the LDCs and every country. SQL here; verdicts from $lib/progress.
import { assessAgainstRule, assessTrend, goalRuleFrom, type Assessment, type GoalRule, type RuleContext, type Series } from '$lib/progress';
import { query } from '../warehouse';
import { AGGREGATE_CODES, REGION_CODES } from './targets';
import type { ActionLineMdg, EconomyKind, MdgIndicator, MdgVerdict } from '$lib/mdg-types';

export type { ActionLineMdg, EconomyKind, MdgIndicator, MdgVerdict };

export interface MdgGoal {
  goal: number;
  title: string;
  source: string;
  /** yes, partly or no; what was checked in verificationNote. */
  verified: string;
  verificationNote: string;
}

export interface MdgTarget {
  id: string;
  goal: number;
  text: string;
  baseYear: number | null;
  horizon: number | null;
  source: string;
  verified: string;
  verificationNote: string;
}

export async function mdgGoals(): Promise<MdgGoal[]> {
  return query<MdgGoal & Record<string, string | number>>('SELECT goal, title, source, verified, verification_note AS "verificationNote" FROM mdg_goal ORDER BY goal');
}

export async function mdgTargets(goal: number | null = null): Promise<MdgTarget[]> {
  return query<MdgTarget & Record<string, string | number | null>>(
    `SELECT id, goal, text, base_year AS "baseYear", horizon, source, verified, verification_note AS "verificationNote" FROM mdg_target
      WHERE $1::INTEGER IS NULL OR goal = $1::INTEGER ORDER BY goal, id`,
    [goal]
  );
}

export async function mdgIndicators(goal: number | null = null): Promise<MdgIndicator[]> {
  const rows = await query(
    `SELECT m.id, m.target, t.goal, m.name, m.wb_code AS "wbCode", m.wb_match AS "wbMatch", m.goal_rule AS "goalRule",
            m.goal_value AS "goalValue", m.goal_fraction AS "goalFraction", m.goal_reasoning AS "goalReasoning",
            m.source, m.verified, m.verification_note AS "verificationNote", i.name AS "seriesName", i.unit, coalesce(i.higher_is_better, true) AS "higherIsBetter",
            i.upper_bound AS "upperBound", t.base_year AS "baseYear", t.horizon,
            (SELECT count(*)::INTEGER FROM observation o WHERE o.indicator = m.wb_code AND o.disaggregation = '') AS observations
       FROM mdg_indicator m JOIN mdg_target t ON t.id = m.target LEFT JOIN indicator i ON i.code = m.wb_code
      WHERE $1::INTEGER IS NULL OR t.goal = $1::INTEGER
      ORDER BY t.goal, string_split(m.id, '.')[2]::INTEGER`,
    [goal]
  );
  return rows as unknown as MdgIndicator[];
}

/** The indicator's goal rule and the context it is judged in; null when its target sets no numeric goal. */
export function ruleFor(ind: MdgIndicator): { rule: GoalRule; context: RuleContext } | null {
  const rule = goalRuleFrom(ind.goalRule, ind.goalValue, ind.goalFraction, ind.upperBound ?? 100);
  if (rule === null || ind.horizon === null) return null;
  const context: RuleContext = {
    higherIsBetter: ind.higherIsBetter,
    ...(ind.upperBound != null ? { upperBound: ind.upperBound } : {}),
    baselineYear: ind.baseYear ?? 1990,
    horizon: ind.horizon
  };
  return { rule, context };
}


/** The trend settings of an indicator without a numeric goal (from its target's base year, else the method's default). */
export function trendFor(ind: MdgIndicator): { higherIsBetter: boolean; baselineYear: number | null } {
  return { higherIsBetter: ind.higherIsBetter, baselineYear: ind.baseYear };
}

/** One economy's series judged against the indicator's rule: goal from its own baseline, verdict now and at the horizon. */
export function verdictFor(
  economy: { code: string; name: string; kind: EconomyKind; region: string | null },
  series: Series,
  ruled: { rule: GoalRule; context: RuleContext } | null,
  trendOf: { higherIsBetter: boolean; baselineYear: number | null } | null = null
): MdgVerdict {
  const latest = series.at(-1) ?? null;
  const base: MdgVerdict = {
    ...economy,
    goalValue: null,
    baselineYear: null,
    baselineValue: null,
    latestYear: latest?.year ?? null,
    latestValue: latest?.value ?? null,
    status: null,
    reason: null,
    note: null,
    firstYearMet: null,
    projectedYearReached: null,
    statusAtHorizon: null,
    trend: null
  };
  if (ruled === null) {
    // No numeric goal: the trend verdict every goal-less indicator gets (its own vocabulary, never a goal status).
    if (trendOf === null || series.length === 0) return base;
    const t = assessTrend(series, { higherIsBetter: trendOf.higherIsBetter, ...(trendOf.baselineYear != null ? { baselineYear: trendOf.baselineYear } : {}) });
    return { ...base, trend: { status: t.status, reason: t.reason, cagr: t.cagr, baselineYear: t.baseline?.year ?? null, asOf: t.asOf } };
  }
  if (series.length === 0) return { ...base, status: 'insufficient_data', reason: 'no_baseline' };
  const now = assessAgainstRule(series, ruled.rule, ruled.context);
  if (now.assessment === null || now.goal === null) return { ...base, status: 'insufficient_data', reason: 'no_baseline', note: `No value within 3 years of ${ruled.context.baselineYear} to compute the goal from.` };
  const a: Assessment = now.assessment;
  const horizon = ruled.context.horizon;
  const atHorizon = latest && latest.year > horizon && series[0].year <= horizon ? assessAgainstRule(series, ruled.rule, ruled.context, { asOf: horizon }).assessment : null;
  return {
    ...base,
    goalValue: now.goal.value,
    baselineYear: a.baseline?.year ?? now.ruleBaseline?.year ?? null,
    baselineValue: a.baseline?.value ?? now.ruleBaseline?.value ?? null,
    status: a.status,
    reason: a.reason,
    note: a.note,
    firstYearMet: a.firstYearMet,
    projectedYearReached: a.projectedYearReached,
    statusAtHorizon: atHorizon?.status ?? null
  };
}

interface EconomyRow {
  code: string;
  name: string;
  region: string | null;
  isAggregate: boolean;
}

async function economies(): Promise<EconomyRow[]> {
  const ph = AGGREGATE_CODES.map((_, i) => `$${i + 1}`).join(', ');
  return query<EconomyRow & Record<string, string | boolean | null>>(
    `SELECT code, name, wb_region AS region, is_aggregate AS "isAggregate" FROM economy
      WHERE (NOT is_aggregate AND wb_region IS NOT NULL) OR code IN (${ph}) ORDER BY name`,
    [...AGGREGATE_CODES]
  );
}

/** Every served series of one indicator (of the countries only, or of every economy), keyed by economy, sorted by year. */
export async function allSeries(indicator: string, countriesOnly = false): Promise<Map<string, Series>> {
  const rows = await query<{ economy: string; year: number; value: number }>(
    `SELECT economy, year, value FROM observation WHERE indicator = $1 AND disaggregation = ''${countriesOnly ? ' AND NOT is_aggregate' : ''} ORDER BY economy, year`,
    [indicator]
  );
  const out = new Map<string, Series>();
  for (const r of rows) {
    let s = out.get(r.economy);
    if (!s) out.set(r.economy, (s = []));
    s.push({ year: r.year, value: r.value });
  }
  return out;
}

function kindOf(code: string, isAggregate: boolean): EconomyKind {
  if (!isAggregate) return 'country';
  if (code === 'WLD') return 'world';
  if (code === 'LDC') return 'ldc';
  return (REGION_CODES as readonly string[]).includes(code) ? 'region' : 'income';
}

export interface IndicatorVerdicts {
  indicator: MdgIndicator;
  /** World first, then regions, income groups and LDCs in AGGREGATE_CODES order, then countries by name. */
  verdicts: MdgVerdict[];
}

/** The indicator judged for the world, every group and every country (the World Bank's own aggregate rows for groups). */
export async function indicatorVerdicts(ind: MdgIndicator): Promise<IndicatorVerdicts> {
  const [ecos, seriesMap] = await Promise.all([economies(), allSeries(ind.wbCode)]);
  const ruled = ruleFor(ind);
  const trendOf = trendFor(ind);
  const order = new Map<string, number>(AGGREGATE_CODES.map((c, i) => [c, i]));
  const verdicts = ecos
    .map((e) => verdictFor({ code: e.code, name: e.name, kind: kindOf(e.code, e.isAggregate), region: e.isAggregate ? null : e.region }, seriesMap.get(e.code) ?? [], ruled, trendOf))
    .sort((a, b) => (order.get(a.code) ?? 99) - (order.get(b.code) ?? 99) || a.name.localeCompare(b.name));
  return { indicator: ind, verdicts };
}

/** Counts of countries per verdict (null status = no goal), in the order statuses are listed. */
export function statusCounts(verdicts: MdgVerdict[]): { status: string; countries: number }[] {
  const counts = new Map<string, number>();
  for (const v of verdicts) if (v.kind === 'country' && v.status) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
  return [...counts.entries()].map(([status, countries]) => ({ status, countries }));
}

/** The world verdict of every MDG indicator with a series (index page, action-line pages, API). */
export async function worldVerdicts(goal: number | null = null): Promise<{ indicator: MdgIndicator; world: MdgVerdict }[]> {
  const out = [];
  for (const ind of await mdgIndicators(goal)) {
    const s = await allSeriesFor(ind.wbCode, 'WLD');
    out.push({ indicator: ind, world: verdictFor({ code: 'WLD', name: 'World', kind: 'world', region: null }, s, ruleFor(ind), trendFor(ind)) });
  }
  return out;
}

async function allSeriesFor(indicator: string, economy: string): Promise<Series> {
  return query<{ year: number; value: number }>("SELECT year, value FROM observation WHERE indicator = $1 AND economy = $2 AND disaggregation = '' ORDER BY year", [indicator, economy]);
}

/** Countries (with a World Bank region) and their region name, by code. */
export async function countryRegions(): Promise<Map<string, { name: string; region: string }>> {
  const rows = await query<{ code: string; name: string; region: string }>(
    'SELECT code, name, wb_region AS region FROM economy WHERE NOT is_aggregate AND wb_region IS NOT NULL ORDER BY code'
  );
  return new Map(rows.map((r) => [r.code, { name: r.name, region: r.region }]));
}

export interface MdgActionLineLink {
  actionLine: string;
  title: string;
  goal: number;
  rationale: string;
  source: string;
}

/** Action lines linked to MDGs (link_type mdg_goal), for one goal or one action line (its sub-lines included when it is C7). */
export async function mdgActionLineLinks(filter: { goal?: number; actionLine?: string }): Promise<MdgActionLineLink[]> {
  return query<MdgActionLineLink & Record<string, string | number>>(
    `SELECT l.action_line AS "actionLine", a.title, TRY_CAST(l.link_id AS INTEGER) AS goal, l.rationale, l.source
       FROM action_line_link l JOIN action_line a ON a.id = l.action_line
      WHERE l.link_type = 'mdg_goal'
        AND ($1::INTEGER IS NULL OR TRY_CAST(l.link_id AS INTEGER) = $1::INTEGER)
        AND ($2::VARCHAR IS NULL OR l.action_line = $2::VARCHAR)
      ORDER BY a.sort_order, goal`,
    [filter.goal ?? null, filter.actionLine ?? null]
  );
}

/** The MDGs an action line is linked to, each with the world verdict of its indicators (action-line pages). */
export async function actionLineMdgs(actionLine: string): Promise<ActionLineMdg[]> {
  const links = await mdgActionLineLinks({ actionLine });
  if (links.length === 0) return [];
  const [goals, world] = await Promise.all([mdgGoals(), worldVerdicts()]);
  return links.map((l) => ({
    goal: l.goal,
    title: goals.find((g) => g.goal === l.goal)?.title ?? '',
    rationale: l.rationale,
    source: l.source,
    indicators: world.filter((w) => w.indicator.goal === l.goal && w.indicator.observations > 0)
  }));
}
