// The Metadata_Country_* files of the mirror (loose and inside download zips), each with the
// vintage of the data file it was shipped with (same name without the Metadata_Country_ prefix).
// A damaged data file or zip must not stop the country list: its vintage is unknown, and the
// zip's metadata is skipped (worldbank-files quarantines the damaged file by name).
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { sha256 } from '../../lib/checksum';
import { detectLayout } from './layout';

export interface MetadataFile {
  file: string;
  text: string;
  checksum: string;
  /** Last Updated Date of the paired data file, or null. */
  vintage: string | null;
}

const PREFIX = 'Metadata_Country_';

function vintageOf(file: string, bytes: Uint8Array | undefined): string | null {
  if (!bytes) return null;
  try {
    const det = detectLayout(file, new TextDecoder().decode(bytes.subarray(0, 65536)));
    return det.layout === 'databank' ? null : det.vintage;
  } catch {
    return null;
  }
}

export async function listMirrorMetadataFiles(mirror: string): Promise<MetadataFile[]> {
  const base = join(mirror, 'worldbank');
  const paths = (await readdir(base, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const out: MetadataFile[] = [];
  for (const p of paths) {
    if (basename(p).startsWith(PREFIX) && p.endsWith('.csv')) {
      const bytes = await readFile(p);
      const paired = join(dirname(p), basename(p).slice(PREFIX.length));
      const pairedBytes = await readFile(paired).catch(() => undefined);
      out.push({ file: relative(mirror, p), text: new TextDecoder().decode(bytes), checksum: sha256(bytes), vintage: vintageOf(paired, pairedBytes) });
    } else if (p.endsWith('.zip')) {
      let members: Record<string, Uint8Array>;
      try {
        members = unzipSync(await readFile(p), { filter: (m) => m.name.endsWith('.csv') });
      } catch {
        continue;
      }
      for (const [name, bytes] of Object.entries(members)) {
        if (!basename(name).startsWith(PREFIX)) continue;
        const pairedName = join(dirname(name), basename(name).slice(PREFIX.length)).replace(/^\.\//, '');
        out.push({
          file: `${relative(mirror, p)}!${name}`,
          text: new TextDecoder().decode(bytes),
          checksum: sha256(bytes),
          vintage: vintageOf(pairedName, members[pairedName])
        });
      }
    }
  }
  return out;
}
