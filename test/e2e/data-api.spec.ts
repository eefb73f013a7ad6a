// The researchers' data service: /api/v1 (values, paging, CSV = JSON, errors, caching), the
// export downloads (Parquet read back equals the warehouse, datapackage.json matches the CSV
// headers) and the /data page. Runs against the app on the warehouse built from the mirror.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TABLES } from '../../pipelines/schema';
import { csvRows, expectAccessibleScreenshot, warehouseRows } from './helpers';

const WDI_2026 = 'World Bank, World Development Indicators (CC BY 4.0), file worldbank/excel-resaved-2026/API_IT.NET.USER.ZS_DS2_en_csv_v2_33086.csv, Last Updated 2026-07-13';
const PUBLISHED = TABLES.filter((t) => t.published).map((t) => t.name);

/** Served values of the MDG series (catalog topic mdg), read from the served warehouse. */
async function mdgObservations(): Promise<number> {
  const [[n]] = await warehouseRows("SELECT count(*)::INTEGER FROM observation WHERE indicator IN (SELECT code FROM indicator WHERE topic = 'mdg')");
  return Number(n);
}

async function getJson(request: APIRequestContext, path: string) {
  const res = await request.get(path);
  return { status: res.status(), headers: res.headers(), body: await res.json() };
}

test.describe('GET /api/v1/observations', () => {
  test('World 2015 Internet users is 39.9 from the 2026-07-13 vintage', async ({ request }) => {
    const { status, headers, body } = await getJson(request, '/api/v1/observations?indicator=IT.NET.USER.ZS&economy=WLD&from=2015&to=2015');
    expect(status).toBe(200);
    expect(body).toEqual({
      total: 1,
      limit: 1000,
      offset: 0,
      data: [{ indicator: 'IT.NET.USER.ZS', economy: 'WLD', year: 2015, disaggregation: '', value: 39.9, vintage: '2026-07-13', source: WDI_2026 }]
    });
    expect(headers['cache-control']).toBe('public, max-age=300');
    expect(headers['access-control-allow-origin']).toBe('*');
    expect(headers['etag']).toMatch(/^"[^"]+"$/);
  });

  test('a country and an aggregate together, sorted by economy then year', async ({ request }) => {
    const { body } = await getJson(request, '/api/v1/observations?indicator=IT.NET.USER.ZS&economy=wld,KEN&from=2015&to=2019');
    expect(body.total).toBe(10);
    expect(body.data.map((r: { economy: string; year: number }) => `${r.economy} ${r.year}`)).toEqual([
      'KEN 2015', 'KEN 2016', 'KEN 2017', 'KEN 2018', 'KEN 2019', 'WLD 2015', 'WLD 2016', 'WLD 2017', 'WLD 2018', 'WLD 2019'
    ]);
    expect(body.data[0]).toEqual({ indicator: 'IT.NET.USER.ZS', economy: 'KEN', year: 2015, disaggregation: '', value: 16.58785485, vintage: '2026-07-13', source: WDI_2026 });
    expect(body.data[9].value).toBe(53.9);
  });

  test('vintage=all returns every vintage kept for WLD 2015, newest first', async ({ request }) => {
    const { body } = await getJson(request, '/api/v1/observations?indicator=IT.NET.USER.ZS&economy=WLD&from=2015&to=2015&vintage=all');
    expect(body.data.map((r: { vintage: string | null; value: number }) => [r.vintage, r.value])).toEqual([
      ['2026-07-13', 39.9],
      ['2022-04-08', 40.9082705319425],
      ['2017-02-01', 43.9983147914322],
      [null, 39.9]
    ]);
  });

  test('format=csv returns the same rows, columns and order as JSON', async ({ request }) => {
    const q = '/api/v1/observations?indicator=IT.NET.USER.ZS&economy=WLD,KEN,FRA&from=2000&to=2020';
    const { body } = await getJson(request, q);
    const res = await request.get(`${q}&format=csv`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers()['x-total-count']).toBe(String(body.total));
    const [header, ...rows] = csvRows(await res.text());
    expect(header).toEqual(['indicator', 'economy', 'year', 'disaggregation', 'value', 'vintage', 'source']);
    expect(body.total).toBe(58); // FRA 21, KEN 21, WLD 16 (the World row starts in 2005)
    expect(rows).toEqual(body.data.map((r: Record<string, unknown>) => header.map((c) => (r[c] == null ? '' : String(r[c])))));
  });

  test('paging with limit 7 covers every row exactly once', async ({ request }) => {
    const q = '/api/v1/observations?indicator=IT.NET.USER.ZS&economy=WLD,KEN,FRA&from=2000&to=2020';
    const all = (await getJson(request, q)).body;
    const seen: string[] = [];
    for (let offset = 0; offset < all.total; offset += 7) {
      const page = (await getJson(request, `${q}&limit=7&offset=${offset}`)).body;
      expect(page.total).toBe(all.total);
      expect(page.limit).toBe(7);
      expect(page.offset).toBe(offset);
      expect(page.data.length).toBe(Math.min(7, all.total - offset));
      seen.push(...page.data.map((r: { economy: string; year: number }) => `${r.economy} ${r.year}`));
    }
    expect(seen.length).toBe(58);
    expect(new Set(seen).size).toBe(58);
    expect(seen).toEqual(all.data.map((r: { economy: string; year: number }) => `${r.economy} ${r.year}`));
    const past = (await getJson(request, `${q}&limit=7&offset=58`)).body;
    expect(past).toEqual({ total: 58, limit: 7, offset: 58, data: [] });
  });

  test('If-None-Match with the ETag gives 304; another query has another ETag', async ({ request }) => {
    const q = '/api/v1/observations?indicator=IT.NET.USER.ZS&economy=WLD&from=2015&to=2015';
    const first = await request.get(q);
    const etag = first.headers()['etag'];
    const again = await request.get(q, { headers: { 'If-None-Match': etag } });
    expect(again.status()).toBe(304);
    expect(again.headers()['etag']).toBe(etag);
    const other = await request.get(q.replace('to=2015', 'to=2016'));
    expect(other.headers()['etag']).not.toBe(etag);
  });
});

