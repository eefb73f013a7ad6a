// Build-then-swap publishing. A run writes a new DuckDB file beside the published one and
// renames it over the old file only when everything succeeded: rename(2) on one file
// system is atomic, so a reader opens either the old warehouse or the new one, never half
// a load, and a failed run leaves the previous warehouse untouched.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function buildPathFor(out: string, runId: string): string {
  return join(dirname(out), `.${basename(out)}.building-${process.pid}-${runId}`);
}

export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function prepareBuildDir(out: string): void {
  mkdirSync(dirname(out), { recursive: true });
  // Leftovers of runs that crashed before they could clean up (a run still going keeps its file).
  const prefix = `.${basename(out)}.building-`;
  for (const name of readdirSync(dirname(out))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && processAlive(pid)) continue;
    if (pid === process.pid) continue;
    rmSync(join(dirname(out), name), { force: true });
  }
}

export function publish(buildPath: string, out: string): void {
  rmSync(`${buildPath}.wal`, { force: true });
  // A WAL left by an older writer of `out` would be replayed against the new file.
  if (existsSync(`${out}.wal`)) rmSync(`${out}.wal`, { force: true });
  renameSync(buildPath, out);
}

export function discard(buildPath: string): void {
  rmSync(buildPath, { force: true });
  rmSync(`${buildPath}.wal`, { force: true });
}
