import { warehouseVersion, queryOne } from '$lib/server/warehouse';

// Liveness plus the build being served (used by the browser tests to wait for the server).
export async function GET() {
  const build = await queryOne('SELECT run_id, built_at FROM build_info LIMIT 1');
  return Response.json({ ok: true, warehouse: warehouseVersion(), build });
}
