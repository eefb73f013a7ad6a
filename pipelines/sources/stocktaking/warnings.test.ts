import { describe, expect, it } from 'vitest';
import { STALE_AFTER_YEARS, stocktakingWarnings, WARNING_RULES } from './warnings';
import type { StocktakingEntry } from './template';

const entry = (id: string, over: Partial<StocktakingEntry>): StocktakingEntry => ({
  id,
  title: 'T',
  lead_organisation: 'O',
  stakeholder_type: 'other',
  stakeholder_type_rule: null,
  countries: 'KEN',
  wsis_targets: null,
  mdg_links: null,
  status: 'ongoing',
  start_year: null,
  reported_year: 2024,
  source: 's',
  conversion_note: null,
  ...over
});

describe('stocktakingWarnings', () => {
  it('applies each named rule, with the years in the message', () => {
    const entries = [
      entry('A', { status: 'planned', start_year: 2006, reported_year: 2006, countries: null }),
      entry('B', { status: 'planned', start_year: 2026 }),
      entry('C', { reported_year: 2026 - STALE_AFTER_YEARS }),
      entry('D', { reported_year: null }),
      entry('E', {})
    ];
    const bridge = ['A', 'B', 'C', 'D'].map((e) => ({ entry: e, action_line: 'C1' }));
    const w = stocktakingWarnings(entries, bridge, 2026);
    expect(w.map((x) => [x.entry, x.rule, x.message])).toEqual([
      ['A', WARNING_RULES.PLANNED_START_PASSED, 'planned to start in 2006; still "planned" in 2026'],
      ['A', WARNING_RULES.NOT_UPDATED, 'last reported in 2006, 20 years before 2026'],
      ['A', WARNING_RULES.NO_COUNTRY, 'no country stated'],
      ['D', WARNING_RULES.NOT_UPDATED, 'never dated: no year reported'],
      ['E', WARNING_RULES.NO_ACTION_LINE, 'registered against no action line']
    ]);
    expect(new Set(w.map((x) => x.as_of_year))).toEqual(new Set([2026]));
  });
});
