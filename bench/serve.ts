// Serving figures: each page type and main API endpoint under concurrent load (autocannon on
// loopback), against the trivial /healthz route of the same server in the same run.
import autocannon from 'autocannon';
import { median } from './stats';

export const PAGES = ['/', '/targets/10', '/action-lines/C2', '/regions/WLD', '/countries/KEN', '/stakeholders', '/methodology', '/data'];
export const API = [
  '/api/v1/indicators',
  '/api/v1/observations?indicator=IT.NET.USER.ZS&economy=WLD',
  '/api/v1/progress?indicator=IT.NET.USER.ZS&economy=WLD&horizon=2015'
];
export const TRIVIAL = '/healthz';

export interface LoadResult {
  path: string;
  status: 'ok' | 'missing' | 'error';
  /** HTTP status of the probe request. */
  httpStatus: number;
  rps: number;
  p50: number;
  p95: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/**
 * Every request accepts gzip, as every browser (and Node's fetch) does: the server keeps each
 * cached page gzipped, and without the header the run measured sending the uncompressed body
 * (460 KB for /targets/10 with its maps, 85 KB gzipped), which no visitor asks for.
 */
const ACCEPT = { 'accept-encoding': 'gzip' };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** One autocannon run; latencies (ms) from every response, so p95 is exact (autocannon itself reports p90 and p97.5). */
export async function load(base: string, path: string, connections: number, seconds: number): Promise<LoadResult> {
  const probe = await fetch(base + path, { headers: ACCEPT }).catch(() => null);
  const httpStatus = probe?.status ?? 0;
  await probe?.arrayBuffer().catch(() => undefined);
  if (httpStatus === 404) return { path, status: 'missing', httpStatus, rps: 0, p50: NaN, p95: NaN, requests: 0, non2xx: 0, errors: 0 };
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: base + path, connections, duration: seconds, headers: ACCEPT }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const ok = httpStatus >= 200 && httpStatus < 400 && result.non2xx === 0 && result.errors === 0;
  return {
    path,
    status: ok ? 'ok' : 'error',
    httpStatus,
    rps: result.requests.total / (result.duration || seconds),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors
  };
}

export interface ServeFigures {
  trivial: LoadResult;
  routes: LoadResult[];
}

/**
 * Load every route once, with the trivial route measured before and (in runs of 5 s or more)
 * after, its median being the baseline, so a noisy moment hits both sides of a ratio less.
 */
export async function measureServing(base: string, connections: number, seconds: number, log: (s: string) => void): Promise<ServeFigures> {
  await fetch(base + TRIVIAL).then((r) => r.arrayBuffer());
  const trivials: LoadResult[] = [await load(base, TRIVIAL, connections, seconds)];
  log(`      ${TRIVIAL}: ${trivials[0].rps.toFixed(0)} req/s, p95 ${trivials[0].p95.toFixed(1)} ms`);
  const routes: LoadResult[] = [];
  for (const path of [...PAGES, ...API]) {
    const r = await load(base, path, connections, seconds);
    routes.push(r);
    log(`      ${path}: ${r.status === 'missing' ? 'missing (404)' : `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms${r.status === 'error' ? ` (HTTP ${r.httpStatus}, ${r.non2xx} non-2xx, ${r.errors} errors)` : ''}`}`);
  }
  // The trivial route again at the end (skipped in short runs): its median is the baseline.
  if (seconds >= 5) trivials.push(await load(base, TRIVIAL, connections, seconds));
  const trivial: LoadResult = {
    ...trivials[trivials.length - 1],
    rps: median(trivials.map((t) => t.rps)),
    p50: median(trivials.map((t) => t.p50)),
    p95: median(trivials.map((t) => t.p95))
  };
  return { trivial, routes };
}
