// Start and stop the production build (node build) on a loopback port of our own, on a
// given warehouse; (re)build it first when build/ is missing or older than the sources.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../pipelines/lib/paths';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    newest = Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

/** Run `npm run build` when build/ is missing or stale (any file under src/ newer than it). Returns why it built, or null. */
export function ensureBuild(log: (s: string) => void, force = false): string | null {
  const handler = join(projectRoot, 'build', 'handler.js');
  let why: string | null = null;
  if (force) why = 'asked for (--build)';
  else if (!existsSync(handler)) why = 'build/ is missing';
  else if (newestMtime(join(projectRoot, 'src')) > statSync(handler).mtimeMs) why = 'build/ is older than src/';
  if (!why) return null;
  log(`  building the dashboard (${why}): npm run build`);
  const r = spawnSync('npm', ['run', 'build'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${(r.stderr || r.stdout).slice(-3000)}`);
  return why;
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

export async function startServer(warehouse: string, port: number): Promise<RunningServer> {
  const child = spawn(process.execPath, ['build'], {
    cwd: projectRoot,
    env: { ...process.env, WSIS_WAREHOUSE: warehouse, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode != null) throw new Error(`node build exited (${child.exitCode}):\n${output.slice(-2000)}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`node build did not answer /healthz within 30 s:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode != null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.exitCode == null && child.kill('SIGKILL'), 5000);
      })
  };
}