test.describe('API errors', () => {
  // The status names the error: 404 not_found for an unknown code, 400 bad_request for a malformed parameter.
  const notFound: [path: string, detail: string][] = [
    ['/api/v1/observations?indicator=NO.SUCH.CODE', 'No indicator NO.SUCH.CODE. See /api/v1/indicators for the codes.'],
    ['/api/v1/observations?indicator=IT.NET.USER.P2', 'Indicator IT.NET.USER.P2 is an old code; use IT.NET.USER.ZS.'],
    ['/api/v1/observations?indicator=IT.NET.USER.ZS&economy=WLD,XYZ', 'No economy XYZ. Economies are ISO 3166-1 alpha-3 codes or World Bank aggregate codes (WLD, SSF, LIC, ...); see economy.csv on /data.'],
    ['/api/v1/action-lines/C99', 'No action line C99. Action lines are C1-C11 and C7-e-government ... C7-e-science; see /api/v1/action-lines.'],
    ['/api/v1/stocktaking?action_line=C12', 'No action line C12. Action lines are C1-C11 and C7-e-government ... C7-e-science; see /api/v1/action-lines.'],
    ['/api/v1/participation?event=no-such-event', 'No event no-such-event. See event.csv on /data for the event ids.'],
    // Population has no goal and no direction: a context series, not judged. (Indicators without a goal but with a direction get a trend verdict.)
    ['/api/v1/progress?indicator=SP.POP.TOTL&economy=WLD', 'Indicator SP.POP.TOTL has no goal value and no direction of improvement (a context series), so progress is not assessed. Indicators with a goal: IT_MOB_2GNTWK, SE_ACS_INTNT, ITU_HH1, ITU_HH2, IT.CEL.SETS.P2, ITU_HH10, IT.NET.USER.ZS.'] // the first series by priority of each target indicator with a goal
  ];
  const badRequest: [path: string, detail: string][] = [
    ['/api/v1/observations?indicator=IT.NET.USER.ZS&from=20x5', 'Parameter from must be a four-digit year, got "20x5".'],
    ['/api/v1/observations?indicator=IT.NET.USER.ZS&from=2016&to=2015', 'from (2016) is after to (2015).'],
    ['/api/v1/observations?indicator=IT.NET.USER.ZS&limit=10001', 'limit must be from 1 to 10000, got 10001.'],
    ['/api/v1/observations?indicator=IT.NET.USER.ZS&limit=0', 'limit must be from 1 to 10000, got 0.'],
    ['/api/v1/indicators?offset=-1', 'offset must be a non-negative integer, got -1.'],
    ['/api/v1/observations?indicator=IT.NET.USER.ZS&format=xlsx', 'format must be one of json, csv, got "xlsx".'],
    ['/api/v1/observations?indicator=IT.NET.USER.ZS&disaggregation=Sex', 'disaggregation must be key=value pairs joined by ";" (e.g. sex=female), or empty for the total; got "Sex".'],
    ['/api/v1/observations?economy=WLD', 'Parameter indicator is required.'],
    ["/api/v1/observations?indicator=IT.NET.USER.ZS'%20OR%201=1--", `Parameter indicator: "IT.NET.USER.ZS' OR 1=1--" is not a valid code (letters, digits, '.', '_', '-').`],
    ['/api/v1/progress?indicator=IT.NET.USER.ZS&economy=WLD&horizon=2000', 'horizon must be a year after the baseline year 2003 and at most 2100, got 2000.']
  ];
  const cases = [...notFound.map(([path, detail]) => [path, 404, 'not_found', detail] as const), ...badRequest.map(([path, detail]) => [path, 400, 'bad_request', detail] as const)];
  for (const [path, status, error, detail] of cases) {
    test(`${status} ${path}`, async ({ request }) => {
      const res = await getJson(request, path);
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ error, detail });
      expect(res.headers['access-control-allow-origin']).toBe('*');
    });
  }
});

