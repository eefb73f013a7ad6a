import { warehouseVersion, queryOne, queryCacheStats } from '$lib/server/warehouse';
import { pageCache } from '$lib/server/page-cache';

// Liveness plus the build being served (used by the browser tests to wait for the server),
// and what the caches hold against their budgets (the hostile-input suite watches these).
export async function GET() {
  const build = await queryOne('SELECT run_id, built_at FROM build_info LIMIT 1');
  const { heapUsed, rss } = process.memoryUsage();
  return Response.json({
    ok: true,
    warehouse: warehouseVersion(),
    build,
    memory: { heapUsed, rss },
    cache: { queries: queryCacheStats(), pages: { entries: pageCache.size, bytes: pageCache.bytes, budget: pageCache.budget } }
  });
}
