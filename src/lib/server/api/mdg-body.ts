// Bodies of the MDG endpoints: the framework with the world verdict (/mdgs) and one goal with the
// verdict of each indicator for the world, every group and every country (/mdgs/{goal}). Field
// names follow the warehouse columns (snake_case), as in the rest of the API.
import type { MdgIndicator, MdgVerdict } from '$lib/mdg-types';
import { indicatorVerdicts, mdgGoals, mdgIndicators, mdgTargets, worldVerdicts, type MdgGoal, type MdgTarget } from '../queries/mdgs';
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

/** The named fields of a row, keyed as the warehouse columns are (wbCode -> wb_code). */
function snakeFields<T extends object, K extends keyof T & string>(row: T, keys: readonly K[]): Record<string, T[K]> {
  return Object.fromEntries(keys.map((k) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), row[k]]));
}

const INDICATOR_FIELDS = ['id', 'target', 'name', 'wbCode', 'wbMatch', 'unit', 'higherIsBetter', 'goalRule', 'goalValue', 'goalFraction', 'goalReasoning', 'baseYear', 'horizon', 'observations', 'verified', 'verificationNote'] as const;
const VERDICT_FIELDS = ['name', 'kind', 'region', 'goalValue', 'baselineYear', 'baselineValue', 'latestYear', 'latestValue', 'status', 'reason', 'note', 'firstYearMet', 'projectedYearReached', 'statusAtHorizon'] as const;

const indicatorBody = (i: MdgIndicator) => snakeFields(i, INDICATOR_FIELDS);

function verdictBody(v: MdgVerdict) {
  return {
    economy: v.code,
    ...snakeFields(v, VERDICT_FIELDS),
    trend: v.trend
      ? { status: v.trend.status, reason: v.trend.reason, cagr: v.trend.cagr, baseline_year: v.trend.baselineYear, as_of: v.trend.asOf }
      : null
  };
}

/** What /mdgs and /mdgs/{goal} say of a goal before its targets. */
const goalFields = (g: MdgGoal) => snakeFields(g, ['goal', 'title', 'source', 'verified', 'verificationNote']);

const targetBody = (t: MdgTarget) => ({ id: t.id, text: t.text, base_year: t.baseYear, horizon: t.horizon, verified: t.verified, verification_note: t.verificationNote });

/** Every goal with its targets and indicators, and the world verdict of each indicator. */
export async function frameworkBody() {
  const [goals, targets, world] = await Promise.all([mdgGoals(), mdgTargets(), worldVerdicts()]);
  return goals.map((g) => ({
    ...goalFields(g),
    targets: targets
      .filter((t) => t.goal === g.goal)
      .map((t) => ({
        ...targetBody(t),
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
    ...goalFields(goal),
    targets: targets.map(targetBody),
    indicators: withVerdicts
  };
}
