// What every source module receives and returns. A source module extracts its inputs,
// validates them, and loads them into the warehouse being built (ctx.conn). Rows that fail
// validation go to ctx.quarantine with the file, row number and reason; nothing is
// dropped silently.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SourceSnapshot } from './snapshot';

export interface QuarantineRow {
  source: string;
  file: string;
  row_number: number | null;
  reason: string;
  raw: string | null;
}

/** A refused row as a source hands it to ctx.quarantine: the runner stamps the source id when absent. */
export type QuarantineInput = Omit<QuarantineRow, 'source'> & { source?: string };

/** A setting a source reads from the environment, declared on the source (README lists them). */
export interface SourceSetting {
  /** Environment variable, e.g. WSIS_STOCKTAKING_DIR. */
  env: string;
  description: string;
  /** A folder of inputs: part of the input fingerprint of a mirror run when set. */
  inputDir?: boolean;
}

/** Where a source's data comes from (like an OWID snapshot's origin): feeds licence notes and citations. */
export interface SourceOrigin {
  publisher: string;
  /** The publisher's page or download for the dataset. */
  url: string;
  licence: string;
  /** What is read: mirror folders, repository files, API endpoints. */
  inputs: string[];
}

export interface SourceContext {
  /** Connection to the warehouse being built (a new file, swapped in only when complete). */
  conn: DuckDBConnection;
  /** Folder organised by source (worldbank/, un/, owid/, itu/, wsis/) read instead of the network; null = online. */
  mirror: string | null;
  /** Project root (where data/ lives). */
  root: string;
  /** Git-ignored cache for raw online responses. */
  cacheDir: string;
  /** Progress output, one line per call. */
  log: (message: string) => void;
  /** Record refused rows; rows without a source get the running source's id. */
  quarantine: (rows: QuarantineInput[]) => Promise<void>;
  /** The value of a setting the running source declares (undefined when unset); throws for one it does not declare. */
  setting: (env: string) => string | undefined;
  /** Network access (replaceable in tests). */
  fetch: typeof fetch;
  /** Options for online sources. */
  online: { timeoutMs: number; retries: number; backoffMs: number; baseUrl: string };
}

export interface SourceReport {
  /** reused: set by the runner when the served build's rows of the source replace this run's (lib/snapshot.ts). */
  status: 'ok' | 'partial' | 'skipped' | 'failed' | 'reused';
  files: number;
  rowsRead: number;
  rowsLoaded: number;
  rowsQuarantined: number;
  /** SHA-256 over the inputs (hex). */
  checksum: string | null;
  /** Vintage(s) of the inputs, e.g. "2024-02-21" or "2017-02-01..2026-07-13". */
  vintage: string | null;
  /** What is missing or went wrong, in plain words (empty when all is well). */
  message: string;
}

export interface Source {
  id: string;
  description: string;
  /**
   * A required source that fails fails the whole run (previous warehouse kept). It may
   * depend on the mode: what is required from a mirror can be optional online, where an
   * unreachable service must not stop the other sources.
   */
  required: boolean | ((ctx: SourceContext) => boolean);
  /** Where its data comes from (absent for steps that read no input of their own, e.g. observations-publish). */
  origin?: SourceOrigin;
  /** The rows it owns, reused from the served build when it fails, is skipped or shrinks (lib/snapshot.ts); absent: never reused. */
  snapshot?: SourceSnapshot;
  /** Environment settings it reads (through ctx.setting). */
  settings?: SourceSetting[];
  run(ctx: SourceContext): Promise<SourceReport>;
}

/** An error that names the file, the row and the reason. */
export class InputError extends Error {
  constructor(
    public file: string,
    public row: number | null,
    public reason: string
  ) {
    super(`${file}${row != null ? `, row ${row}` : ''}: ${reason}`);
    this.name = 'InputError';
  }
}
