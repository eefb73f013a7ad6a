// ITU's published aggregates and the ITU / World Bank cross-check, against the warehouse built
// from ../shared/data. Figures: itu/key-ict-2005-2019/ITU_Key_2005-2019_ICT_data_with
// LDCs_28Oct2019_Final.xls (Internet users, Africa row 174 and World row 75, column AE = 2019*)
// and worldbank/excel-resaved-2026/API_IT.NET.USER.ZS_DS2_en_csv_v2_33086.csv (WLD 2019 = 53.9).
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { expectAccessible, expectAccessibleScreenshot, screenshot, SCREENSHOT_DIR } from './helpers';

test('/regions lists ITU\'s groups and regions, each with a page', async ({ page }) => {
  await page.goto('/regions');
  const regions = page.locator('table', { has: page.locator('caption', { hasText: 'ITU/BDT regions (published by ITU)' }) });
  await expect(regions.locator('tbody tr td:nth-child(2)')).toHaveText(['ITU_AFR', 'ITU_ARB', 'ITU_ASP', 'ITU_CIS', 'ITU_EUR', 'ITU_AMS']);
  const groups = page.locator('table', { has: page.locator('caption', { hasText: 'ITU world and development groups' }) });
  await expect(groups.locator('tbody tr td:nth-child(2)')).toHaveText(['ITU_WLD', 'ITU_DEV', 'ITU_DVG', 'ITU_LDC']);
  await expect(regions.getByRole('link', { name: 'Africa (ITU region)' })).toHaveAttribute('href', '/regions/ITU_AFR');
});

test('ITU Africa: ITU\'s published series against ITU\'s world, 2019 marked as an estimate', async ({ page }) => {
  await page.goto('/regions/ITU_AFR');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Africa (ITU region)');
  await expect(page.locator('main')).toContainText("Figures are ITU's published aggregate for Africa (ITU region), compared with the world (ITU_WLD)");
  await expect(page.locator('#estimates')).toHaveText("The publisher marks its 2019 values as estimates (the key ICT file's 2019*).");
  // Africa 2019* = 28.18390818863501 (row 174, column AE)
  const internet = page.locator('table.status-table tr[data-indicator="ITU_INET"]');
  await expect(internet.locator('td.latest')).toHaveText('28.2% (2019)');
  // World 2019* = 53.5593325462751 (row 75): ITU's world, not the World Bank's 53.9
  await expect(page.locator('figure[data-chart="region-indicator-ITU_INET"] .summary')).toHaveText(
    "Individuals using the Internet in Africa (ITU region) rose from 2.7% in 2005 to 28.2% in 2019, below the World's 53.6% that year."
  );
  await expectAccessibleScreenshot(page, 'itu-region-africa');
});

test('target 10: ITU and World Bank world Internet use side by side, with the difference', async ({ page }) => {
  await page.goto('/targets/10');
  const check = page.locator('#cross-checks figure[data-indicator="ITU_INET"]');
  const y2019 = check.locator('tr[data-year="2019"] td');
  await expect(y2019).toHaveText(['2019*', '53.6%', '53.9%', '−0.3%']);
  // 2005: ITU 16.82022389756357, World Bank 15.6
  await expect(check.locator('tr[data-year="2005"] td')).toHaveText(['2005', '16.8%', '15.6%', '+1.2%']);
  await expect(check.locator('.source')).toContainText('* ITU estimate (2019).');
  await expectAccessible(page);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.locator('#cross-checks').screenshot({ path: `${SCREENSHOT_DIR}/target-10-cross-checks.png` });
});

test('the cross-check API answers for either code and refuses others', async ({ request }) => {
  const res = await request.get('/api/v1/cross-checks?indicator=IT.NET.USER.ZS');
  expect(res.status()).toBe(200);
  const [check] = (await res.json()).data;
  expect(check.itu).toMatchObject({ code: 'ITU_INET', economy: 'ITU_WLD', vintage: '2019-10-28' });
  expect(check.worldBank).toMatchObject({ code: 'IT.NET.USER.ZS', economy: 'WLD' });
  const r2019 = check.rows.find((r: { year: number }) => r.year === 2019);
  expect(r2019.itu).toBeCloseTo(53.5593325462751, 10);
  expect(r2019.ituEstimate).toBe(true);
  expect(r2019.worldBank).toBe(53.9);
  expect(r2019.difference).toBeCloseTo(-0.3406674537249, 10);
  expect((await request.get('/api/v1/cross-checks?indicator=SP.POP.TOTL')).status()).toBe(404);
  expect((await request.get('/api/v1/cross-checks?indicator=a%20b')).status()).toBe(400);
  expect((await (await request.get('/api/v1/cross-checks')).json()).data.map((c: { itu: { code: string } }) => c.itu.code)).toEqual([
    'ITU_INET',
    'ITU_MOB_P100',
    'ITU_FTEL_P100',
    'ITU_FBB_P100'
  ]);
});
