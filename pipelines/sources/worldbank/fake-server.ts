// A fake World Bank API v2 on 127.0.0.1, built from the real files in the shared mirror, for
// tests and benchmarks of the online client (api.ts). It answers
// `/…/country/{all|ISO3[;ISO3]}/indicator/{CODE}?format=json&per_page=N&page=P` in the live
// API's shape (per_page as a string, page as a number, like the live API mixes them), and can
// inject faults: first N requests answer 500 (or another status), requests that never answer,
// a fixed delay, or the API's error JSON. Unknown indicator codes get the error JSON, as live.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseCsv } from '../../lib/csv';
import { sharedMirror } from '../../lib/paths';

export interface FakeObservation {
  indicator: { id: string; value: string };
  country: { id: string; value: string };
  countryiso3code: string;
  date: string;
  value: number | null;
  unit: string;
  obs_status: string;
  decimal: number;
}

export interface FakeIndicator {
  lastupdated: string;
  rows: FakeObservation[];
}

export interface FakeServerOptions {
  /** Mirror the data comes from (default: the shared mirror). */
  mirror?: string;
  /** The first N requests answer `failStatus` (default 500). */
  failFirst?: number;
  failStatus?: number;
  /** Requests (1-based numbers) that never answer; `true` = every request. */
  hang?: true | number[];
  /** Delay before every answer. */
  delayMs?: number;
  /** Answer every request with the API's error JSON (HTTP 200, as the live API does). */
  errorJson?: boolean;
  /** Extra or replacement indicators, by code. */
  indicators?: Record<string, FakeIndicator>;
}

export interface FakeServer {
  /** Base URL to use as the client's baseUrl, e.g. http://127.0.0.1:40123/v2 */
  url: string;
  /** Every request received, as "GET /v2/country/all/indicator/X?format=json&per_page=…&page=…". */
  requests: string[];
  close(): Promise<void>;
}

export const API_ERROR_JSON = JSON.stringify([
  { message: [{ id: '120', key: 'Invalid value', value: 'The provided parameter value is not valid' }] }
]);

const ROUTE = /\/country\/([^/]+)\/indicator\/([^/?]+)$/;

