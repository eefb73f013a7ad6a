// World Bank API v2: the online reader (paged JSON over HTTP, with timeout, retry and a raw
// response cache) and the mirror reader for saved API responses. Both only stage rows
// (layout 'wb-api') through the shared observation step, which validates and publishes them.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Source, SourceContext, SourceReport } from '../../lib/context';
import { combineChecksums, sha256 } from '../../lib/checksum';
import { sourceReport } from '../../lib/report';
import { insertQuarantine } from '../../lib/warehouse';
import { batchId, freeBatchId, stageBatch, stageRows, type StagedBatch, type StagedRow } from '../../observations/staging';
import { apiBaseUrl, PUBLISHER, QUARANTINE_SOURCE, WB_API_SETTING, WDI_ORIGIN } from './batch-id';
import { OBSERVATIONS } from '../../lib/snapshot';

export { DEFAULT_BASE_URL } from './batch-id';
/** Rows per request; the saved responses show the live API serving 10 000 a page. */
export const DEFAULT_PER_PAGE = 10_000;
const SOURCE_ID = 'worldbank-api';
const LICENCE = 'World Bank, World Development Indicators (CC BY 4.0)';

/** One observation as the API sends it (fields may be missing or of the "wrong" type). */
export interface ApiObservation {
  indicator?: { id?: string; value?: string } | null;
  country?: { id?: string; value?: string } | null;
  countryiso3code?: string | null;
  date?: string | number | null;
  value?: number | string | null;
}

export interface PageMeta {
  page: number;
  pages: number;
  total: number;
  lastupdated: string | null;
}

/** The API answered, but not with data: its error JSON, an HTTP 4xx, or a body of the wrong shape. Not retried. */
export class ApiError extends Error {
  name = 'ApiError';
}

/** No usable answer after every attempt (network errors, timeouts, HTTP 429/5xx). */
export class ApiUnreachable extends Error {
  name = 'ApiUnreachable';
}

// ---------------------------------------------------------------- parsing

/** Parse one response body; `where` (URL or file) goes into error messages. */
export function parsePage(text: string, where: string): { meta: PageMeta; rows: ApiObservation[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ApiError(`${where}: answer is not JSON (${(err as Error).message}): ${text.slice(0, 80)}`);
  }
  if (!Array.isArray(json) || typeof json[0] !== 'object' || json[0] === null) {
    throw new ApiError(`${where}: answer is not [metadata, observations]: ${text.slice(0, 80)}`);
  }
  const head = json[0] as Record<string, unknown>;
  if (Array.isArray(head.message)) {
    const parts = (head.message as Record<string, unknown>[]).map((m) => `${m.id} ${m.key}: ${m.value}`);
    throw new ApiError(`World Bank API error for ${where}: ${parts.join('; ')}`);
  }
  const int = (key: string) => {
    const n = Number(head[key]); // the live API sends some numbers as strings ("per_page":"400")
    if (!Number.isInteger(n) || n < 0) throw new ApiError(`${where}: metadata field ${key} is not a whole number: ${JSON.stringify(head[key])}`);
    return n;
  };
  const rows = json[1] ?? []; // an indicator without data answers [meta, null]
  if (!Array.isArray(rows)) throw new ApiError(`${where}: observations are not a list`);
  const lastupdated = typeof head.lastupdated === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(head.lastupdated) ? head.lastupdated : null;
  return { meta: { page: int('page'), pages: int('pages'), total: int('total'), lastupdated }, rows: rows as ApiObservation[] };
}

/**
 * Code for a row whose countryiso3code is empty (the API does this for the income groups:
 * country {id: "XD", value: "High income"}), from the economy table when it is loaded.
 */
export type EconomyResolver = (countryId: string, name: string) => string | undefined;

