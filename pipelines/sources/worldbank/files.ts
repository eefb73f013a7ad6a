// Find and stage every World Bank data file: loose CSVs in any layout, CSV members of
// download zips, DataBank exports. Metadata_* side files and recorded API responses (api/)
// are not data files (countries.ts and the API reader handle them).
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { unzipSync } from 'fflate';
import { sha256 } from '../../lib/checksum';
import { insertQuarantine } from '../../lib/warehouse';
import { detectLayout } from './layout';
import { stageBulkFiles, type BulkInput, type StagedFile } from './bulk-file';
import { QUARANTINE_SOURCE } from './batch-id';
import { stageDatabankFile } from './databank';
import type { StagedBatch } from '../../observations/staging';

export interface DataFile {
  /** Name used in provenance and errors (relative to the mirror for mirror files). */
  file: string;
  /** Where it is on disk. */
  path: string;
}

export interface StageSummary {
  files: number;
  checksums: string[];
  batches: StagedBatch[];
  linesRead: number;
  linesRejected: number;
  /** Problems with whole files (unreadable, unknown layout), one sentence each. */
  problems: string[];
}

const isMetadata = (name: string) => /metadata/i.test(basename(name));

/** Every data file under <mirror>/worldbank (recursively), sorted for a stable order. */
export async function listMirrorDataFiles(mirror: string): Promise<DataFile[]> {
  const base = join(mirror, 'worldbank');
  const entries = await readdir(base, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !relative(base, p).split(/[\\/]/).includes('api'))
    .filter((p) => /\.(csv|zip)$/i.test(p) && !isMetadata(p))
    .sort()
    .map((p) => ({ file: relative(mirror, p), path: p }));
}

/** Stage a DataBank export now; queue a bulk file for stageBulkFiles (read in groups). */
async function stageCsv(conn: DuckDBConnection, bytes: Uint8Array, file: string, path: string, bulk: BulkInput[]): Promise<StagedFile | null> {
  const checksum = sha256(bytes);
  const det = detectLayout(file, new TextDecoder().decode(bytes.subarray(0, 65536)));
  if (det.layout === 'databank') return stageDatabankFile(conn, new TextDecoder().decode(bytes), file, checksum);
  bulk.push({ diskPath: path, file, det, checksum });
  return null;
}

export async function stageWorldBankFiles(conn: DuckDBConnection, files: DataFile[]): Promise<StageSummary> {
  const summary: StageSummary = { files: 0, checksums: [], batches: [], linesRead: 0, linesRejected: 0, problems: [] };
  const bulk: BulkInput[] = [];
  const add = (s: StagedFile | null) => {
    if (!s) return;
    summary.problems.push(...(s.problems ?? []));
    summary.batches.push(...s.batches);
    summary.linesRead += s.linesRead;
    summary.linesRejected += s.linesRejected;
  };
  let tmp: string | null = null;
  try {
    for (const f of files) {
      try {
        const bytes = await readFile(f.path);
        summary.files++;
        summary.checksums.push(sha256(bytes));
        if (/\.zip$/i.test(f.path)) {
          const members = unzipSync(bytes, { filter: (m) => /\.csv$/i.test(m.name) && !isMetadata(m.name) });
          for (const [name, member] of Object.entries(members)) {
            tmp ??= await mkdtemp(join(tmpdir(), 'wb-zip-'));
            const memberPath = join(tmp, `${summary.files}-${basename(name)}`);
            await writeFile(memberPath, member);
            add(await stageCsv(conn, member, `${f.file}!${name}`, memberPath, bulk));
          }
        } else add(await stageCsv(conn, bytes, f.file, f.path, bulk));
      } catch (err) {
        const reason = `unreadable file: ${(err as Error).message}`;
        summary.problems.push(`${f.file}: ${reason}`);
        await insertQuarantine(conn, [{ source: QUARANTINE_SOURCE, file: f.file, row_number: null, reason, raw: null }]);
      }
    }
    add(await stageBulkFiles(conn, bulk));
  } finally {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
  return summary;
}