export async function startFakeWorldBankApi(options: FakeServerOptions = {}): Promise<FakeServer> {
  const data = new IndicatorData(options.mirror ?? sharedMirror, options.indicators ?? {});
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const n = requests.length;
    if (options.hang === true || options.hang?.includes(n)) return; // never answer
    const answer = () => respond(req, res, n, options, data);
    if (options.delayMs) setTimeout(answer, options.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v2`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // hanging requests would otherwise keep it open
        server.close(() => resolve());
      })
  };
}

function respond(req: IncomingMessage, res: ServerResponse, n: number, options: FakeServerOptions, data: IndicatorData) {
  if (n <= (options.failFirst ?? 0)) return send(res, options.failStatus ?? 500, 'text/html', '<html><body>Internal Server Error</body></html>');
  if (options.errorJson) return send(res, 200, 'application/json', API_ERROR_JSON);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  // The country list: the saved real response (296 economies), whatever per_page asks.
  if (/\/country\/?$/.test(url.pathname)) {
    return send(res, 200, 'application/json;charset=utf-8', readFileSync(join(data.mirror, 'worldbank', 'api', 'country_list_per_page_400.json'), 'utf8'));
  }
  const route = ROUTE.exec(url.pathname);
  if (!route) return send(res, 404, 'text/plain', 'Not Found');
  const indicator = data.get(decodeURIComponent(route[2]));
  if (!indicator || url.searchParams.get('format') !== 'json') return send(res, 200, 'application/json', API_ERROR_JSON);
  const wanted = decodeURIComponent(route[1]).toUpperCase();
  const economies = wanted === 'ALL' ? null : new Set(wanted.split(';'));
  const rows = economies ? indicator.rows.filter((r) => economies.has(r.countryiso3code) || economies.has(r.country.id)) : indicator.rows;
  const perPage = positiveInt(url.searchParams.get('per_page'), 50);
  const page = positiveInt(url.searchParams.get('page'), 1);
  const slice = rows.slice((page - 1) * perPage, page * perPage);
  const meta = {
    page,
    pages: Math.max(1, Math.ceil(rows.length / perPage)),
    per_page: String(perPage),
    total: rows.length,
    sourceid: '2',
    lastupdated: indicator.lastupdated
  };
  send(res, 200, 'application/json;charset=utf-8', JSON.stringify([meta, slice.length ? slice : null]));
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

function positiveInt(text: string | null, fallback: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Observations per indicator code, built lazily from the mirror and kept for the server's life. */
class IndicatorData {
  private cache = new Map<string, FakeIndicator | null>();
  constructor(
    readonly mirror: string,
    private extra: Record<string, FakeIndicator>
  ) {}

  get(code: string): FakeIndicator | null {
    if (code in this.extra) return this.extra[code];
    if (!this.cache.has(code)) this.cache.set(code, savedResponses(this.mirror, code) ?? newestBulkFile(this.mirror, code));
    return this.cache.get(code) ?? null;
  }
}

/**
 * The saved API responses for a code with the newest lastupdated, merged (first occurrence of
 * each economy-year wins): for SP.POP.TOTL that is page 1 of 2 of country/all plus the GBR
 * response (both 2024-03-28), 10 064 observations.
 */
function savedResponses(mirror: string, code: string): FakeIndicator | null {
  const dir = join(mirror, 'worldbank', 'api');
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.includes(`_indicator_${code}`) && f.endsWith('.json')).sort();
  } catch {
    return null;
  }
  const responses = names.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as [{ lastupdated: string }, FakeObservation[] | null]);
  if (responses.length === 0) return null;
  const lastupdated = responses.map((r) => r[0].lastupdated).sort().at(-1)!;
  const seen = new Set<string>();
  const rows: FakeObservation[] = [];
  for (const [meta, obs] of responses) {
    if (meta.lastupdated !== lastupdated) continue;
    for (const o of obs ?? []) {
      const key = `${o.countryiso3code || o.country.id}|${o.date}`;
      if (!seen.has(key)) rows.push(o), seen.add(key);
    }
  }
  return { lastupdated, rows };
}

/** The bulk CSV (native or no-preamble layout) for a code with the newest Last Updated Date. */
function newestBulkFile(mirror: string, code: string): FakeIndicator | null {
  const dir = join(mirror, 'worldbank');
  let candidates: { text: string; vintage: string }[];
  try {
    candidates = readdirSync(dir)
      .filter((f) => f.startsWith(`API_${code}_`) && f.endsWith('.csv'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .map((text) => ({ text, vintage: /Last Updated Date"?,"?(\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? '' }));
  } catch {
    return null;
  }
  const newest = candidates.sort((a, b) => a.vintage.localeCompare(b.vintage)).at(-1);
  if (!newest) return null;
  const headerAt = newest.text.search(/^\uFEFF?"?Country Name"?,/m);
  const table = parseCsv(newest.text.slice(Math.max(0, headerAt)));
  const years = table.header.filter((h) => /^\d{4}$/.test(h)).sort().reverse(); // the API lists newest first
  const rows: FakeObservation[] = [];
  for (const { record } of table.rows) {
    if (!record['Country Code']) continue;
    for (const year of years) {
      const text = record[year]?.trim() ?? '';
      rows.push({
        indicator: { id: record['Indicator Code'] || code, value: record['Indicator Name'] ?? '' },
        country: { id: record['Country Code'], value: record['Country Name'] ?? '' },
        countryiso3code: record['Country Code'],
        date: year,
        value: text === '' ? null : Number(text),
        unit: '',
        obs_status: '',
        decimal: 0
      });
    }
  }
  return { lastupdated: newest.vintage, rows }; // '' when the file states no date
}