/** Resolve by iso2, else by the World Bank's own aggregate name (High income -> HIC). */
export async function economyResolver(conn: DuckDBConnection): Promise<EconomyResolver> {
  const rows = (await conn.runAndReadAll('SELECT code, iso2, name, is_aggregate FROM economy')).getRows();
  const byIso2 = new Map(rows.filter((r) => r[1]).map((r) => [String(r[1]), String(r[0])]));
  const byAggregateName = new Map(rows.filter((r) => r[3] === true).map((r) => [String(r[2]).trim(), String(r[0])]));
  return (id, name) => byIso2.get(id) ?? byAggregateName.get(name.trim());
}

/** Staged rows from observations; row numbers continue from `first` (1-based across pages). */
export function toStagedRows(rows: ApiObservation[], first: number, resolve?: EconomyResolver): StagedRow[] {
  const economy = (o: ApiObservation) => {
    if (o?.countryiso3code) return o.countryiso3code.trim();
    const id = (o?.country?.id ?? '').trim();
    return resolve?.(id, o?.country?.value ?? '') ?? id; // unresolved: country.id, refused later as unknown
  };
  return rows.map((o, i) => ({
    economy: economy(o),
    economy_name: o?.country?.value ?? null,
    year: o?.date == null ? '' : String(o.date),
    raw_value: o?.value == null ? null : String(o.value),
    row_number: first + i
  }));
}

// ---------------------------------------------------------------- HTTP with retry and cache

export interface HttpOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  /** Retries after the first attempt (attempts = retries + 1). */
  retries: number;
  /** Wait before retry k (1-based) is backoffMs * 2^(k-1). */
  backoffMs: number;
  /** Raw responses go to <cacheDir>/worldbank/; null = no cache. */
  cacheDir: string | null;
  log?: (message: string) => void;
  /** Who answers, for error messages (default 'World Bank API'; e.g. 'UN SDG database'). */
  service?: string;
}

export interface RawResponse {
  url: string;
  status: number;
  bytes: Uint8Array;
  checksum: string;
  retrievedAt: string;
}

type Attempt = { kind: 'ok'; response: RawResponse } | { kind: 'retry' | 'fatal'; reason: string };

/** GET a URL; retries network errors, timeouts and HTTP 429/5xx with exponential back-off. */
export async function getWithRetry(url: string, o: HttpOptions): Promise<RawResponse> {
  const attempts = Math.max(0, o.retries) + 1;
  let lastError = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(o.backoffMs * 2 ** (attempt - 2));
    const result = await attemptOnce(url, o);
    if (result.kind === 'ok') return result.response;
    if (result.kind === 'fatal') throw new ApiError(`${o.service ?? 'World Bank API'} refused: GET ${url} answered ${result.reason}`);
    lastError = result.reason;
    if (attempt < attempts) o.log?.(`GET ${url}: ${result.reason}; retrying (${attempt}/${o.retries})`);
  }
  throw new ApiUnreachable(`${o.service ?? 'World Bank API'} unreachable: GET ${url} failed after ${attempts} attempt${attempts > 1 ? 's' : ''} (${lastError})`);
}

