// Opening and creating warehouse files. The pipeline always builds a new file and
// publishes it by rename (see publish.ts), so readers never see half a load.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { TABLES, createTableSql } from '../schema';
import type { QuarantineRow } from './context';

export async function createWarehouse(path: string): Promise<{ instance: DuckDBInstance; conn: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  // Views read tables, so every table exists first.
  for (const spec of [...TABLES.filter((t) => !t.view), ...TABLES.filter((t) => t.view)]) await conn.run(createTableSql(spec));
  return { instance, conn };
}

/** Insert rows given as plain objects into a table, binding every value as a parameter. */
export async function insertRows(conn: DuckDBConnection, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const spec = TABLES.find((t) => t.name === table);
  if (!spec) throw new Error(`unknown table: ${table}`);
  const cols = spec.columns.map((c) => c.name);
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!cols.includes(key)) throw new Error(`table ${table} has no column ${key}`);
    }
  }
  const placeholders = cols.map((_, i) => `$${i + 1}`).join(', ');
  const stmt = await conn.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${placeholders})`);
  try {
    for (const row of rows) {
      stmt.clearBindings();
      cols.forEach((c, i) => bindValue(stmt, i + 1, row[c]));
      await stmt.run();
    }
  } finally {
    stmt.destroySync();
  }
}

function bindValue(stmt: Awaited<ReturnType<DuckDBConnection['prepare']>>, index: number, value: unknown) {
  if (value === null || value === undefined) stmt.bindNull(index);
  else if (typeof value === 'boolean') stmt.bindBoolean(index, value);
  else if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 2 ** 31) stmt.bindInteger(index, value);
    else stmt.bindDouble(index, value);
  } else if (typeof value === 'bigint') stmt.bindBigInt(index, value);
  else stmt.bindVarchar(index, String(value));
}

export async function insertQuarantine(conn: DuckDBConnection, rows: QuarantineRow[]): Promise<void> {
  await insertRows(
    conn,
    'quarantine',
    rows.map((r) => ({ ...r, raw: r.raw == null ? null : r.raw.slice(0, 500) }))
  );
}
