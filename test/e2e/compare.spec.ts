// /compare: one indicator, up to ten economies, one chart, the table, the CSV and each series' source.
import { expect, test } from '@playwright/test';
import { expectAccessibleScreenshot } from './helpers';

test('five countries on one chart with the goal line, table, CSV and sources', async ({ page }) => {
  await page.goto('/compare?indicator=IT.NET.USER.ZS&economy=KEN,NGA,ZAF,EGY,ETH');
  const chart = page.locator('figure[data-chart="compare"]');
  // observation IT.NET.USER.ZS 2024 (vintage 2026-07-13): ZAF 78.4, EGY 74.6, NGA 41.2, KEN 34.976, ETH 21.9
  await expect(chart.locator('.summary')).toHaveText(
    'Latest values: South Africa 78.4% (2024), Egypt, Arab Rep. 74.6% (2024), Nigeria 41.2% (2024), Kenya 35.0% (2024), Ethiopia 21.9% (2024). 2 of 5 are at or above the goal of 50.0%.'
  );
  await expect(chart.locator('svg text', { hasText: 'goal 50' })).toHaveCount(1);
  for (const code of ['KEN', 'NGA', 'ZAF', 'EGY', 'ETH']) await expect(chart.locator('svg text', { hasText: new RegExp(`^${code}$`) })).toHaveCount(1);
  await expect(chart.locator('.source')).toContainText('vintage 2026-07-13');
  await expect(page.locator('table.sources tbody tr')).toHaveCount(5);
  await expect(page.locator('table.sources tr[data-economy="KEN"]')).toContainText('2026-07-13');

  const href = (await chart.locator('a[download][href*=".csv"]').getAttribute('href'))!;
  const csv = (await (await page.request.get(href)).text()).split(/\r?\n/);
  expect(csv[0]).toBe('economy,name,year,value');
  expect(csv.find((l) => l.startsWith('KEN,Kenya,2024,'))).toMatch(/^KEN,Kenya,2024,34\.97/);
  expect(csv.filter((l) => l.startsWith('ETH,')).length).toBeGreaterThan(20);
  await expectAccessibleScreenshot(page, 'compare-five');
});

test('the form is a GET form: choosing economies makes a shareable link', async ({ page }) => {
  await page.goto('/countries/KEN');
  await page.getByRole('link', { name: /Compare Kenya with other countries/ }).click();
  await expect(page).toHaveURL(/\/compare\?indicator=IT.NET.USER.ZS&economy=KEN,SSF,WLD$/);
  await page.getByLabel(/Economies/).selectOption(['NGA', 'ZAF']);
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/economy=NGA&economy=ZAF/);
  await expect(page.getByRole('list', { name: 'Compared economies' }).getByRole('listitem')).toHaveCount(2);
  await page.goto('/targets/10');
  await expect(page.getByRole('link', { name: /Compare countries and regions/ })).toHaveAttribute('href', /\/compare\?indicator=IT.NET.USER.ZS&economy=WLD,/);
});

test('bad input: 400 for malformed or too many codes, 404 for unknown ones, each with a way back', async ({ page }) => {
  for (const [url, status] of [
    ['/compare?economy=K;N', 400],
    ['/compare?economy=KEN,NGA,ZAF,EGY,ETH,GHA,UGA,TZA,RWA,SEN,MLI', 400],
    ['/compare?economy=ZZZ', 404],
    ['/compare?indicator=NOPE&economy=KEN', 404]
  ] as const) {
    const r = await page.goto(url);
    expect(r?.status(), url).toBe(status);
    await expect(page.getByRole('link', { name: 'Start a new comparison' })).toHaveAttribute('href', '/compare');
  }
});
