import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprintInputs, inputFingerprint } from './fingerprint';

const root = mkdtempSync(join(tmpdir(), 'wsis-fingerprint-'));
const mirror = join(root, 'mirror');
mkdirSync(join(mirror, 'itu'), { recursive: true });
mkdirSync(join(root, 'data', 'reference'), { recursive: true });
mkdirSync(join(root, 'pipelines'), { recursive: true });
const csv = join(mirror, 'itu', 'values.csv');
writeFileSync(csv, 'KEN,2020,35.0\n');
writeFileSync(join(root, 'data', 'reference', 'targets.csv'), 'target\n1\n');
writeFileSync(join(root, 'pipelines', 'run.ts'), 'export {};\n');
const options = { root, mirror };
afterAll(() => rmSync(root, { recursive: true, force: true }));

// A file's hash is reused only once its last change is more than a second older than the hash.
const settle = () => new Promise((r) => setTimeout(r, 1100));

describe('fingerprintInputs', () => {
  it('reuses the hashes of files that did not change, with the same fingerprint', async () => {
    await settle();
    const first = fingerprintInputs(options);
    expect(first.hashed).toBe(3);
    const again = fingerprintInputs(options, first.files);
    expect(again.hashed).toBe(0);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(inputFingerprint(options)).toBe(first.fingerprint);
  });

  it('sees an edit that keeps the size and puts the mtime back', async () => {
    const stamp = new Date('2026-01-02T03:04:05Z');
    utimesSync(csv, stamp, stamp);
    await settle();
    const before = fingerprintInputs(options);
    const size = statSync(csv).size;
    writeFileSync(csv, 'KEN,2020,36.0\n');
    utimesSync(csv, stamp, stamp);
    expect(statSync(csv).size).toBe(size);
    expect(statSync(csv).mtimeMs).toBe(before.files[csv].mtimeMs);
    const after = fingerprintInputs(options, before.files);
    expect(after.hashed).toBe(1);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.files[csv].sha256).not.toBe(before.files[csv].sha256);
  });

  it('reads again a file changed within a second of its hash', () => {
    const first = fingerprintInputs(options);
    writeFileSync(join(root, 'pipelines', 'run.ts'), 'export {}\n;');
    const fresh = fingerprintInputs(options, first.files);
    expect(fresh.hashed).toBeGreaterThanOrEqual(1);
    expect(fresh.fingerprint).toBe(fingerprintInputs(options).fingerprint);
  });

  it('counts a new file and a removed one', async () => {
    const before = fingerprintInputs(options);
    writeFileSync(join(mirror, 'itu', 'extra.csv'), 'x\n');
    const added = fingerprintInputs(options, before.files);
    expect(added.fingerprint).not.toBe(before.fingerprint);
    rmSync(join(mirror, 'itu', 'extra.csv'));
    expect(fingerprintInputs(options, added.files).fingerprint).toBe(fingerprintInputs(options).fingerprint);
  });
});
