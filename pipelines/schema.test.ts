// The schema as a contract: row types derived from the table specs, the list encoding.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { splitList, joinList, tableSpec, type RowOf } from './schema';

describe('schema', () => {
  it('derives row types from the specs: key columns non-null, others nullable', () => {
    expectTypeOf<RowOf<'event'>['id']>().toEqualTypeOf<string>();
    expectTypeOf<RowOf<'event'>['participants']>().toEqualTypeOf<number | null>();
    expectTypeOf<RowOf<'observation'>['disaggregation']>().toEqualTypeOf<string>();
    expectTypeOf<RowOf<'observation'>['value']>().toEqualTypeOf<number | null>();
    expect(tableSpec('observation').primaryKey).toEqual(['indicator', 'economy', 'year', 'disaggregation']);
  });

  it('encodes lists with ";" and reads them back trimmed, without empties', () => {
    expect(splitList(' C1; C7-e-government ;;')).toEqual(['C1', 'C7-e-government']);
    expect(splitList(null)).toEqual([]);
    expect(joinList(['KEN', 'UGA'])).toBe('KEN;UGA');
  });
});
