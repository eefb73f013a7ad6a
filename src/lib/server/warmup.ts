// The warm-up: when the server starts, and when it notices a newly published build, it computes
// in the background what first visits would otherwise compute (per-build values, series
// statuses, aggregates, charts, route modules), so a first visit only assembles its page. It
// runs one item (one page's data) at a time and yields to the event loop between items
// (setImmediate), so requests interleave with it and never wait for it: a page asked for
// before its item ran computes what it needs itself, as without a warm-up, and keeps it in the
// same per-build stores. It fills the per-build stores only, never the page cache. A new build
// stops the running warm-up and starts one for the new build. `WSIS_WARMUP=0` turns it off.
import { collectWarmupGarbage } from './idle-gc';
import { warehouseVersion } from './warehouse';

export interface WarmupItem {
  /** What the item computes, e.g. "/countries/KEN" (for the log and the tests). */
  name: string;
  run: () => Promise<unknown>;
  /**
   * Items that follow from this one's result (the filter values its page offers, which only its
   * data names), queued after every item listed so far: variants come after all plain pages.
   */
  more?: (result: unknown) => WarmupItem[];
}

export interface WarmupState {
  /** The build warmed (or being warmed); '' before the first warm-up. */
  build: string;
  running: boolean;
  done: number;
  total: number;
  /** Items whose computation failed (the page will answer its own error when visited). */
  failed: number;
  /** Wall time of the finished warm-up, null while it runs. */
  ms: number | null;
  /** Longest single item: how long a request may wait behind the warm-up. */
  longestItemMs: number;
}

const idle = (): WarmupState => ({ build: '', running: false, done: 0, total: 0, failed: 0, ms: null, longestItemMs: 0 });
let state: WarmupState = idle();
/** Each warm-up has a generation; an older one stops at its next item. */
let generation = 0;
let finished: Promise<void> = Promise.resolve();

export function warmupState(): WarmupState {
  return { ...state };
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

function currentBuild(): string | null {
  try {
    return warehouseVersion();
  } catch {
    return null;
  }
}

/**
 * Warm `items` for the build being served now; resolves when done or superseded. The list is
 * a function so that listing the pages (index queries) is part of the background work too.
 */
export function runWarmup(list: () => Promise<WarmupItem[]>): Promise<void> {
  const build = currentBuild();
  const mine = ++generation;
  state = { ...idle(), build: build ?? '', running: build !== null };
  if (build === null) return (finished = Promise.resolve());
  const superseded = () => mine !== generation || currentBuild() !== build;
  finished = (async () => {
    const started = performance.now();
    await yieldToRequests();
    let items: WarmupItem[];
    try {
      items = [...(await list())];
    } catch (err) {
      if (mine === generation) state = { ...state, running: false, ms: performance.now() - started, failed: 1 };
      console.error(`warm-up: cannot list the pages: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (mine === generation) state = { ...state, total: items.length };
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (superseded()) {
        // A new build: this one's warm-up ends unfinished (ms stays null); the watcher starts the next.
        if (mine === generation) state = { ...state, running: false };
        return;
      }
      const t0 = performance.now();
      let ok = true;
      try {
        const result = await item.run();
        if (item.more) items.push(...item.more(result));
      } catch (err) {
        ok = false;
        if (process.env.WSIS_WARMUP_LOG) console.error(`warm-up: ${item.name}: ${err instanceof Error ? err.message : JSON.stringify(err)}`);
      }
      const took = performance.now() - t0;
      if (mine !== generation) return;
      state = { ...state, total: items.length, done: state.done + 1, failed: state.failed + (ok ? 0 : 1), longestItemMs: Math.max(state.longestItemMs, took) };
      await yieldToRequests();
    }
    // The warm-up's own garbage (hundreds of MB of query results and drawings) is collected
    // now, once, while no visitor waits, instead of in pieces during the first visits.
    if (mine === generation) collectWarmupGarbage();
    if (mine === generation) state = { ...state, running: false, ms: performance.now() - started };
  })();
  return finished;
}

/** The running (or last) warm-up, for tests. */
export function warmupFinished(): Promise<void> {
  return finished;
}

let watching: ReturnType<typeof setInterval> | null = null;

/**
 * Warm the build being served now, then check every `everyMs` for a new one and warm it.
 * Call outside any request (the server's init): the work must not run in a visitor's context
 * (their language would become the warm-up's).
 */
export function keepWarm(list: () => Promise<WarmupItem[]>, everyMs = 5000): void {
  if (process.env.WSIS_WARMUP === '0' || watching) return;
  void runWarmup(list);
  watching = setInterval(() => {
    const build = currentBuild();
    if (build !== null && build !== state.build) void runWarmup(list);
  }, everyMs);
  watching.unref();
  // adapter-node's graceful shutdown: stop at the next item, or the pending work keeps the process alive.
  process.once('sveltekit:shutdown' as 'exit', () => stopWarmup());
}

/** For tests: stop watching and forget the state. */
export function stopWarmup(): void {
  if (watching) clearInterval(watching);
  watching = null;
  generation++;
  state = idle();
}
