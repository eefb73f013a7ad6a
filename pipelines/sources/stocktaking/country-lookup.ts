// PROVISIONAL (until the shared harmonisation module lands): country name -> ISO3 by the
// names of the loaded economies, compared case-insensitively.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CountryLookup } from './prizes-2015';

export async function economyNameLookup(conn: DuckDBConnection): Promise<CountryLookup> {
  const result = await conn.runAndReadAll('SELECT code, name FROM economy WHERE NOT is_aggregate');
  const byName = new Map(result.getRows().map((r) => [String(r[1]).toUpperCase(), String(r[0])]));
  return (name) => byName.get(name.trim().toUpperCase()) ?? null;
}
