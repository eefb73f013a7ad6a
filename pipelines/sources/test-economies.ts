// For source tests that map names and codes to ISO3: an in-memory warehouse with the real
// indicator catalog and the economies the World Bank and M49 sources load from the mirror.
import { projectRoot, sharedMirror } from '../lib/paths';
import { testContext, contextFor } from '../lib/test-context';
import type { Source } from '../lib/context';
import { worldbankCatalog, worldbankCountries } from './worldbank/sources';
import { m49 } from './m49';
import { publishNow } from '../observations';

/** A test warehouse with catalog and economies, then `sources` run in order and published. */
export async function warehouseWith(sources: Source[]) {
  const t = await testContext({ mirror: sharedMirror, root: projectRoot });
  for (const s of [worldbankCatalog, worldbankCountries, m49]) await s.run(contextFor(t.conn, { mirror: sharedMirror, root: projectRoot, source: s }).ctx);
  const reports: Record<string, Awaited<ReturnType<Source['run']>>> = {};
  const quarantined: Record<string, { file: string; row_number: number | null; reason: string; raw: string | null }[]> = {};
  for (const s of sources) {
    const c = contextFor(t.conn, { mirror: sharedMirror, root: projectRoot, source: s });
    reports[s.id] = await s.run(c.ctx);
    quarantined[s.id] = c.quarantined;
  }
  const published = await publishNow(t.conn);
  const one = async (sql: string) => (await t.conn.runAndReadAll(sql)).getRows()[0]?.[0];
  const rows = async (sql: string) => (await t.conn.runAndReadAll(sql)).getRows();
  return { ...t, reports, quarantined, published, one, rows };
}
