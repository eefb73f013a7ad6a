// Values derived from the published warehouse, computed once per build and shared by every
// request (the warehouse never changes under a build). The third cache beside the query cache
// (warehouse.ts) and the page cache (page-cache.ts), bounded the same way: by an estimate of
// the bytes it holds (`WSIS_MEMO_CACHE_MB`, default 64), least recently used out, shown on
// /healthz. Each caller states what one value costs; concurrent callers share one computation
// (single flight); a failed computation is not kept; a value too large for the budget is
// computed again by the next request.
import { budgetFromEnv, ByteBudgetLru, estimateBytes } from './byte-budget';
import { warehouseVersion } from './warehouse';

export const MEMO_CACHE_BYTES = budgetFromEnv('WSIS_MEMO_CACHE_MB', 64);

const values = new ByteBudgetLru<unknown>(MEMO_CACHE_BYTES);
const inFlight = new Map<string, Promise<unknown>>();
let version = '';

/** What the memo holds now (for /healthz and the tests). */
export function memoStats(): { entries: number; bytes: number; budget: number } {
  return { entries: values.size, bytes: values.bytes, budget: values.maxBytes };
}

/**
 * The value `compute` gives for (kind, key) in the build being served. `bytesOf` estimates the
 * heap a value holds (default: a walk of the plain value, fine for small ones; large
 * structures should pass a cheaper count).
 */
export async function perBuild<T>(kind: string, key: string, compute: () => Promise<T>, bytesOf: (value: T) => number = estimateBytes): Promise<T> {
  const current = warehouseVersion();
  if (current !== version) {
    values.clear();
    inFlight.clear();
    version = current;
  }
  const id = `${kind}\u0000${key}`;
  const hit = values.get(id);
  if (hit !== undefined) return hit as T;
  const pending = inFlight.get(id);
  if (pending) return pending as Promise<T>;
  const run = compute();
  inFlight.set(id, run);
  try {
    const value = await run;
    if (version === current && value !== undefined) values.set(id, value, bytesOf(value));
    return value;
  } finally {
    if (inFlight.get(id) === run) inFlight.delete(id);
  }
}
