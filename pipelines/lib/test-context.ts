// A SourceContext for source tests: on an in-memory warehouse (testContext) or on a
// connection the test made (contextFor), with the network refused, logs and quarantined
// rows collected, and quarantine rows stamped with the source under test.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { QuarantineRow, Source, SourceContext } from './context';
import { createWarehouse, insertRows } from './warehouse';
import { createSourceContext } from './source-context';

/** The action-line and stakeholder-type ids the reference source loads (for sources tested alone). */
export const ACTION_LINE_IDS = [
  'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7',
  'C7-e-government', 'C7-e-business', 'C7-e-learning', 'C7-e-health', 'C7-e-employment',
  'C7-e-environment', 'C7-e-agriculture', 'C7-e-science',
  'C8', 'C9', 'C10', 'C11'
];
export const STAKEHOLDER_TYPE_IDS = ['government', 'private_sector', 'civil_society', 'international_organisation', 'academia', 'other', 'not_stated'];

export interface TestContextOptions {
  mirror?: string | null;
  root?: string;
  cacheDir?: string;
  /** The source under test: its id stamps quarantine rows, its settings are readable. */
  source?: Pick<Source, 'id' | 'settings'>;
  fetch?: typeof fetch;
  online?: Partial<SourceContext['online']>;
  env?: Record<string, string | undefined>;
  /** Collect quarantined rows here (default: a new list, returned). */
  quarantined?: QuarantineRow[];
}

const refuseNetwork = (() => Promise.reject(new Error('network refused in tests'))) as unknown as typeof fetch;

/** A context on the test's own connection. */
export function contextFor(conn: DuckDBConnection, options: TestContextOptions = {}) {
  const logs: string[] = [];
  const quarantined = options.quarantined ?? [];
  const { ctx, enter } = createSourceContext({
    conn,
    mirror: options.mirror ?? null,
    root: options.root,
    cacheDir: options.cacheDir ?? '/nonexistent',
    log: (m) => logs.push(m),
    fetch: options.fetch ?? refuseNetwork,
    online: { timeoutMs: 1, retries: 0, backoffMs: 0, baseUrl: 'http://invalid', ...options.online },
    env: options.env,
    onQuarantine: (rows) => quarantined.push(...rows)
  });
  enter(options.source ?? { id: 'test' });
  return { ctx, logs, quarantined };
}

/** A context on a fresh in-memory warehouse, with the reference ids loaded unless references is false. */
export async function testContext(options: TestContextOptions & { references?: boolean } = {}) {
  const { instance, conn } = await createWarehouse(':memory:');
  if (options.references !== false) {
    await insertRows(conn, 'action_line', ACTION_LINE_IDS.map((id, i) => ({ id, title: id, sort_order: i + 1 })));
    await insertRows(conn, 'stakeholder_type', STAKEHOLDER_TYPE_IDS.map((id) => ({ id, name: id })));
  }
  const { ctx, logs, quarantined } = contextFor(conn, options);
  const query = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson();
  const close = () => {
    conn.closeSync();
    instance.closeSync();
  };
  return { ctx, conn, logs, quarantined, query, close };
}
