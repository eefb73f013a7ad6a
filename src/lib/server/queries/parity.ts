// Parity goals on a target page: where an indicator's observations are split by sex (or by
// urban/rural), the parity index per economy (women / men, rural / urban) and its verdict against
// the parity band (assessParity). Split observations carry disaggregation 'sex=female' etc.
// ('' is the total); where none is loaded yet, the view says so instead of guessing.
import { assessParity, parityIndex, type Series } from '$lib/progress';
import { goalCell, type GoalCell } from '$lib/verdict-cell';
import { query } from '../warehouse';
import { m } from '$lib/paraglide/messages.js';

/** The splits and their two groups, in the schema's disaggregation encoding ('sex=female', 'location=rural'; pipelines/schema.ts). */
export const PARITY_SPLITS = [
  { id: 'sex', label: 'women / men', numerator: 'sex=female', denominator: 'sex=male' },
  { id: 'location', label: 'rural / urban', numerator: 'location=rural', denominator: 'location=urban' }
] as const;
export type ParitySplitId = (typeof PARITY_SPLITS)[number]['id'];

export interface ParityRow {
  indicator: string;
  split: ParitySplitId;
  economy: string;
  economyName: string;
  year: number;
  numerator: number;
  denominator: number;
  index: number;
  side: 'below' | 'within' | 'above' | null;
  verdict: GoalCell;
}

export interface ParityView {
  /** False when the warehouse holds no split observations for these indicators; `why` says what is missing. */
  available: boolean;
  why: string | null;
  rows: ParityRow[];
}

async function hasDisaggregation(): Promise<boolean> {
  const rows = await query<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM information_schema.columns WHERE table_name = 'observation' AND column_name = 'disaggregation'"
  );
  return (rows[0]?.n ?? 0) > 0;
}

/** Parity rows for the indicators given (by code), every economy with both groups in at least one year. */
export async function parityFor(indicators: string[], horizon: number): Promise<ParityView> {
  if (indicators.length === 0) return { available: false, why: 'No indicator of this target is a share of people.', rows: [] };
  if (!(await hasDisaggregation())) {
    return { available: false, why: 'The warehouse holds totals only: no observation is split by sex or by urban/rural yet.', rows: [] };
  }
  const ph = indicators.map((_, i) => `$${i + 1}`).join(', ');
  const labels = PARITY_SPLITS.flatMap((p) => [p.numerator, p.denominator]);
  const lph = labels.map((_, i) => `$${indicators.length + i + 1}`).join(', ');
  const raw = await query<{ indicator: string; economy: string; name: string; year: number; disaggregation: string; value: number }>(
    `SELECT o.indicator, o.economy, e.name, o.year, o.disaggregation, o.value
       FROM observation o JOIN economy e ON e.code = o.economy
      WHERE o.indicator IN (${ph}) AND o.disaggregation IN (${lph})
      ORDER BY o.indicator, e.name, o.year`,
    [...indicators, ...labels]
  );
  const rows: ParityRow[] = [];
  for (const split of PARITY_SPLITS) {
    const groups = new Map<string, { indicator: string; economy: string; name: string; num: Series; den: Series }>();
    for (const r of raw) {
      const num = r.disaggregation === split.numerator;
      if (!num && r.disaggregation !== split.denominator) continue;
      const key = `${r.indicator}|${r.economy}`;
      const g = groups.get(key) ?? { indicator: r.indicator, economy: r.economy, name: r.name, num: [], den: [] };
      (num ? g.num : g.den).push({ year: r.year, value: r.value });
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const index = parityIndex(g.num, g.den);
      const last = index.at(-1);
      if (!last) continue;
      const a = assessParity(index, { horizon });
      rows.push({
        indicator: g.indicator,
        split: split.id,
        economy: g.economy,
        economyName: g.name,
        year: last.year,
        numerator: g.num.find((p) => p.year === last.year)!.value,
        denominator: g.den.find((p) => p.year === last.year)!.value,
        index: last.value,
        side: a.side,
        verdict: goalCell(a)
      });
    }
  }
  if (rows.length === 0) {
    return { available: false, why: m.parity_no_series(), rows };
  }
  return { available: true, why: null, rows };
}
