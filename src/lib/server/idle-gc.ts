// Young-generation collections ("scavenges") take about 5 ms each on this server's heap,
// whatever the young generation's size (bench/README.md, "What a first visit still costs"),
// and one falls inside roughly every tenth page answer, making it that much slower. So after
// an answer, when the young generation is more than half full, the server collects it at
// once, between requests, instead of inside a later one: the collector still runs as often,
// but while nobody waits (as browsers collect in idle time). WSIS_IDLE_GC=0 turns it off.
import v8 from 'node:v8';
import vm from 'node:vm';

type Collect = (options?: { type: 'minor' | 'major'; execution?: 'sync' | 'async' }) => void;

let collect: Collect | null | undefined;
let scheduled = false;

/** V8's gc(), exposed at run time (no node flag needed); null where that is refused. */
export function collector(): Collect | null {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as Collect;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/** Share of the young generation in use, 0..1. */
export function youngFill(): number {
  const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!young) return 0;
  const capacity = young.space_used_size + young.space_available_size;
  return capacity > 0 ? young.space_used_size / capacity : 0;
}

/** After the current answer is written: a minor collection if the young generation is over `threshold` full. */
export function collectWhenIdle(threshold = 0.5, heap = { fill: youngFill, collect: collector }): void {
  if (scheduled || process.env.WSIS_IDLE_GC === '0') return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    if (heap.fill() < threshold) return;
    heap.collect()?.({ type: 'minor' });
  });
}

/**
 * A full collection now (the warm-up's garbage, once it is done), compacting every page: the
 * warm-up leaves the old generation half empty (1.18 GB committed for 643 MB live on the mirror),
 * V8's own heuristics compact only the emptiest pages, and every young-generation collection
 * walks the old generation's page list (perf: most of a scavenge's own time), so the pages kept
 * cost each of them. Compacted: 690 MB committed, RSS 1.63 -> 1.13 GB, a scavenge during first
 * visits 6.0 -> 4.9 ms (median of 132). The flag is set for this one collection only.
 * WSIS_IDLE_GC=0 skips it too.
 */
export function collectWarmupGarbage(heap = { collect: collector, compactAll: compactEveryPage }): void {
  if (process.env.WSIS_IDLE_GC === '0') return;
  const collect = heap.collect();
  if (!collect) return;
  heap.compactAll(true);
  try {
    collect(); // no options: Node 20's V8 treats { type: 'major' } as a minor collection
  } finally {
    heap.compactAll(false);
  }
}

/** V8's --compact-on-every-full-gc, on or off (read at the start of each full collection). */
function compactEveryPage(on: boolean): void {
  v8.setFlagsFromString(on ? '--compact-on-every-full-gc' : '--no-compact-on-every-full-gc');
}
