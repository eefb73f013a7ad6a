// A least-recently-used map bounded by an estimate of the bytes it holds, not by entry count:
// every entry costs its key, a fixed overhead and the size its owner reports, so a flood of
// distinct keys with empty values (an unknown code in thousands of URLs) still fills the
// budget and gets evicted. Values larger than an eighth of the budget are not kept at all.
export const ENTRY_OVERHEAD_BYTES = 200;

interface Entry<V> {
  value: V;
  bytes: number;
}

export class ByteBudgetLru<V> {
  private entries = new Map<string, Entry<V>>();
  private total = 0;

  constructor(
    readonly maxBytes: number,
    readonly maxEntryBytes = Math.floor(maxBytes / 8)
  ) {}

  /** The cost of one entry: its key (UTF-16 in memory), the value's own size, the map's overhead. */
  static cost(key: string, valueBytes: number): number {
    return key.length * 2 + valueBytes + ENTRY_OVERHEAD_BYTES;
  }

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit); // most recently used last
    return hit.value;
  }

  /** Keep a value; false when it is too large to keep. Evicts the least recently used past the budget. */
  set(key: string, value: V, valueBytes: number): boolean {
    this.delete(key);
    const bytes = ByteBudgetLru.cost(key, valueBytes);
    if (bytes > this.maxEntryBytes) return false;
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [k, e] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(k);
      this.total -= e.bytes;
    }
    return true;
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.total -= old.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }
}

/**
 * A rough, deliberately generous estimate of the heap a plain value takes: numbers 16 bytes,
 * strings 24 + their length, objects and arrays 32 + their members. Good enough to bound a
 * cache; not an exact measure.
 */
export function estimateBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 8;
  if (typeof value === 'number' || typeof value === 'bigint') return 16;
  if (typeof value === 'string') return 24 + value.length * 2;
  if (Array.isArray(value)) {
    let n = 32 + value.length * 8;
    for (const v of value) n += estimateBytes(v);
    return n;
  }
  if (typeof value === 'object') {
    let n = 32;
    for (const v of Object.values(value as Record<string, unknown>)) n += 8 + estimateBytes(v);
    return n;
  }
  return 16;
}

/** A budget in bytes from an environment variable in megabytes (WSIS_QUERY_CACHE_MB, ...), or the default. */
export function budgetFromEnv(name: string, defaultMb: number): number {
  const raw = process.env[name];
  const mb = raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw) : defaultMb;
  return mb * 1024 * 1024;
}
