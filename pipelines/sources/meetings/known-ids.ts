// Ids already loaded by other sources (action lines, stakeholder types, economies), used to
// check references. Null when the table is empty (e.g. a test that loads one source alone):
// then the caller falls back to its own list or skips the check, and says so.
import type { DuckDBConnection } from '@duckdb/node-api';

export async function knownIds(conn: DuckDBConnection, table: string, column = 'id', where = ''): Promise<Set<string> | null> {
  const result = await conn.runAndReadAll(`SELECT "${column}" FROM "${table}" ${where ? `WHERE ${where}` : ''}`);
  const ids = result.getRows().map((r) => String(r[0]));
  return ids.length > 0 ? new Set(ids) : null;
}
