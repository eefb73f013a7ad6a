import { warehouseVersion, queryOne, queryCacheStats, WarehouseMissing } from '$lib/server/warehouse';
import { pageCache } from '$lib/server/page-cache';
import { memoStats } from '$lib/server/build-memo';
import { chartStoreStats } from '$lib/server/chart-store';
import { chartViews } from '$lib/server/chart-data/registry';
import { fragments } from '$lib/server/page-splice';
import { warmupState } from '$lib/server/warmup';

// Liveness plus the build being served (used by the browser tests to wait for the server),
// what the caches hold against their budgets (the hostile-input suite watches these), and how
// far the warm-up of the build has come (`warm`: done of total items, ms once finished).
export async function GET() {
  const { heapUsed, rss } = process.memoryUsage();
  const cache = { queries: queryCacheStats(), memo: memoStats(), charts: chartStoreStats(), chartViews: chartViews.stats(), fragments: fragments.stats(), pages: { entries: pageCache.size, bytes: pageCache.bytes, budget: pageCache.budget } };
  try {
    const build = await queryOne('SELECT run_id, built_at FROM build_info LIMIT 1');
    return Response.json({ ok: true, warehouse: warehouseVersion(), build, memory: { heapUsed, rss }, cache, warm: warmupState() });
  } catch (err) {
    if (!(err instanceof WarehouseMissing)) throw err;
    return Response.json({ ok: false, detail: err.message, memory: { heapUsed, rss }, cache }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
}
