// Publisher aggregates (ITU regions, SDG regions, income groups of another publisher) are
// economies too: declared here as economy rows with is_aggregate = true, so their values pass
// the known-economy check and are never mixed with countries. Codes are `<PUBLISHER>_<CODE>`
// (e.g. ITU_AFR, M49_419), so they can never collide with an ISO3 code or a World Bank
// aggregate (three characters). Declare them before staging their values.
import type { DuckDBConnection } from '@duckdb/node-api';
import { insertRows } from '../lib/warehouse';

export interface PublisherAggregate {
  /** `<PUBLISHER>_<CODE>`, upper case: ITU_AFR, ITU_LDC, M49_001. */
  code: string;
  /** Name as the publisher writes it. */
  name: string;
  /** Citation. */
  source: string;
  /** UN M49 code when the aggregate is an M49 area. */
  m49?: string | null;
}

const CODE = /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/;

/** Insert the aggregates not yet in the economy table; an existing code must already be an aggregate. Returns how many were new. */
export async function declareAggregates(conn: DuckDBConnection, aggregates: PublisherAggregate[]): Promise<number> {
  for (const a of aggregates) {
    if (!CODE.test(a.code)) throw new Error(`aggregate code "${a.code}" (${a.name}) is not <PUBLISHER>_<CODE> in upper case, e.g. ITU_AFR`);
  }
  const existing = new Map(
    (await conn.runAndReadAll('SELECT code, is_aggregate FROM economy')).getRows().map((r) => [String(r[0]), r[1] === true])
  );
  const fresh = new Map<string, PublisherAggregate>();
  for (const a of aggregates) {
    if (existing.get(a.code) === false) throw new Error(`aggregate code ${a.code} is already a country in the economy table`);
    if (!existing.has(a.code)) fresh.set(a.code, a);
  }
  await insertRows(
    conn,
    'economy',
    [...fresh.values()].map((a) => ({ code: a.code, name: a.name, is_aggregate: true, m49: a.m49 ?? null, source: a.source }))
  );
  return fresh.size;
}
