// Bodies of the MDG endpoints: the framework with the world verdict (/mdgs) and one goal with the
// verdict of each indicator for the world, every group and every country (/mdgs/{goal}). Field
// names follow the warehouse columns (snake_case), as in the rest of the API.
import type { MdgIndicator, MdgVerdict } from '$lib/mdg-types';
import { indicatorVerdicts, mdgGoals, mdgIndicators, mdgTargets, worldVerdicts } from '../queries/mdgs';
import { badRequest, notFound } from './errors';

/** The path segment: a whole number (else 400), then a goal 1-8 (else 404). */
export function parseGoal(raw: string): number {
  if (!/^\d{1,3}$/.test(raw)) throw badRequest(`Goal must be a whole number from 1 to 8, got "${raw.slice(0, 32)}".`);
  return Number(raw);
}

export async function requireGoal(n: number) {
  const goal = (await mdgGoals()).find((g) => g.goal === n);
  if (!goal) throw notFound(`No MDG ${n}. The Millennium Development Goals are numbered 1 to 8; see /api/v1/mdgs.`);
  return goal;
}

function indicatorBody(i: MdgIndicator) {
  return {
    id: i.id,
    target: i.target,
    name: i.name,
    wb_code: i.wbCode,
    wb_match: i.wbMatch,
    unit: i.unit,
    higher_is_better: i.higherIsBetter,
    goal_rule: i.goalRule,
    goal_value: i.goalValue,
    goal_fraction: i.goalFraction,
    goal_reasoning: i.goalReasoning,
    base_year: i.baseYear,
    horizon: i.horizon,
    observations: i.observations,
    verified: i.verified
  };
}

function verdictBody(v: MdgVerdict) {
  return {
    economy: v.code,
    name: v.name,
    kind: v.kind,
    region: v.region,
    goal_value: v.goalValue,
    baseline_year: v.baselineYear,
    baseline_value: v.baselineValue,
    latest_year: v.latestYear,
    latest_value: v.latestValue,
    status: v.status,
    reason: v.reason,
    note: v.note,
    first_year_met: v.firstYearMet,
    projected_year_reached: v.projectedYearReached,
    status_at_horizon: v.statusAtHorizon,
    trend: v.trend
      ? { status: v.trend.status, reason: v.trend.reason, cagr: v.trend.cagr, baseline_year: v.trend.baselineYear, as_of: v.trend.asOf }
      : null
  };
}

/** Every goal with its targets and indicators, and the world verdict of each indicator. */
export async function frameworkBody() {
  const [goals, targets, world] = await Promise.all([mdgGoals(), mdgTargets(), worldVerdicts()]);
  return goals.map((g) => ({
    goal: g.goal,
    title: g.title,
    source: g.source,
    verified: g.verified,
    targets: targets
      .filter((t) => t.goal === g.goal)
      .map((t) => ({
        id: t.id,
        text: t.text,
        base_year: t.baseYear,
        horizon: t.horizon,
        verified: t.verified,
        indicators: world.filter((w) => w.indicator.target === t.id).map((w) => ({ ...indicatorBody(w.indicator), world: verdictBody(w.world) }))
      }))
  }));
}

/** One goal: its indicators, each with the verdicts of the economies asked for (all when none). */
export async function goalBody(n: number, economies: string[] | null) {
  const goal = await requireGoal(n);
  const [targets, indicators] = await Promise.all([mdgTargets(n), mdgIndicators(n)]);
  const keep = economies ? new Set(economies) : null;
  const withVerdicts = await Promise.all(
    indicators.map(async (i) => {
      const { verdicts } = await indicatorVerdicts(i);
      return { ...indicatorBody(i), verdicts: verdicts.filter((v) => !keep || keep.has(v.code)).map(verdictBody) };
    })
  );
  return {
    goal: goal.goal,
    title: goal.title,
    source: goal.source,
    verified: goal.verified,
    targets: targets.map((t) => ({ id: t.id, text: t.text, base_year: t.baseYear, horizon: t.horizon, verified: t.verified })),
    indicators: withVerdicts
  };
}
