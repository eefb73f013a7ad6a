import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function fileSha256(path: string): Promise<string> {
  return sha256(await readFile(path));
}

/** One checksum over several (already computed) checksums, order-independent. */
export function combineChecksums(checksums: string[]): string | null {
  if (checksums.length === 0) return null;
  return sha256([...checksums].sort().join('\n'));
}
