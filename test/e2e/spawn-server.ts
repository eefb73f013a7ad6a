// Start another copy of the built server (node build) on a free port with its own settings:
// the hostile-input suite needs servers on a missing or damaged warehouse and one with small
// cache budgets, beside the one Playwright starts for every test.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';

export interface Spawned {
  base: string;
  child: ChildProcess;
  stop: () => Promise<void>;
  log: () => string;
}

export async function spawnServer(env: Record<string, string>): Promise<Spawned> {
  const port = execFileSync(process.execPath, ['scripts/free-port.js'], { encoding: 'utf8' }).trim();
  const child = spawn(process.execPath, ['build'], {
    // Without the background warm-up unless asked for (WSIS_WARMUP: '1'): see playwright.config.ts.
    env: { ...process.env, WSIS_WARMUP: '0', ...env, PORT: port, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${base}/healthz`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    base,
    child,
    log: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      })
  };
}

/** Run `task` over `items` with at most `concurrency` at once. */
export async function pool<T, R>(items: T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]);
      }
    })
  );
  return results;
}
