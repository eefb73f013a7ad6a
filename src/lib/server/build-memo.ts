// Values derived from the published warehouse, computed once per build and shared by every
// request (the warehouse never changes under a build). The third cache beside the query cache
// (warehouse.ts) and the page cache (page-cache.ts), bounded the same way: by an estimate of
// the bytes it holds (`WSIS_MEMO_CACHE_MB`, default 256: the warm-up of the mirror's build
// keeps 209 MB with its pages and their filter variants in three languages; at 64 it evicted a quarter of its own values before the first visits), least
// recently used out, shown on /healthz. Each caller states what one value costs; concurrent
// callers share one computation (single flight); a failed computation is not kept; a value too
// large for the budget is computed again by the next request.
import { budgetFromEnv, ByteBudgetLru, estimateBytes } from './byte-budget';
import { warehouseVersion } from './warehouse';

export const MEMO_CACHE_BYTES = budgetFromEnv('WSIS_MEMO_CACHE_MB', 256);

/** A per-build memo: its values, bounded by bytes, emptied when another build is served. */
export class BuildMemo {
  private readonly values: ByteBudgetLru<unknown>;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private version = '';

  constructor(budgetBytes: number) {
    this.values = new ByteBudgetLru<unknown>(budgetBytes);
  }

  /** For tests: forget every value. */
  clear(): void {
    this.values.clear();
    this.inFlight.clear();
  }

  /** What the memo holds now (for /healthz and the tests). */
  stats(): { entries: number; bytes: number; budget: number } {
    return { entries: this.values.size, bytes: this.values.bytes, budget: this.values.maxBytes };
  }

  /**
   * The value `compute` gives for (kind, key) in the build being served. `bytesOf` estimates the
   * heap a value holds (default: a walk of the plain value, fine for small ones; large
   * structures should pass a cheaper count).
   */
  async get<T>(kind: string, key: string, compute: () => Promise<T>, bytesOf: (value: T) => number = estimateBytes): Promise<T> {
    const current = warehouseVersion();
    if (current !== this.version) {
      this.values.clear();
      this.inFlight.clear();
      this.version = current;
    }
    const id = `${kind}\u0000${key}`;
    const hit = this.values.get(id);
    if (hit !== undefined) return hit as T;
    const pending = this.inFlight.get(id);
    if (pending) return pending as Promise<T>;
    const run = compute();
    this.inFlight.set(id, run);
    try {
      const value = await run;
      if (this.version === current && value !== undefined) this.values.set(id, value, bytesOf(value));
      return value;
    } finally {
      if (this.inFlight.get(id) === run) this.inFlight.delete(id);
    }
  }
}

const shared = new BuildMemo(MEMO_CACHE_BYTES);

/** What the memo holds now (for /healthz and the tests). */
export function memoStats(): { entries: number; bytes: number; budget: number } {
  return shared.stats();
}

/**
 * The value `compute` gives for (kind, key) in the build being served. `bytesOf` estimates the
 * heap a value holds (default: a walk of the plain value, fine for small ones; large
 * structures should pass a cheaper count).
 */
export function perBuild<T>(kind: string, key: string, compute: () => Promise<T>, bytesOf: (value: T) => number = estimateBytes): Promise<T> {
  return shared.get(kind, key, compute, bytesOf);
}
