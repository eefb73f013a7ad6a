// A small JSON file next to the published warehouse (`<out>.manifest.json`): what a re-run needs
// to decide that nothing changed without opening DuckDB (about 60 ms, most of an unchanged
// re-run): the build's id, fingerprint, table counts, sources and exports folder, and the
// content hashes of its inputs (lib/fingerprint.ts). It names the warehouse file it describes by
// size, mtime and inode; when the file on disk is another (a run that crashed between publishing
// and writing this, a copy put in place by hand), the manifest is ignored and the warehouse read.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { PublishedBuild } from '../run';
import type { FileHashes } from './fingerprint';

interface FileIdentity {
  size: number;
  mtimeMs: number;
  ino: number;
}

export interface BuildManifest {
  version: 1;
  warehouse: FileIdentity;
  build: PublishedBuild;
  inputs: FileHashes;
}

export function manifestPath(out: string): string {
  return `${out}.manifest.json`;
}

function identity(path: string): FileIdentity | null {
  try {
    const st = statSync(path);
    return { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
  } catch {
    return null;
  }
}

/** The manifest of the warehouse now at `out`, or null (none, unreadable, or written for another file). */
export function readManifest(out: string): BuildManifest | null {
  const now = identity(out);
  if (!now) return null;
  try {
    const m = JSON.parse(readFileSync(manifestPath(out), 'utf8')) as BuildManifest;
    const w = m.warehouse;
    if (m.version !== 1 || !m.build || !m.inputs || w.size !== now.size || w.mtimeMs !== now.mtimeMs || w.ino !== now.ino) return null;
    return m;
  } catch {
    return null;
  }
}

/** Describe the warehouse now at `out` (written beside it, renamed into place so a reader never sees half a file). */
export function writeManifest(out: string, build: PublishedBuild, inputs: FileHashes): void {
  const warehouse = identity(out);
  if (!warehouse) return;
  const manifest: BuildManifest = { version: 1, warehouse, build, inputs };
  const tmp = `${manifestPath(out)}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(manifest));
  renameSync(tmp, manifestPath(out));
}
