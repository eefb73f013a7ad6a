// Read-only access to the published warehouse. The pipeline publishes a new file by
// rename, so the server compares the file's identity (inode + mtime) on each query and
// reopens it when it changed: a new build is picked up without a restart. Old instances
// are closed after a grace period so queries in flight finish on the file they started on.
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { budgetFromEnv, ByteBudgetLru, estimateBytes } from './byte-budget';

export type Row = Record<string, string | number | boolean | null | Array<unknown>>;

interface Opened {
  instance: DuckDBInstance;
  identity: string;
}

let opened: Opened | null = null;
let opening: Promise<Opened> | null = null;

export function warehousePath(): string {
  return resolve(process.env.WSIS_WAREHOUSE ?? 'data/build/wsis.duckdb');
}

/**
 * The warehouse is missing or cannot be opened. The message is for users and never names the
 * server's files (the path goes to the server log instead): pages answer 503, the API
 * `{ error: "unavailable", detail }`.
 */
export class WarehouseMissing extends Error {}

function fileIdentity(path: string): string {
  try {
    const s = statSync(path);
    return `${s.ino.toString(36)}-${Math.round(s.mtimeMs).toString(36)}-${s.size.toString(36)}`;
  } catch {
    logOnce(`warehouse ${path} does not exist yet: run \`npm run pipeline\` first`);
    throw new WarehouseMissing('The warehouse has not been built yet, or is being replaced.');
  }
}

let lastLogged = '';
function logOnce(line: string) {
  if (line !== lastLogged) console.error(line);
  lastLogged = line;
}

/**
 * The identity read last, kept until the event loop's next turn: a page's load looks the build
 * up for every query, memo and chart it uses (some 80 times, one stat each), all in the few
 * turns between its warehouse reads. A build published meanwhile is seen at the next turn, as
 * if published a moment later.
 */
let seen: { path: string; identity: string } | null = null;

/** Identity of the published build, used for ETags and cache headers. */
export function warehouseVersion(): string {
  const path = warehousePath();
  if (seen?.path === path) return seen.identity;
  const identity = fileIdentity(path);
  if (seen === null) setImmediate(forgetWarehouseIdentity);
  seen = { path, identity };
  return identity;
}

/** Read the build's identity afresh at the next call (tests that publish a build and look at once). */
export function forgetWarehouseIdentity(): void {
  seen = null;
}

/** A file that failed to open, so every request does not retry a damaged file. */
let failed: string | null = null;

async function instanceFor(path: string): Promise<Opened> {
  const identity = fileIdentity(path);
  if (opened && opened.identity === identity) return opened;
  if (failed === identity) {
    // A damaged file was published over a good one: keep answering from the good one while it is open.
    if (opened) return opened;
    throw new WarehouseMissing('The warehouse cannot be read.');
  }
  if (opening) return opening;
  opening = (async () => {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY', threads: '2' });
    } catch (err) {
      failed = identity;
      logOnce(`warehouse ${path} cannot be opened: ${err instanceof Error ? err.message : String(err)}`);
      if (opened) return opened;
      throw new WarehouseMissing('The warehouse cannot be read.');
    }
    failed = null;
    const previous = opened;
    opened = { instance, identity };
    if (previous) setTimeout(() => previous.instance.closeSync(), 30_000).unref();
    return opened;
  })();
  try {
    return await opening;
  } finally {
    opening = null;
  }
}

function toPlain(value: unknown): Row[string] {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, value.getUTCHours() || value.getUTCMinutes() ? 19 : 10);
  if (Array.isArray(value)) return value.map(toPlain);
  return value as Row[string];
}

/**
 * Query results are cached per published build: the warehouse never changes under a build,
 * so the same query with the same parameters always has the same answer. The cache is
 * dropped when a new build is published and bounded by an estimate of the bytes it holds
 * (every result counts, an empty one too, with its key); concurrent identical queries share
 * one run (single flight). Callers get their own copy of the rows.
 */
export const QUERY_CACHE_BYTES = budgetFromEnv('WSIS_QUERY_CACHE_MB', 96);
const results = new ByteBudgetLru<Row[]>(QUERY_CACHE_BYTES);
const inFlight = new Map<string, Promise<Row[]>>();
let cacheVersion = '';

/** What the query cache holds now (for /healthz and the tests). */
export function queryCacheStats(): { entries: number; bytes: number; budget: number } {
  return { entries: results.size, bytes: results.bytes, budget: results.maxBytes };
}

/** Run a parameterised query ($1, $2, ...). Input never reaches SQL except as a bound value. */
export async function query<T extends object = Row>(sql: string, params: DuckDBValue[] = []): Promise<T[]> {
  const version = warehouseVersion();
  if (version !== cacheVersion) {
    results.clear();
    inFlight.clear();
    cacheVersion = version;
  }
  const key = `${sql}\u0000${JSON.stringify(params, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`;
  let rows = results.get(key);
  if (!rows) {
    let pending = inFlight.get(key);
    if (!pending) {
      const run = runQuery(sql, params);
      pending = run;
      inFlight.set(key, run);
      const done = () => {
        if (inFlight.get(key) === run) inFlight.delete(key);
      };
      run.then((r) => {
        done();
        if (version === cacheVersion) results.set(key, r, estimateBytes(r));
      }, done);
    }
    rows = await pending;
  }
  return rows.map((r) => ({ ...r }) as T);
}

/**
 * Run a query without keeping its rows in the query cache: for the large per-indicator reads
 * the build memo (build-memo.ts) keeps in a derived, indexed form, so they are not held twice.
 */
export async function queryUncached<T extends object = Row>(sql: string, params: DuckDBValue[] = []): Promise<T[]> {
  return (await runQuery(sql, params)) as T[];
}

async function runQuery(sql: string, params: DuckDBValue[]): Promise<Row[]> {
  const { instance } = await instanceFor(warehousePath());
  const conn = await instance.connect();
  const t0 = performance.now();
  try {
    const reader = params.length ? await conn.runAndReadAll(sql, params) : await conn.runAndReadAll(sql);
    if (process.env.WSIS_QUERY_LOG) console.log(`${(performance.now() - t0).toFixed(1)} ms ${reader.currentRowCount} rows: ${sql.replace(/\s+/g, ' ').slice(0, 140)}`);
    return reader.getRowObjectsJS().map((row) => {
      const out: Row = {};
      for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
      return out;
    });
  } finally {
    conn.closeSync();
  }
}

export async function queryOne<T extends object = Row>(sql: string, params: DuckDBValue[] = []): Promise<T | null> {
  const rows = await query<T>(sql, params);
  return rows[0] ?? null;
}
