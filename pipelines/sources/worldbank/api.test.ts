// The World Bank API client against the loopback fake server (real data from the shared
// mirror), and the mirror reader on the real saved responses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { createWarehouse, insertQuarantine, insertRows } from '../../lib/warehouse';
import { sharedMirror } from '../../lib/paths';
import { combineChecksums, sha256 } from '../../lib/checksum';
import type { SourceContext } from '../../lib/context';
import { contextFor } from '../../lib/test-context';
import { ensureStaging } from '../../observations/staging';
import { startFakeWorldBankApi, type FakeServer, type FakeServerOptions } from './fake-server';
import { ApiError, ApiUnreachable, cacheName, fetchIndicator, readSaved, stageFetched, worldbankApi, type FetchIndicatorOptions } from './api';

let instance: DuckDBInstance;
let conn: DuckDBConnection;
let cacheDir: string;
let server: FakeServer | null = null;

beforeEach(async () => {
  ({ instance, conn } = await createWarehouse(':memory:')); // staging tables are created by the code under test
  cacheDir = await mkdtemp(join(tmpdir(), 'wb-api-test-'));
});

afterEach(async () => {
  await server?.close();
  server = null;
  conn.closeSync();
  instance.closeSync();
  await rm(cacheDir, { recursive: true, force: true });
});

async function serve(options: FakeServerOptions = {}): Promise<FakeServer> {
  server = await startFakeWorldBankApi(options);
  return server;
}

function clientOptions(baseUrl: string, extra: Partial<FetchIndicatorOptions> = {}): FetchIndicatorOptions {
  return { baseUrl, fetch, timeoutMs: 5_000, retries: 2, backoffMs: 10, cacheDir, perPage: 1000, ...extra };
}

function context(baseUrl: string, online: Partial<SourceContext['online']> = {}): SourceContext {
  return contextFor(conn, { root: process.cwd(), cacheDir, fetch, source: worldbankApi, online: { timeoutMs: 5_000, retries: 2, backoffMs: 10, baseUrl, ...online } }).ctx;
}

async function one(sql: string, params: (string | number)[] = []): Promise<unknown> {
  return (await conn.runAndReadAll(sql, params)).getRows()[0]?.[0];
}

describe('fetchIndicator over several pages', () => {
  it('stages every row of SP.POP.TOTL exactly once, in 11 pages of 1000', async () => {
    const api = await serve();
    const f = await fetchIndicator('SP.POP.TOTL', clientOptions(api.url));
    // the fake serves page 1 of 2 of country/all (10 000 rows) plus the GBR response (64 rows)
    expect(f.total).toBe(10064);
    expect(f.rows).toHaveLength(10064);
    expect(f.problems).toEqual([]);
    expect(f.vintage).toBe('2024-03-28');
    expect(api.requests).toEqual(
      Array.from({ length: 11 }, (_, i) => `GET /v2/country/all/indicator/SP.POP.TOTL?format=json&per_page=1000&page=${i + 1}`)
    );
    const batch = await stageFetched(conn, f);
    expect(batch.file).toBe(`${api.url}/country/all/indicator/SP.POP.TOTL?format=json&per_page=1000`);
    expect(batch.layout).toBe('wb-api');
    expect(batch.checksum).toBe(combineChecksums(f.pages.map((p) => p.checksum)));
    expect(await one('SELECT count(*)::INTEGER FROM stg_observation')).toBe(10064);
    expect(await one('SELECT count(DISTINCT (economy, year))::INTEGER FROM stg_observation')).toBe(10064);
    expect(await one('SELECT count(DISTINCT row_number)::INTEGER FROM stg_observation WHERE row_number BETWEEN 1 AND 10064')).toBe(10064);
    expect(await one("SELECT vintage::VARCHAR FROM stg_batch")).toBe('2024-03-28');
    // GBR 2022 from country_GBR_indicator_SP.POP.TOTL.json
    expect(await one("SELECT raw_value FROM stg_observation WHERE economy = 'GBR' AND year = '2022'")).toBe('66971395');
    // AFE 2022 from page 1 of country/all; 2023 is null in the response
    expect(await one("SELECT raw_value FROM stg_observation WHERE economy = 'AFE' AND year = '2022'")).toBe('720859132');
    expect(await one("SELECT raw_value IS NULL FROM stg_observation WHERE economy = 'AFE' AND year = '2023'")).toBe(true);
    // income groups come with an empty countryiso3code: country.id is used instead
    expect(await one("SELECT count(*)::INTEGER FROM stg_observation WHERE economy = 'XD' AND economy_name = 'High income'")).toBe(64);
  });

  it('builds ICT indicators from the newest bulk file (IT.NET.USER.ZS, Last Updated 2022-04-08)', async () => {
    const api = await serve();
    const f = await fetchIndicator('IT.NET.USER.ZS', clientOptions(api.url, { perPage: 10_000 }));
    expect(f.vintage).toBe('2022-04-08');
    expect(f.total).toBe(266 * 61); // 266 economies, 1960-2020
    await stageFetched(conn, f);
    expect(await one("SELECT raw_value FROM stg_observation WHERE economy = 'WLD' AND year = '2019'")).toBe('56.7273890506729');
  });

  it('reports a response that holds fewer rows than it announces as truncated', async () => {
    const body = JSON.stringify([{ page: 1, pages: 1, per_page: '50', total: 3, lastupdated: '2024-03-28' }, [{ countryiso3code: 'GBR', date: '2022', value: 1 }]]);
    const stub = (async () => new Response(body, { status: 200 })) as typeof fetch;
    const f = await fetchIndicator('SP.POP.TOTL', clientOptions('http://127.0.0.1:9/v2', { fetch: stub, cacheDir: null }));
    expect(f.problems).toEqual(['SP.POP.TOTL: truncated: received 1 of the 3 rows the API announced (1 page(s) of 1)']);
  });
});

