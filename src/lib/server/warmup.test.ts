import { afterEach, describe, expect, it } from 'vitest';
import { useFakeBuilds } from './fake-builds.test-helper';
import { runWarmup, stopWarmup, warmupState, type WarmupItem } from './warmup';

const { publish } = useFakeBuilds('warmup-');
afterEach(() => stopWarmup());

const items = (n: number, log: string[], during?: (i: number) => void): WarmupItem[] =>
  Array.from({ length: n }, (_, i) => ({
    name: `/page/${i}`,
    run: async () => {
      log.push(`item ${i}`);
      // What a request arriving now would do: it runs as soon as the warm-up yields.
      setImmediate(() => log.push(`request ${i}`));
      during?.(i);
    }
  }));

describe('warm-up', () => {
  it('runs every item of the build and reports done, total and its time', async () => {
    const log: string[] = [];
    const run = runWarmup(async () => items(4, log));
    expect(warmupState()).toMatchObject({ running: true, done: 0 });
    await run;
    const s = warmupState();
    expect(s).toMatchObject({ running: false, done: 4, total: 4, failed: 0 });
    expect(s.ms).not.toBeNull();
    expect(s.build).not.toBe('');
  });

  it('yields to requests between items (setImmediate), so none waits for the whole warm-up', async () => {
    const log: string[] = [];
    await runWarmup(async () => items(3, log));
    expect(log).toEqual(['item 0', 'request 0', 'item 1', 'request 1', 'item 2', 'request 2']);
  });

  it("queues the items an item's result names after every item listed so far, and counts them in total", async () => {
    const order: string[] = [];
    const item = (name: string, more?: (r: unknown) => WarmupItem[]): WarmupItem => ({ name, run: async () => (order.push(name), `${name} data`), more });
    const list = [item('/a', (r) => [item(`/a?of=${String(r)}`)]), item('/b', () => [item('/b?x'), item('/b?y')]), item('/c')];
    await runWarmup(async () => list);
    expect(order).toEqual(['/a', '/b', '/c', '/a?of=/a data', '/b?x', '/b?y']);
    expect(warmupState()).toMatchObject({ done: 6, total: 6, failed: 0, running: false });
  });

  it('counts an item that fails and goes on', async () => {
    const log: string[] = [];
    const list = [...items(1, log), { name: '/broken', run: async () => Promise.reject(new Error('no such page')) }, ...items(1, log)];
    await runWarmup(async () => list);
    expect(warmupState()).toMatchObject({ done: 3, total: 3, failed: 1, running: false });
  });

  it('stops when a new build is published; the next warm-up is for the new build', async () => {
    const log: string[] = [];
    const first = warmupState().build;
    await runWarmup(async () => items(5, log, (i) => i === 1 && publish()));
    // Items 0 and 1 ran, then the build changed under it: the old warm-up stopped unfinished.
    expect(log.filter((l) => l.startsWith('item'))).toEqual(['item 0', 'item 1']);
    expect(warmupState()).toMatchObject({ done: 2, total: 5, ms: null, running: false });
    await runWarmup(async () => items(2, []));
    const s = warmupState();
    expect(s).toMatchObject({ done: 2, total: 2, running: false });
    expect(s.build).not.toBe(first);
  });

  it('a newer warm-up supersedes a running one', async () => {
    const slow: string[] = [];
    const old = runWarmup(async () => items(50, slow));
    const fresh = runWarmup(async () => items(2, []));
    await Promise.all([old, fresh]);
    expect(slow.filter((l) => l.startsWith('item')).length).toBeLessThan(50);
    expect(warmupState()).toMatchObject({ done: 2, total: 2, running: false });
  });
});