test.describe('other endpoints', () => {
  test('indicators: codes with target numbers as an array', async ({ request }) => {
    const { body } = await getJson(request, '/api/v1/indicators');
    expect(body.total).toBe(54); // 7 WSIS and population series, 12 MDG series, 18 ITU series and 17 of the UN SDG database, E-Government Survey, Global Data Lab and Common Crawl
    const internet = body.data.find((r: { code: string }) => r.code === 'IT.NET.USER.ZS');
    // ITU's Internet use by gender: the total (Core Household HH7) and both sexes
    expect(body.data.find((r: { code: string }) => r.code === 'ITU_HH7').disaggregations).toEqual(['', 'sex=female', 'sex=male']);
    expect(internet).toMatchObject({ name: 'Individuals using the Internet (% of population)', unit: '% of population', wsis_targets: [10], mdg_indicator: '8.16', disaggregations: [''] });
  });

  test('observations: a disaggregation the World Bank series does not have returns no rows, the total is the default', async ({ request }) => {
    const q = '/api/v1/observations?indicator=IT.NET.USER.ZS&economy=WLD&from=2015&to=2015';
    expect((await getJson(request, `${q}&disaggregation=sex=female`)).body.total).toBe(0);
    expect((await getJson(request, `${q}&disaggregation=`)).body.data[0].value).toBe(39.9);
  });

  test('progress: World Internet use as of 2015 against 50 % by 2015 is too slow (CSI = (39.9 - 15.6) / (50 - 15.6))', async ({ request }) => {
    const { status, body } = await getJson(request, '/api/v1/progress?indicator=IT.NET.USER.ZS&economy=WLD&horizon=2015&as_of=2015');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      indicator: 'IT.NET.USER.ZS',
      economy: 'WLD',
      horizon: 2015,
      status: 'too_slow',
      phase: 'by_horizon',
      as_of: 2015,
      first_year_met: null,
      reason: null,
      baseline: { year: 2005, value: 15.6 },
      latest: { year: 2015, value: 39.9 },
      goal: { value: 50, target: 10, target_indicator: '10.5' }
    });
    expect(body.csi).toBeCloseTo(24.3 / 34.4, 12);
    expect(body.api).toBeLessThan(1);
    expect(body.projected_year_reached).toBe(2019);
    expect(body.method.name).toContain('ESCAP');
  });

  test('progress: the 2015 goal for World Internet use was met late, in 2019; as of 2012 it looked too slow', async ({ request }) => {
    const latest = (await getJson(request, '/api/v1/progress?indicator=IT.NET.USER.ZS&economy=WLD&horizon=2015')).body;
    expect(latest).toMatchObject({ horizon: 2015, as_of: 2025, phase: 'after_horizon', status: 'met_late', first_year_met: 2019, label: 'Met late (2019)' });
    const in2018 = (await getJson(request, '/api/v1/progress?indicator=IT.NET.USER.ZS&economy=WLD&horizon=2015&as_of=2018')).body;
    expect(in2018).toMatchObject({ status: 'not_met', first_year_met: null, projected_year_reached: 2019, label: 'Not met by 2015 (trend reaches it in 2019)' });
    const in2012 = (await getJson(request, '/api/v1/progress?indicator=IT.NET.USER.ZS&economy=WLD&horizon=2015&as_of=2012')).body;
    expect(in2012).toMatchObject({ as_of: 2012, phase: 'by_horizon', status: 'too_slow', first_year_met: null, projected_year_reached: 2017, latest: { year: 2012, value: 33.3 } });
    expect(in2012.projected_value_at_horizon).toBeCloseTo(43.905, 3);
  });

  test('progress: fixed telephones have no goal, so a trend verdict: 17.83 (2003) -> 11.43 (2022) per 100 is -2.3 % a year', async ({ request }) => {
    const { status, body } = await getJson(request, '/api/v1/progress?indicator=IT.MLT.MAIN.P2&economy=WLD');
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'trend', status: 'significant_movement_away', label: 'Trend: significant movement away', goal: null, as_of: 2022, baseline: { year: 2003 } });
    expect(body.cagr).toBeCloseTo(Math.pow(11.4287431030935 / 17.8286334578858, 1 / 19) - 1, 10);
    expect(body.thresholds).toEqual({ significantProgress: 0.01, moderateProgress: 0, moderateMovementAway: -0.01 });
  });

  test('action line C2: facilitator ITU, its 3 meetings, 30 stocktaking entries', async ({ request }) => {
    const { body } = await getJson(request, '/api/v1/action-lines/C2');
    expect(body.facilitators).toEqual(['ITU']);
    // The World Bank was only "TBC" as co-facilitator in 2006: in the facilitation history as proposed, not in the list.
    expect(body.co_facilitators).toEqual(['APC']);
    expect(body.facilitation.find((f: { organisation: string }) => f.organisation === 'World Bank')).toMatchObject({
      role: 'proposed',
      from_year: 2006,
      to_year: 2006,
      statement: 'C2 meeting, 18 May: Co-facilitator "World Bank (TBC)"',
      verified: 'yes'
    });
    // 8 seed entries + 22 WSIS Prizes 2015 nominations in category C2
    expect(body.stocktaking.entries).toBe(30);
    expect(body.meetings.map((m: { id: string }) => m.id).sort()).toEqual(['2006-05-al-c2', '2006-c2-doha-informal-consultation', '2008-al-c2']);
    expect(body.meetings.find((m: { id: string }) => m.id === '2006-05-al-c2').participants).toBe(40);
    expect(body.targets.map((t: { target: number }) => t.target)).toEqual([1, 2, 3, 4, 5, 6, 10]);
    const list = (await getJson(request, '/api/v1/action-lines')).body;
    expect(list.total).toBe(19);
    // C7-e-business: ST-SEED-011, 012, 014 and 022 (the 2006 joint meeting and the expert meeting it precedes, kept apart as the seed does), and 7 WSIS Prizes 2015 nominations
    expect(list.data.find((a: { id: string }) => a.id === 'C7-e-business')).toMatchObject({ meeting_count: 2, stocktaking_count: 11 });
  });

  test('stocktaking and participation filters', async ({ request }) => {
    const st = (await getJson(request, '/api/v1/stocktaking?action_line=C2&stakeholder_type=international_organisation')).body;
    // 6 stated by the seeds + 1 derived by rule (a Prizes 2015 nomination led by a UN body)
    expect(st.total).toBe(7);
    expect(st.data.every((e: { action_lines: string[] }) => e.action_lines.includes('C2'))).toBe(true);
    const p = (await getJson(request, '/api/v1/participation?event=2008-05-cluster')).body;
    expect(p.total).toBe(11);
    expect(p.data.find((r: { measure: string; venue: string }) => r.measure === 'badged' && r.venue === 'all').count).toBe(490);
  });

  test('openapi.json is OpenAPI 3.1 with every endpoint and the limits', async ({ request }) => {
    const { status, body } = await getJson(request, '/api/v1/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths).sort()).toEqual(
      ['/', '/action-lines', '/action-lines/{id}', '/cross-checks', '/indicators', '/mdgs', '/mdgs/{goal}', '/observations', '/openapi.json', '/participation', '/progress', '/stocktaking', '/stocktaking/warnings'].sort()
    );
    const limit = body.paths['/observations'].get.parameters.find((p: { name: string }) => p.name === 'limit');
    expect(limit.schema).toMatchObject({ default: 1000, maximum: 10000, minimum: 1 });
  });
});

