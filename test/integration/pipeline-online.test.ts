// Online mode (no mirror): the World Bank API, served here by a loopback fake built from the
// real saved responses and bulk files. When the API is unreachable the other sources still
// load and the run says plainly what is missing.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline, openReadOnly } from '../../pipelines/run';
import { allSources } from '../../pipelines/sources/index';
import { startFakeWorldBankApi } from '../../pipelines/sources/worldbank/fake-server';

const dir = mkdtempSync(join(tmpdir(), 'wsis-online-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = () => {};

async function scalar(path: string, sql: string) {
  const { instance, conn } = await openReadOnly(path);
  try {
    return (await conn.runAndReadAll(sql)).getRows()[0]?.[0];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe('pipeline online', () => {
  it('loads indicators from the API (one 500 on the way, retried)', async () => {
    const api = await startFakeWorldBankApi({ failFirst: 1 });
    // ITU's files are asked of the fake too (it has none): no request leaves the machine.
    process.env.WSIS_ITU_URL = `${api.url}/itu/`;
    try {
      const out = join(dir, 'online.duckdb');
      const result = await runPipeline({
        out,
        mirror: null,
        sources: allSources(),
        cacheDir: join(dir, 'cache'),
        log: quiet,
        online: { baseUrl: api.url, timeoutMs: 5_000, retries: 2, backoffMs: 10 }
      });
      expect(result.published).toBe(true);
      const byId = Object.fromEntries(result.outcomes.map((o) => [o.source, o]));
      expect(byId['worldbank-countries'].status).toBe('ok');
      expect(byId['worldbank-files'].status).toBe('skipped');
      // The fake serves IT.NET.USER.ZS from the native-layout bulk file API_IT.NET.USER.ZS_DS2_en_csv_v2_3930944.csv
      // (Last Updated 2022-04-08): World 2019 = 56.7273890506729, with that date as the vintage.
      expect(await scalar(out, "SELECT value FROM observation WHERE indicator = 'IT.NET.USER.ZS' AND economy = 'WLD' AND year = 2019")).toBe(56.7273890506729);
      expect(await scalar(out, "SELECT vintage::VARCHAR FROM observation WHERE indicator = 'IT.NET.USER.ZS' AND economy = 'WLD' AND year = 2019")).toBe('2022-04-08');
      // The fake has data for five catalog codes (the mirror's SP.RUR files have names that lie
      // about their content, so it answers error 120 for those, as the live API does for a code it lacks).
      expect(await scalar(out, "SELECT string_agg(DISTINCT indicator, ',' ORDER BY indicator) FROM observation")).toBe(
        'IT.CEL.SETS.P2,IT.MLT.MAIN.P2,IT.NET.BBND.P2,IT.NET.USER.ZS,SP.POP.TOTL'
      );
      expect(byId['worldbank-api'].status).toBe('partial');
      expect(byId['worldbank-api'].message).toContain('SP.RUR.TOTL.ZS?format=json&per_page=10000&page=1: 120 Invalid value');
      expect(api.requests.filter((r) => r.includes('/country?')).length).toBe(2); // the country list: a 500, then the retry
      // An ITU file that is not there is reported with its URL; the other sources go on.
      expect(byId['itu-key-ict'].status).toBe('failed');
      expect(byId['itu-key-ict'].message).toBe(`ITU file not served: GET ${api.url}/itu/ITU_Key_2005-2019_ICT_data_with%20LDCs_28Oct2019_Final.xls answered HTTP 404 Not Found; no ITU aggregates loaded`);
      expect(byId['itu-wtid'].status).toBe('failed');
    } finally {
      delete process.env.WSIS_ITU_URL;
      await api.close();
    }
  });

  it('still loads the other sources when the API does not answer', async () => {
    const out = join(dir, 'offline.duckdb');
    const refused = (async () => {
      throw new TypeError('fetch failed: ECONNREFUSED');
    }) as unknown as typeof fetch;
    const result = await runPipeline({
      out,
      mirror: null,
      sources: allSources(),
      cacheDir: join(dir, 'cache2'),
      fetch: refused,
      log: quiet,
      online: { baseUrl: 'http://127.0.0.1:9/v2', timeoutMs: 200, retries: 1, backoffMs: 10 }
    });
    expect(result.published).toBe(true);
    const byId = Object.fromEntries(result.outcomes.map((o) => [o.source, o]));
    expect(byId['worldbank-api'].status).toBe('failed');
    expect(byId['worldbank-api'].message).toMatch(/^World Bank API unreachable: GET http:\/\/127\.0\.0\.1:9\/v2\//);
    expect(byId['worldbank-countries'].message).toContain('World Bank API unreachable');
    expect(byId['itu-key-ict'].message).toMatch(/^ITU file unreachable: GET https:\/\/www\.itu\.int\/en\/ITU-D\/Statistics\/Documents\/statistics\/2019\/ITU_Key_2005-2019_ICT_data_with%20LDCs_28Oct2019_Final\.xls failed after 2 attempts/);
    expect(byId.reference.status).toBe('ok');
    expect(byId.meetings.status).toBe('ok');
    expect(Number(await scalar(out, 'SELECT count(*) FROM action_line'))).toBe(19);
    expect(Number(await scalar(out, 'SELECT count(*) FROM observation'))).toBe(0);
  });
});