async function attemptOnce(url: string, o: HttpOptions): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), o.timeoutMs); // covers the body too
  try {
    const res = await o.fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const response: RawResponse = { url, status: res.status, bytes, checksum: sha256(bytes), retrievedAt: new Date().toISOString() };
    await cacheResponse(o.cacheDir, response);
    if (res.ok) return { kind: 'ok', response };
    const reason = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
    return { kind: res.status === 429 || res.status >= 500 ? 'retry' : 'fatal', reason };
  } catch (err) {
    if (controller.signal.aborted) return { kind: 'retry', reason: `timeout after ${o.timeoutMs} ms` };
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'retry', reason: [(err as Error).message, cause?.code ?? cause?.message].filter(Boolean).join(': ') };
  } finally {
    clearTimeout(timer);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** File name for a URL's cached bytes: its path and query, made safe (host left out). */
export function cacheName(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`.replace(/^\/+/, '').replace(/[^A-Za-z0-9.-]+/g, '_');
}

/** Save the exact bytes and a sidecar {url, retrieved, sha256, status, bytes}. The last answer for a URL wins. */
async function cacheResponse(cacheDir: string | null, r: RawResponse): Promise<void> {
  if (!cacheDir) return;
  const dir = join(cacheDir, 'worldbank');
  await mkdir(dir, { recursive: true });
  const base = join(dir, cacheName(r.url));
  await writeFile(`${base}.json`, r.bytes);
  const sidecar = { url: r.url, retrieved: r.retrievedAt, sha256: r.checksum, status: r.status, bytes: r.bytes.length };
  await writeFile(`${base}.meta.json`, JSON.stringify(sidecar, null, 2) + '\n');
}

// ---------------------------------------------------------------- one indicator, all pages

export interface FetchIndicatorOptions extends HttpOptions {
  baseUrl: string;
  perPage?: number;
  /** Codes for rows without countryiso3code (see economyResolver); default: country.id. */
  resolveEconomy?: EconomyResolver;
}

export interface FetchedIndicator {
  code: string;
  /** Indicator id as the API labels the rows (may differ from the code asked for). */
  originalCode: string;
  /** The request URL without the page parameter (the batch's file). */
  url: string;
  vintage: string | null;
  total: number;
  pages: RawResponse[];
  rows: StagedRow[];
  /** sha256 of the single page, or one checksum over the page checksums. */
  checksum: string;
  /** Truncation and inconsistencies between pages, one sentence each. */
  problems: string[];
}

export function indicatorUrl(baseUrl: string, code: string, perPage: number): string {
  return `${baseUrl.replace(/\/+$/, '')}/country/all/indicator/${encodeURIComponent(code)}?format=json&per_page=${perPage}`;
}

/** Fetch every page of one indicator. Throws ApiUnreachable or ApiError; nothing is returned half-fetched. */
export async function fetchIndicator(code: string, options: FetchIndicatorOptions): Promise<FetchedIndicator> {
  const url = indicatorUrl(options.baseUrl, code, options.perPage ?? DEFAULT_PER_PAGE);
  const pages: RawResponse[] = [];
  const rows: StagedRow[] = [];
  const problems: string[] = [];
  let first: PageMeta | null = null;
  let originalCode = code;
  for (let page = 1; page <= (first?.pages ?? 1); page++) {
    const pageUrl = `${url}&page=${page}`;
    const raw = await getWithRetry(pageUrl, options);
    const { meta, rows: obs } = parsePage(new TextDecoder().decode(raw.bytes), `GET ${pageUrl}`);
    if (!first) {
      first = meta;
      originalCode = obs.find((o) => o?.indicator?.id)?.indicator?.id ?? code;
    } else if (meta.total !== first.total || meta.lastupdated !== first.lastupdated) {
      problems.push(`${code}: page ${page} says total ${meta.total}, lastupdated ${meta.lastupdated}; page 1 said ${first.total}, ${first.lastupdated} (data changed while paging)`);
    }
    if (meta.page !== page) problems.push(`${code}: asked for page ${page}, got page ${meta.page}`);
    pages.push(raw);
    rows.push(...toStagedRows(obs, rows.length + 1, options.resolveEconomy));
  }
  const total = first!.total;
  if (rows.length !== total) {
    problems.push(`${code}: ${rows.length < total ? 'truncated' : 'too many rows'}: received ${rows.length} of the ${total} rows the API announced (${pages.length} page(s) of ${first!.pages})`);
  }
  const checksum = pages.length === 1 ? pages[0].checksum : combineChecksums(pages.map((p) => p.checksum))!;
  return { code, originalCode, url, vintage: first!.lastupdated, total, pages, rows, checksum, problems };
}

// ---------------------------------------------------------------- staging

async function stageApiBatch(
  conn: DuckDBConnection,
  b: { code: string; vintage: string | null; file: string; checksum: string; source: string; rows: StagedRow[] }
): Promise<StagedBatch> {
  const batch: StagedBatch = {
    batch_id: await freeBatchId(conn, batchId(b.code, b.vintage, b.checksum)),
    original_code: b.code,
    vintage: b.vintage,
    publisher: PUBLISHER,
    layout: 'wb-api',
    file: b.file,
    checksum: b.checksum,
    source: b.source,
    source_id: QUARANTINE_SOURCE
  };
  await stageBatch(conn, batch);
  await stageRows(conn, b.rows.map((r) => ({ ...r, batch_id: batch.batch_id, file: r.file ?? batch.file, disaggregation: r.disaggregation ?? '' })));
  return batch;
}

export async function stageFetched(conn: DuckDBConnection, f: FetchedIndicator): Promise<StagedBatch> {
  const retrieved = f.pages[0].retrievedAt;
  const source = `${LICENCE}, API v2 ${f.url}, lastupdated ${f.vintage ?? 'not stated'}, retrieved ${retrieved}`;
  return stageApiBatch(conn, { code: f.originalCode, vintage: f.vintage, file: f.url, checksum: f.checksum, source, rows: f.rows });
}

// ---------------------------------------------------------------- reports

interface Tally {
  files: number;
  rowsRead: number;
  rowsQuarantined: number;
  checksums: string[];
  vintages: string[];
  problems: string[];
  staged: number;
}

const newTally = (): Tally => ({ files: 0, rowsRead: 0, rowsQuarantined: 0, checksums: [], vintages: [], problems: [], staged: 0 });

function report(t: Tally, status: SourceReport['status'], message: string): SourceReport {
  // rowsLoaded = staged; the publish step quarantines bad values later
  return sourceReport({ status, files: t.files, rowsRead: t.rowsRead, rowsLoaded: t.rowsRead, rowsQuarantined: t.rowsQuarantined, checksums: t.checksums, vintages: t.vintages, messages: [message] });
}

// ---------------------------------------------------------------- online mode

/** Fetch and stage every indicator in the catalog table. Stops at the first unreachable answer. */
export async function readOnline(ctx: SourceContext, perPage = DEFAULT_PER_PAGE): Promise<SourceReport> {
  // World Bank codes only (IT.NET.USER.ZS): the catalog also lists other publishers' series (IT_MOB_2GNTWK, EGOV_EGDI), read by their own sources.
  const codes = (await ctx.conn.runAndReadAll("SELECT code FROM indicator WHERE code LIKE '%.%' ORDER BY code")).getRows().map((r) => String(r[0]));
  const t = newTally();
  if (codes.length === 0) return report(t, 'skipped', 'the indicator catalog is empty: nothing to fetch');
  const options: FetchIndicatorOptions = { ...ctx.online, baseUrl: apiBaseUrl(ctx), perPage, fetch: ctx.fetch, cacheDir: ctx.cacheDir, log: ctx.log, resolveEconomy: await economyResolver(ctx.conn) };
  let unreachable: string | null = null;
  for (const [i, code] of codes.entries()) {
    try {
      const f = await fetchIndicator(code, options);
      await stageFetched(ctx.conn, f);
      t.files += f.pages.length;
      t.rowsRead += f.rows.length;
      t.checksums.push(...f.pages.map((p) => p.checksum));
      if (f.vintage) t.vintages.push(f.vintage);
      t.problems.push(...f.problems);
      t.staged++;
      ctx.log(`${code}: ${f.rows.length} rows in ${f.pages.length} page(s), lastupdated ${f.vintage ?? 'not stated'}`);
    } catch (err) {
      if (!(err instanceof ApiUnreachable) && !(err instanceof ApiError)) throw err;
      if (err instanceof ApiUnreachable) {
        // the next codes would each wait for every timeout too: stop here
        unreachable = err.message + (i + 1 < codes.length ? `; not fetched: ${codes.slice(i + 1).join(', ')}` : '');
        break;
      }
      t.problems.push(err.message);
    }
  }
  if (unreachable) t.problems.unshift(unreachable);
  const status = t.staged === 0 && t.problems.length > 0 ? 'failed' : t.problems.length > 0 ? 'partial' : 'ok';
  return report(t, status, t.problems.join('; '));
}

// ---------------------------------------------------------------- mirror mode

interface SavedPage {
  file: string;
  checksum: string;
  meta: PageMeta;
  rows: ApiObservation[];
}

/** Stage every saved response `<mirror>/worldbank/api/*indicator*.json`; files `…_pageNofM.json` are pages of one request. */
export async function readSaved(conn: DuckDBConnection, mirror: string): Promise<SourceReport> {
  const dir = join(mirror, 'worldbank', 'api');
  const t = newTally();
  const names = (await readdir(dir).catch(() => [] as string[])).filter((f) => /indicator.*\.json$/i.test(f)).sort();
  if (names.length === 0) return report(t, 'skipped', `no saved API responses in ${relative(mirror, dir)}`);
  const groups = new Map<string, SavedPage[]>();
  for (const name of names) {
    const file = relative(mirror, join(dir, name));
    const bytes = await readFile(join(dir, name));
    t.files++;
    t.checksums.push(sha256(bytes));
    try {
      const { meta, rows } = parsePage(bytes.toString('utf8'), file);
      const stem = name.replace(/_page\d+of\d+(?=\.json$)/i, '');
      groups.set(stem, [...(groups.get(stem) ?? []), { file, checksum: sha256(bytes), meta, rows }]);
    } catch (err) {
      const reason = `unreadable API response: ${(err as Error).message}`;
      await insertQuarantine(conn, [{ source: SOURCE_ID, file, row_number: null, reason, raw: null }]);
      t.rowsQuarantined++;
      t.problems.push(reason);
    }
  }
  const resolve = await economyResolver(conn);
  for (const pages of groups.values()) await stageSavedGroup(conn, pages, t, resolve);
  return report(t, t.staged === 0 ? 'failed' : t.problems.length > 0 ? 'partial' : 'ok', t.problems.join('; '));
}

async function stageSavedGroup(conn: DuckDBConnection, pages: SavedPage[], t: Tally, resolve: EconomyResolver): Promise<void> {
  pages.sort((a, b) => a.meta.page - b.meta.page);
  const first = pages[0];
  const rows: StagedRow[] = [];
  for (const p of pages) rows.push(...toStagedRows(p.rows, rows.length + 1, resolve));
  const have = new Set(pages.map((p) => p.meta.page));
  const missing = Array.from({ length: first.meta.pages }, (_, i) => i + 1).filter((p) => !have.has(p));
  const counts = `expected total ${first.meta.total}, got ${rows.length}`;
  if (missing.length > 0) {
    const which = missing.length === 1 ? `page ${missing[0]} of ${first.meta.pages} is missing` : `pages ${missing.join(', ')} of ${first.meta.pages} are missing`;
    t.problems.push(`${first.file}: ${which} (${counts})`);
  } else if (rows.length !== first.meta.total) t.problems.push(`${first.file}: ${counts}`);
  const code = first.rows.find((o) => o?.indicator?.id)?.indicator?.id ?? /_indicator_(.+?)(?:_page\d+of\d+)?\.json$/i.exec(first.file)?.[1] ?? '';
  const vintage = first.meta.lastupdated;
  const checksum = pages.length === 1 ? first.checksum : combineChecksums(pages.map((p) => p.checksum))!;
  const source = `${LICENCE}, saved API v2 response ${pages.map((p) => p.file).join(', ')}, lastupdated ${vintage ?? 'not stated'}`;
  await stageApiBatch(conn, { code, vintage, file: first.file, checksum, source, rows });
  t.rowsRead += rows.length;
  if (vintage) t.vintages.push(vintage);
  t.staged++;
}

// ---------------------------------------------------------------- the source

export const worldbankApi: Source = {
  snapshot: OBSERVATIONS,
  id: SOURCE_ID,
  description: 'World Bank API v2: every catalog indicator online, or the saved API responses in the mirror',
  required: false,
  origin: WDI_ORIGIN,
  settings: [WB_API_SETTING],
  run: (ctx) => (ctx.mirror ? readSaved(ctx.conn, ctx.mirror) : readOnline(ctx))
};
