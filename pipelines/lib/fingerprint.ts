// A fingerprint of everything a mirror-mode run reads: the mirror's files, the repository's
// data/ folder, any extra stocktaking folder, and the pipeline code itself. When it equals
// the published build's, a re-run has nothing to do and keeps the published warehouse.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function listFiles(root: string, skip: (rel: string) => boolean): string[] {
  const out: string[] = [];
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
      else if (st.isFile()) out.push(path);
    }
  };
  walk(root);
  return out;
}

export function inputFingerprint(options: { root: string; mirror: string; extraDirs?: string[] }): string {
  const hash = createHash('sha256');
  const add = (label: string, root: string, skip: (rel: string) => boolean = () => false) => {
    for (const file of listFiles(root, skip)) {
      hash.update(`${label}:${relative(root, file)}\n`);
      hash.update(readFileSync(file));
    }
  };
  add('mirror', options.mirror);
  add('data', join(options.root, 'data'), (rel) => rel.startsWith('build') || rel.startsWith('cache'));
  add('pipelines', join(options.root, 'pipelines'), (rel) => rel.endsWith('.test.ts'));
  for (const dir of options.extraDirs ?? []) add('extra', dir);
  return hash.digest('hex');
}