describe('retries, timeouts and errors', () => {
  it('retries after an HTTP 500 and succeeds', async () => {
    const api = await serve({ failFirst: 1 });
    const f = await fetchIndicator('SP.POP.TOTL', clientOptions(api.url, { perPage: 10_000 }));
    expect(f.rows).toHaveLength(10064);
    const page1 = 'GET /v2/country/all/indicator/SP.POP.TOTL?format=json&per_page=10000&page=1';
    const page2 = 'GET /v2/country/all/indicator/SP.POP.TOTL?format=json&per_page=10000&page=2';
    expect(api.requests).toEqual([page1, page1, page2]);
  });

  it('gives up after the timeout with a message naming the URL, and stages nothing', async () => {
    const api = await serve({ hang: true });
    await insertRows(conn, 'indicator', [{ code: 'SP.POP.TOTL', name: 'Population, total' }]);
    const report = await worldbankApi.run(context(api.url, { timeoutMs: 200, retries: 1 }));
    await ensureStaging(conn); // so "nothing staged" can be counted
    const url = `${api.url}/country/all/indicator/SP.POP.TOTL?format=json&per_page=10000&page=1`;
    expect(report.status).toBe('failed');
    expect(report.message).toBe(`World Bank API unreachable: GET ${url} failed after 2 attempts (timeout after 200 ms)`);
    expect(api.requests).toHaveLength(2);
    expect(await one('SELECT count(*)::INTEGER FROM stg_observation')).toBe(0);
    expect(await one('SELECT count(*)::INTEGER FROM stg_batch')).toBe(0);
  });

  it('retries an HTTP 429 (rate limited)', async () => {
    const api = await serve({ failFirst: 2, failStatus: 429 });
    const f = await fetchIndicator('SP.POP.TOTL', clientOptions(api.url, { perPage: 20_000 }));
    expect(f.rows).toHaveLength(10064);
    expect(api.requests).toHaveLength(3);
  });

  it('names the URL and the network error when nothing listens', async () => {
    const api = await serve();
    const url = api.url;
    await api.close();
    server = null;
    const error = await fetchIndicator('SP.POP.TOTL', clientOptions(url, { retries: 1 })).catch((e) => e);
    expect(error).toBeInstanceOf(ApiUnreachable);
    expect(error.message).toBe(`World Bank API unreachable: GET ${url}/country/all/indicator/SP.POP.TOTL?format=json&per_page=1000&page=1 failed after 2 attempts (fetch failed: ECONNREFUSED)`);
  });

  it('does not retry an HTTP 404', async () => {
    const api = await serve({ failFirst: 1, failStatus: 404 });
    const error = await fetchIndicator('SP.POP.TOTL', clientOptions(api.url)).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe(`World Bank API refused: GET ${api.url}/country/all/indicator/SP.POP.TOTL?format=json&per_page=1000&page=1 answered HTTP 404 Not Found`);
    expect(api.requests).toHaveLength(1);
  });

  it("reports the API's error JSON, and the source goes on with the other codes", async () => {
    const api = await serve();
    await insertRows(conn, 'indicator', [{ code: 'IT.NOT.REAL' }, { code: 'SP.POP.TOTL' }]);
    const report = await worldbankApi.run(context(api.url));
    expect(report.status).toBe('partial');
    expect(report.message).toBe(
      `World Bank API error for GET ${api.url}/country/all/indicator/IT.NOT.REAL?format=json&per_page=10000&page=1: 120 Invalid value: The provided parameter value is not valid`
    );
    expect(report.rowsLoaded).toBe(10064);
    expect(report.vintage).toBe('2024-03-28');
    expect(await one("SELECT count(*)::INTEGER FROM stg_batch WHERE original_code = 'SP.POP.TOTL'")).toBe(1);
  });
});

