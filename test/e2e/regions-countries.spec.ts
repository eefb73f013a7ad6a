// Region and country pages against the warehouse built from ../shared/data. Expected figures
// were read from the warehouse with scripts/query.mts (the query is in each comment).
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { csvObjects, expectAccessible, expectAccessibleScreenshot, expectVerdicts, screenshot } from './helpers';

/** Text of each cell of a table's body rows. */
async function tableRows(page: Page, selector: string): Promise<string[][]> {
  return page.locator(`${selector} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()))
  );
}

const oneDecimal = (v: string) => (v === '' ? '–' : Number(v).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

test.describe('region page', () => {
  test('Sub-Saharan Africa: published series, world, computed aggregate, status, members', async ({ page }) => {
    await page.goto('/regions/SSF');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Sub-Saharan Africa');

    // observation IT.NET.USER.ZS SSF: 2005 = 2, 2025 = 35.7; WLD 2025 = 73.6 (vintage 2026-07-13).
    const status = page.locator('table.status-table tr[data-indicator="IT.NET.USER.ZS"]');
    await expectVerdicts(status, { latest: '35.7% (2025)', byHorizon: 'Progress too slow', now: 'Not met by 2015 (trend reaches it in 2028)' });
    await expect(status).toContainText('vintage 2026-07-13');
    // IT.CEL.SETS.P2 SSF 2022 = 88.565 (vintage 2024-02-21): above the 50 per 100 goal.
    const mobile = page.locator('table.status-table tr[data-indicator="IT.CEL.SETS.P2"]');
    await expectVerdicts(mobile, { latest: '88.6 per 100 (2022)', byHorizon: 'Target met (2011)', now: 'Met on time (2011)' });

    const chart = page.locator('figure[data-chart="region-indicator-IT-NET-USER-ZS"]');
    await expect(chart.locator('.summary')).toHaveText(
      "Individuals using the Internet in Sub-Saharan Africa rose from 2.0% in 2005 to 35.7% in 2025, below the World's 73.6% that year; the goal is 50.0%."
    );
    await expect(chart.locator('svg').first()).toBeVisible();
    // Data table row 2015: SSF 16.2, WLD 39.9, computed = Σ pop·v / Σ pop over the 48 SSF members = 16.068, coverage 100 %.
    const rows = await tableRows(page, 'figure[data-chart="region-indicator-IT-NET-USER-ZS"] table');
    expect(rows.find((r) => r[0] === '2015')).toEqual(['2015', '16.2', '39.9', '16.1', '100.0', 'available']);

    // Computed against published: the 2015 row, the max difference and the years below the coverage threshold.
    const agg = await tableRows(page, '#aggregate-table');
    expect(agg.find((r) => r[0] === '2015')).toEqual(['2015', '16.2%', '16.1%', '-0.1%', '100.0%', '48 of 48']);
    expect(agg.find((r) => r[0] === '1991')?.[2]).toBe('not available');
    await expect(page.locator('.max-diff')).toHaveText('1.2%');
    await expect(page.locator('p.warning')).toContainText('1991, 1992, 1993, 1994, 1995');

    // Members: 48 (economy_group wb_region SSF); Angola 2024 = 40.705.
    const members = await tableRows(page, '#members-table');
    expect(members).toHaveLength(48);
    expect(members.find((r) => r[0] === 'Angola')).toEqual(['Angola', '40.7%', '2024', '2026-07-13']);
    await page.getByRole('link', { name: 'Angola' }).click();
    await expect(page).toHaveURL(/\/countries\/AGO\?indicator=IT.NET.USER.ZS&horizon=2015$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Angola');
  });

  test('filters live in the URL and work as a GET form', async ({ page }) => {
    await page.goto('/regions/SSF');
    await page.getByLabel('Indicator').selectOption('IT.CEL.SETS.P2');
    await page.getByLabel('Horizon (target year)').selectOption('2012');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/\/regions\/SSF\?indicator=IT.CEL.SETS.P2&horizon=2012$/);
    await expect(page.locator('table.status-table th').nth(4)).toHaveText('Status by 2012 (data up to 2012)');
    const first = page.locator('figure.chart').first();
    await expect(first.locator('h3')).toHaveText('Mobile cellular subscriptions: Sub-Saharan Africa and the world, against the goal of 50.0 per 100');
    // Members' latest mobile value: Angola 2022 (IT.CEL.SETS.P2 vintage 2024-02-21).
    await expect(page.locator('#members-table tr[data-code="AGO"] td').nth(2)).toHaveText('2022');
  });

  test('the CSV download holds exactly the rows of the chart table', async ({ page }) => {
    await page.goto('/regions/SSF');
    const chart = page.locator('figure[data-chart="region-indicator-IT-NET-USER-ZS"]');
    const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('link', { name: 'Download these data (CSV)' }).click()]);
    const csv = csvObjects(readFileSync(await download.path(), 'utf8'));
    const rows = await tableRows(page, 'figure[data-chart="region-indicator-IT-NET-USER-ZS"] table');
    expect(csv.length).toBe(rows.length);
    expect(csv.map((r) => [r.year, oneDecimal(r.published), oneDecimal(r.world), oneDecimal(r.computed)])).toEqual(
      rows.map((r) => r.slice(0, 4))
    );
    expect(csv.find((r) => r.year === '2015')?.published).toBe('16.2');
  });

  test('World page has no world comparison but the computed world; index lists groups with counts', async ({ page }) => {
    await page.goto('/regions/WLD');
    // WLD IT.NET.USER.ZS 2015 = 39.9 (vintage 2026-07-13).
    const rows = await tableRows(page, 'figure[data-chart="region-indicator-IT-NET-USER-ZS"] table');
    expect(rows.find((r) => r[0] === '2015')?.[1]).toBe('39.9');
    await expect(page.locator('figure.chart').first().locator('.summary')).toContainText('in the world rose from 15.6% in 2005 to 73.6% in 2025');

    await page.goto('/regions');
    // economy_group counts: SSF 48, LLDC 32, SIDS 53, developed 65, developing 182.
    const groups = await tableRows(page, 'table.data');
    expect(groups.find((r) => r[1] === 'SSF')).toEqual(['Sub-Saharan Africa', 'SSF', '48']);
    expect(groups.find((r) => r[1] === 'LLDC')?.[2]).toBe('32');
    expect(groups.find((r) => r[1] === 'SIDS')?.[2]).toBe('53');
    expect(groups.find((r) => r[1] === 'DEVELOPING')?.[2]).toBe('182');
    await expect(page.getByRole('link', { name: 'High income' })).toHaveAttribute('href', '/regions/HIC');
    await expectAccessibleScreenshot(page, 'regions-index');
  });

  for (const [url, status] of [
    ['/regions/XXX', 404],
    ['/regions/ssf', 404],
    ['/regions/KEN', 404],
    ['/regions/SSF?indicator=NOPE', 404],
    ['/regions/SSF?horizon=2020', 400]
  ] as const) {
    test(`${url} answers ${status} with a way back`, async ({ page }) => {
      const res = await page.goto(url);
      expect(res?.status()).toBe(status);
      await expect(page.getByRole('link', { name: 'All regions and groups' })).toHaveAttribute('href', '/regions');
    });
  }

  test('axe and screenshot', async ({ page }) => {
    await page.goto('/regions/SSF');
    await expectAccessibleScreenshot(page, 'region-SSF');
    await page.goto('/regions/XXX');
    await expectAccessible(page);
  });
});

test.describe('country page', () => {
  test('Kenya: classification, status, comparison, vintages and revisions', async ({ page }) => {
    await page.goto('/countries/KEN');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Kenya');
    await expect(page.locator('.facts')).toContainText('Sub-Saharan Africa');
    await expect(page.getByRole('link', { name: 'Sub-Saharan Africa' }).first()).toHaveAttribute('href', '/regions/SSF');
    await expect(page.getByRole('link', { name: 'Lower middle income' })).toHaveAttribute('href', '/regions/LMC');

    // KEN IT.NET.USER.ZS 2024 = 34.976 (vintage 2026-07-13); IT.CEL.SETS.P2 2022 = 121.674 (vintage 2024-02-21).
    await expect(page.locator('tr[data-indicator="IT.NET.USER.ZS"] td.latest')).toHaveText('35.0% (2024)');
    await expect(page.locator('tr[data-indicator="IT.CEL.SETS.P2"] td.latest')).toHaveText('121.7 per 100 (2022)');
    await expect(page.locator('tr[data-indicator="IT.CEL.SETS.P2"] td.now .status')).toHaveText('Met on time (2010)');

    // Chart table 2015: KEN 16.588, SSF 16.2, WLD 39.9.
    const rows = await tableRows(page, 'figure[data-chart="country-indicator-IT-NET-USER-ZS"] table');
    expect(rows.find((r) => r[0] === '2015')).toEqual(['2015', '16.6', '16.2', '39.9']);

    // Served from the 2026-07-13 batch; the 2017-02-01 vintage had 45.62 for 2015 (observation_all).
    await expect(page.locator('ul.served')).toContainText('worldbank/excel-resaved-2026/API_IT.NET.USER.ZS_DS2_en_csv_v2_33086.csv');
    await expect(page.locator('ul.served')).toContainText('2026-07-13');
    const rev = page.locator('#revisions-table tr[data-year="2015"]');
    await expect(rev).toContainText('45.6%');
    await expect(rev.locator('td.served-value')).toHaveText('16.6% (served)');
    // Three WSIS Prizes 2015 nominations name KENYA (lines 63, 64 and 102 of the list)
    await expect(page.locator('#stocktaking-table tbody tr')).toHaveCount(3);
    await expect(page.locator('#stocktaking-table')).toContainText('WSIS-PRIZES-2015-63');

    await expectAccessibleScreenshot(page, 'country-KEN');
  });

  test('countries index links countries by region', async ({ page }) => {
    await page.goto('/countries');
    const ssf = page.locator('section', { has: page.getByRole('heading', { name: /Sub-Saharan Africa/ }) });
    await expect(ssf.getByRole('link', { name: 'Kenya' })).toHaveAttribute('href', '/countries/KEN');
    await expect(ssf.locator('ul.countries li')).toHaveCount(48);
    await expectAccessibleScreenshot(page, 'countries-index');
  });

  for (const url of ['/countries/XXX', '/countries/12', '/countries/ken', '/countries/WLD', '/countries/KEN?indicator=NOPE']) {
    test(`${url} answers 404 with a way back`, async ({ page }) => {
      const res = await page.goto(url);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole('link', { name: 'All countries' })).toHaveAttribute('href', '/countries');
    });
  }

  test('keyboard reaches the filters and the region link', async ({ page }) => {
    await page.goto('/countries/KEN');
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('name') === 'indicator');
    }
    expect(reached).toBe(true);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('country filters and CSV work with JavaScript off', async ({ page }) => {
    await page.goto('/countries/KEN');
    await page.getByLabel('Indicator').selectOption('IT.CEL.SETS.P2');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/\/countries\/KEN\?indicator=IT.CEL.SETS.P2&horizon=2015$/);
    const chart = page.locator('figure.chart').first();
    await expect(chart).toHaveAttribute('data-chart', 'country-indicator-IT-CEL-SETS-P2');
    // With JavaScript off, fetch the link's target (the click-to-download path is tested on the region page).
    const href = await chart.getByRole('link', { name: 'Download these data (CSV)' }).getAttribute('href');
    expect(href).toBe('/download/chart/country-indicator.csv?iso3=KEN&indicator=IT.CEL.SETS.P2&horizon=2015');
    const response = await page.request.get(href!);
    expect(response.headers()['content-type']).toContain('text/csv');
    const csv = csvObjects(await response.text());
    const rows = await tableRows(page, 'figure[data-chart="country-indicator-IT-CEL-SETS-P2"] table');
    expect(csv.map((r) => [r.year, oneDecimal(r.country), oneDecimal(r.region), oneDecimal(r.world)])).toEqual(rows);
    // KEN IT.CEL.SETS.P2 2022 = 121.6735548.
    expect(Number(csv.find((r) => r.year === '2022')?.country)).toBeCloseTo(121.6735548, 5);
  });
});