test.describe('downloads', () => {
  test('Parquet exports read back with DuckDB equal the warehouse tables', async ({ request }) => {
    const warehouse = resolve(process.env.WSIS_WAREHOUSE ?? 'test-output/e2e/wsis.duckdb');
    const dir = mkdtempSync(join(tmpdir(), 'wsis-parquet-'));
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      await conn.run(`ATTACH '${warehouse.replace(/'/g, "''")}' AS w (READ_ONLY)`);
      for (const table of ['observation', 'event']) {
        const res = await request.get(`/data/download/${table}.parquet`);
        expect(res.status()).toBe(200);
        expect(res.headers()['content-type']).toBe('application/vnd.apache.parquet');
        const bytes = await res.body();
        expect(res.headers()['content-length']).toBe(String(bytes.length));
        const file = join(dir, `${table}.parquet`);
        writeFileSync(file, bytes);
        const fingerprint = async (from: string) =>
          (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n, sum(hash(t))::VARCHAR AS h FROM ${from} t`)).getRowObjectsJson()[0];
        const fromFile = await fingerprint(`read_parquet('${file}')`);
        const fromWarehouse = await fingerprint(`w."${table}"`);
        expect(fromFile).toEqual(fromWarehouse);
        // 84,935 served values of the WSIS and population series (84,941 before KSV, Kosovo's old code, was quarantined), 17,119 ITU values
        // (itu-key-ict, itu-wtid), 63,236 of the UN SDG, UIS, E-Gov, GDL and Common Crawl sources, plus the MDG series (counted per part: the mirror grows).
        if (table === 'observation') expect(fromFile.n).toBe(84935 + 17119 + 63236 + (await mdgObservations()));
      }
    } finally {
      conn.closeSync();
      db.closeSync();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('datapackage.json lists every published table, its fields match the CSV header', async ({ request }) => {
    const pkg = await (await request.get('/data/download/datapackage.json')).json();
    expect(pkg.resources.map((r: { title: string }) => r.title).sort()).toEqual([...PUBLISHED].sort());
    for (const r of pkg.resources as { title: string; path: string; rows: number; schema: { fields: { name: string }[] } }[]) {
      const csv = await request.get(`/data/download/${r.path}`);
      expect(csv.status(), r.path).toBe(200);
      const text = await csv.text();
      const header = csvRows(text.slice(0, text.indexOf('\n') + 1))[0];
      expect(header, r.path).toEqual(r.schema.fields.map((f) => f.name));
    }
  });

  test('only listed export files are served, with a build ETag', async ({ request }) => {
    for (const bad of ['build_info.csv', '..%2Fwsis.duckdb', '..%2F..%2Fetc%2Fpasswd', 'observation.csv.bak', 'OBSERVATION.CSV']) {
      expect((await request.get(`/data/download/${bad}`)).status(), bad).toBe(404);
    }
    const res = await request.get('/data/download/wsis-data.zip');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/zip');
    expect(res.headers()['cache-control']).toBe('public, max-age=300');
    const etag = res.headers()['etag'];
    expect((await request.get('/data/download/wsis-data.zip', { headers: { 'If-None-Match': etag } })).status()).toBe(304);
  });
});

test.describe('/data page', () => {
  test('shows every table with downloads, the run record and quarantine; passes axe', async ({ page }) => {
    await page.goto('/data');
    await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
    const list = page.locator('#table-list tbody tr');
    await expect(list).toHaveCount(PUBLISHED.length);
    for (const name of PUBLISHED) await expect(page.locator(`#table-${name}`)).toHaveText(name);
    const observation = page.locator('#table-list tbody tr', { has: page.locator('th', { hasText: /^observation$/ }) });
    await expect(observation.locator('td.num')).toHaveText((84935 + 17119 + 63236 + (await mdgObservations())).toLocaleString('en-GB')); // with 17,119 ITU values and 63,236 of the five UN/GDL/Common Crawl sources
    await expect(observation.getByRole('link', { name: /^observation as Parquet/ })).toHaveAttribute('href', '/data/download/observation.parquet');
    const [[quarantined]] = await warehouseRows('SELECT count(*)::INTEGER FROM quarantine');
    expect(quarantined).toBeGreaterThanOrEqual(6); // 5 DataBank lines and Sark, plus whatever later mirror files add
    await expect(page.locator('#quarantine-count')).toHaveText(Number(quarantined).toLocaleString('en-GB'));
    await expect(page.getByRole('link', { name: 'quarantine.csv' }).first()).toHaveAttribute('href', '/data/download/quarantine.csv');
    await expect(page.getByText(/WSIS progress monitor \(build .+\), table observation\. Data: World Bank, World Development Indicators \(CC BY 4\.0\)/)).toBeVisible();
    await expect(page.locator('table', { has: page.getByText('worldbank-api') }).getByRole('row', { name: /worldbank-api/ })).toContainText('partial');
    // Every batch, written once per build ($lib/batch-table.ts): the served 2026-07-13 Internet-use batch with its count.
    const [[batches, internetRows]] = await warehouseRows(
      `SELECT count(*)::INTEGER, (SELECT rows_loaded::INTEGER FROM observation_batch WHERE indicator = 'IT.NET.USER.ZS' AND vintage = DATE '2026-07-13' AND is_served LIMIT 1) FROM observation_batch`
    );
    const batchRows = page.locator('.batches tbody tr');
    await expect(batchRows).toHaveCount(Number(batches));
    const internet = batchRows.filter({ hasText: 'IT.NET.USER.ZS' }).filter({ hasText: '2026-07-13' }).first();
    await expect(internet.locator('td.num')).toHaveText(Number(internetRows).toLocaleString('en-GB'));
    await expect(internet.locator('td').last()).toHaveText('yes');
    await expectAccessibleScreenshot(page, 'data');
  });

  test('works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/data');
    await expect(page.locator('#table-list tbody tr')).toHaveCount(PUBLISHED.length);
    await context.close();
  });
});
