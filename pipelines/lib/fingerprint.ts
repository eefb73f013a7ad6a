// A fingerprint of everything a mirror-mode run reads: the mirror's files, the repository's
// data/ folder, any extra stocktaking folder, and the pipeline code itself. When it equals
// the published build's, a re-run has nothing to do and keeps the published warehouse.
//
// Each file counts by its path and the SHA-256 of its content. Hashing every file costs about
// 50 ms on the mirror, which is most of a re-run with nothing changed, so the hashes of the
// last run are kept (the build manifest, lib/build-manifest.ts) and a file is read again only
// when its size, mtime, ctime or inode differ, or when it changed less than a second before it
// was hashed (a write within the timestamps' granularity could otherwise go unseen). ctime
// cannot be set back by a program (utimes sets it to now), so an edit that keeps the size and
// restores the mtime is still read again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** When the content was hashed (ms since the epoch). */
  hashedAt: number;
  sha256: string;
}

/** Content hashes by absolute path, as the last run saw them. */
export type FileHashes = Record<string, FileStamp>;

export interface Fingerprint {
  fingerprint: string;
  files: FileHashes;
  /** How many files were read and hashed (the others' hashes were reused). */
  hashed: number;
}

/** A change this close to the hash (ms) is not trusted to be in it. */
const SETTLE_MS = 1000;

function listFiles(root: string, skip: (rel: string) => boolean): { path: string; st: Stats }[] {
  const out: { path: string; st: Stats }[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      const rel = relative(root, path);
      if (skip(rel)) continue;
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (st.isFile()) out.push({ path, st });
    }
  };
  walk(root);
  return out;
}

function unchangedSince(known: FileStamp | undefined, st: Stats): known is FileStamp {
  return (
    known !== undefined &&
    known.size === st.size &&
    known.mtimeMs === st.mtimeMs &&
    known.ctimeMs === st.ctimeMs &&
    known.ino === st.ino &&
    Math.max(st.mtimeMs, st.ctimeMs) < known.hashedAt - SETTLE_MS
  );
}

/** The fingerprint of a run's inputs, reusing `known` hashes of files that did not change since. */
export function fingerprintInputs(options: { root: string; mirror: string; extraDirs?: string[] }, known: FileHashes = {}): Fingerprint {
  const hash = createHash('sha256');
  const files: FileHashes = {};
  let hashed = 0;
  const add = (label: string, root: string, skip: (rel: string) => boolean = () => false) => {
    for (const { path, st } of listFiles(root, skip)) {
      let stamp = known[path];
      if (!unchangedSince(stamp, st)) {
        const hashedAt = Date.now();
        stamp = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, hashedAt, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') };
        hashed++;
      }
      files[path] = stamp;
      hash.update(`${label}:${relative(root, path)}\n${stamp.sha256}\n`);
    }
  };
  add('mirror', options.mirror);
  add('data', join(options.root, 'data'), (rel) => rel.startsWith('build') || rel.startsWith('cache'));
  add('pipelines', join(options.root, 'pipelines'), (rel) => rel.endsWith('.test.ts'));
  for (const dir of options.extraDirs ?? []) add('extra', dir);
  return { fingerprint: hash.digest('hex'), files, hashed };
}

export function inputFingerprint(options: { root: string; mirror: string; extraDirs?: string[] }): string {
  return fingerprintInputs(options).fingerprint;
}
