// Values derived from the published warehouse, computed once per build and shared by every
// request (the warehouse never changes under a build). Bounded per kind, least recently used
// out first; a failed computation is not kept.
import { warehouseVersion } from './warehouse';

interface Memo {
  version: string;
  entries: Map<string, Promise<unknown>>;
}

const memos = new Map<string, Memo>();

export function perBuild<T>(kind: string, key: string, compute: () => Promise<T>, maxEntries = 48): Promise<T> {
  const version = warehouseVersion();
  let memo = memos.get(kind);
  if (!memo || memo.version !== version) memos.set(kind, (memo = { version, entries: new Map() }));
  const entries = memo.entries;
  const hit = entries.get(key) as Promise<T> | undefined;
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  const pending = compute();
  entries.set(key, pending);
  pending.catch(() => entries.get(key) === pending && entries.delete(key));
  for (const k of entries.keys()) {
    if (entries.size <= maxEntries) break;
    entries.delete(k);
  }
  return pending;
}