describe('response cache', () => {
  it('keeps the exact bytes of every page with a sidecar whose checksum is their sha256', async () => {
    const api = await serve();
    const f = await fetchIndicator('SP.POP.TOTL', clientOptions(api.url, { perPage: 10_000 }));
    const files = (await readdir(join(cacheDir, 'worldbank'))).sort();
    expect(files).toHaveLength(4); // 2 pages, each bytes + sidecar
    const url = `${api.url}/country/all/indicator/SP.POP.TOTL?format=json&per_page=10000&page=2`;
    const base = join(cacheDir, 'worldbank', cacheName(url));
    const bytes = await readFile(`${base}.json`);
    const sidecar = JSON.parse(await readFile(`${base}.meta.json`, 'utf8'));
    expect(sidecar.url).toBe(url);
    expect(sidecar.status).toBe(200);
    expect(sidecar.sha256).toBe(sha256(bytes));
    expect(sidecar.sha256).toBe(f.pages[1].checksum);
    expect(sidecar.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const [meta, rows] = JSON.parse(bytes.toString('utf8'));
    expect(meta).toMatchObject({ page: 2, pages: 2, total: 10064 });
    expect(rows).toHaveLength(64);
  });
});

describe('saved responses in the mirror', () => {
  it('loads page 1 of 2 and reports page 2 as missing', async () => {
    const report = await readSaved(conn, sharedMirror);
    expect(report.status).toBe('partial');
    expect(report.message).toBe(
      'worldbank/api/country_all_indicator_SP.POP.TOTL_page1of2.json: page 2 of 2 is missing (expected total 17024, got 10000)'
    );
    expect(report.files).toBe(3);
    expect(report.rowsRead).toBe(10000 + 64 + 63);
    expect(report.vintage).toBe('2023-06-29..2024-03-28');
    const batches = (
      await conn.runAndReadAll(
        'SELECT b.file, b.layout, b.vintage::VARCHAR, count(o.batch_id)::INTEGER FROM stg_batch b JOIN stg_observation o USING (batch_id) GROUP BY ALL ORDER BY 1'
      )
    ).getRows();
    expect(batches).toEqual([
      ['worldbank/api/country_GBR_indicator_SP.POP.TOTL.json', 'wb-api', '2024-03-28', 64],
      ['worldbank/api/country_IND_indicator_SP.POP.TOTL.json', 'wb-api', '2023-06-29', 63],
      ['worldbank/api/country_all_indicator_SP.POP.TOTL_page1of2.json', 'wb-api', '2024-03-28', 10000]
    ]);
    // without the economy table loaded, income groups keep their country.id
    expect(await one("SELECT count(*)::INTEGER FROM stg_observation WHERE economy = 'XD'")).toBe(64);
    const gbrFile = await readFile(join(sharedMirror, 'worldbank/api/country_GBR_indicator_SP.POP.TOTL.json'));
    expect(await one("SELECT checksum FROM stg_batch WHERE file LIKE '%GBR%'")).toBe(sha256(gbrFile));
    expect(await one("SELECT raw_value FROM stg_observation WHERE economy = 'GBR' AND year = '2022'")).toBe('66971395');
    expect(await one("SELECT raw_value FROM stg_observation WHERE economy = 'IND' AND year = '2022' AND file LIKE '%IND%'")).toBe('1417173173');
  });

  it('gives income-group rows (empty countryiso3code) their code from the economy table', async () => {
    const groups = [['HIC', 'High income'], ['LIC', 'Low income'], ['LMC', 'Lower middle income'], ['UMC', 'Upper middle income'], ['INX', 'Not classified']];
    await insertRows(conn, 'economy', groups.map(([code, name]) => ({ code, name, is_aggregate: true })));
    await readSaved(conn, sharedMirror);
    const rows = (
      await conn.runAndReadAll("SELECT economy, count(*)::INTEGER FROM stg_observation WHERE economy IN ('HIC','LIC','LMC','UMC','INX','XD','XM','XN','XT','XY') GROUP BY 1 ORDER BY 1")
    ).getRows();
    expect(rows).toEqual([['HIC', 64], ['INX', 64], ['LIC', 64], ['LMC', 64], ['UMC', 64]]);
    // country {id: XD, value: High income}, 2022, in page 1 of country/all
    expect(await one("SELECT raw_value FROM stg_observation WHERE economy = 'HIC' AND year = '2022'")).toBe('1244364814');
  });
});
