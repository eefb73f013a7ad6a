// A SourceContext on an in-memory warehouse for tests, with the reference ids the meetings
// and stocktaking sources check against (action lines, stakeholder types).
import type { QuarantineRow, SourceContext } from '../../lib/context';
import { createWarehouse, insertQuarantine, insertRows } from '../../lib/warehouse';
import { projectRoot } from '../../lib/paths';

export const ACTION_LINE_IDS = [
  'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7',
  'C7-e-government', 'C7-e-business', 'C7-e-learning', 'C7-e-health', 'C7-e-employment',
  'C7-e-environment', 'C7-e-agriculture', 'C7-e-science',
  'C8', 'C9', 'C10', 'C11'
];
export const STAKEHOLDER_TYPE_IDS = ['government', 'private_sector', 'civil_society', 'international_organisation', 'academia', 'other'];

export async function testContext(options: { mirror?: string | null; root?: string; references?: boolean } = {}) {
  const { instance, conn } = await createWarehouse(':memory:');
  if (options.references !== false) {
    await insertRows(conn, 'action_line', ACTION_LINE_IDS.map((id, i) => ({ id, title: id, sort_order: i + 1 })));
    await insertRows(conn, 'stakeholder_type', STAKEHOLDER_TYPE_IDS.map((id) => ({ id, name: id })));
  }
  const logs: string[] = [];
  const quarantined: QuarantineRow[] = [];
  const ctx: SourceContext = {
    conn,
    mirror: options.mirror ?? null,
    root: options.root ?? projectRoot,
    cacheDir: '/nonexistent',
    log: (m) => logs.push(m),
    quarantine: async (rows) => {
      quarantined.push(...rows);
      await insertQuarantine(conn, rows);
    },
    fetch: (() => Promise.reject(new Error('network refused in tests'))) as typeof fetch,
    online: { timeoutMs: 1, retries: 0, backoffMs: 0, baseUrl: 'http://invalid' }
  };
  const query = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson();
  const close = () => {
    conn.closeSync();
    instance.closeSync();
  };
  return { ctx, conn, logs, quarantined, query, close };
}
