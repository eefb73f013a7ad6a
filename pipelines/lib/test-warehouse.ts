// An in-memory warehouse for one describe block of a test: opened (and set up) before its
// tests, closed after them; q() reads rows as plain objects.
import { afterAll, beforeAll } from 'vitest';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { createWarehouse } from './warehouse';

export interface TestWarehouse {
  /** The open connection (from beforeAll until afterAll). */
  readonly conn: DuckDBConnection;
  q(sql: string): ReturnType<typeof readRows>;
}

const readRows = async (conn: DuckDBConnection, sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();

/** Register the hooks of the describe block it is called in; `setup` runs once the warehouse is open. */
export function useTestWarehouse(setup: (conn: DuckDBConnection) => Promise<void> = async () => {}): TestWarehouse {
  let opened: { instance: DuckDBInstance; conn: DuckDBConnection } | undefined;
  beforeAll(async () => {
    opened = await createWarehouse(':memory:');
    await setup(opened.conn);
  });
  afterAll(() => {
    opened?.conn.closeSync();
    opened?.instance.closeSync();
  });
  const w: TestWarehouse = {
    get conn() {
      if (!opened) throw new Error('the test warehouse opens in beforeAll');
      return opened.conn;
    },
    q: (sql) => readRows(w.conn, sql)
  };
  return w;
}
