// World maps on the target and region pages (warehouse built from ../shared/data).
import { expect, test } from '@playwright/test';
import { expectAccessibleScreenshot, screenshot } from './helpers';

test('target 10 maps Internet use per country', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/targets/10');
  const map = page.locator('figure[data-chart="indicator-map-IT-NET-USER-ZS"]');
  await expect(map.locator('h3')).toHaveText('Individuals using the Internet by country, latest value');
  // observation IT.NET.USER.ZS KEN 2024 = 34.976 (vintage 2026-07-13); Kenya's shape is M49 404.
  await expect(map.locator('svg path title', { hasText: 'Kenya: 35.0% (2024)' })).toHaveCount(1);
  // Channel Islands has no value and no M49 code; Maldives has a value but no shape at 1:110m.
  await expect(map.locator('.note').first()).toContainText('No data: Channel Islands');
  await expect(map.locator('.note').nth(1)).toContainText('Maldives');
  await map.locator('summary').click();
  await expect(map.locator('tr', { hasText: 'Maldives' })).toContainText('too small at this scale');

  await expectAccessibleScreenshot(page, 'map-target-10');
});

test('the verdict map is one link away (one map per page load keeps the page light on phones)', async ({ page }) => {
  // axe on the long target page takes long on a loaded machine.
  test.setTimeout(120_000);
  await page.goto('/targets/10');
  await expect(page.locator('figure[data-chart="status-map-IT-NET-USER-ZS"]')).toHaveCount(0);
  await page.getByRole('link', { name: 'Progress verdict per country' }).click();
  await expect(page).toHaveURL(/map=status/);
  await expect(page.getByRole('link', { name: 'Progress verdict per country' })).toHaveAttribute('aria-current', 'true');
  const status = page.locator('figure[data-chart="status-map-IT-NET-USER-ZS"]');
  await expect(status.locator('h3')).toContainText('progress verdict per country, goal 50.0% by 2015');
  await expect(status.locator('.summary')).toContainText('of 217 countries');
  // Kenya: 35.0% in 2024, below 50%: after the 2015 horizon the verdict is "not met".
  await expect(status.locator('svg path title', { hasText: /^Kenya: Not met \(35\.0% in 2024\)/ })).toHaveCount(1);
  await expectAccessibleScreenshot(page, 'map-target-10-status');
});

test('the map year is chosen in the URL; an unknown year is a 400 with a way back', async ({ page }) => {
  await page.goto('/targets/10');
  await page.getByLabel('Map year').selectOption('2020');
  await page.locator('form:has(select[name="mapyear"]) button').click();
  await expect(page).toHaveURL(/mapyear=2020/);
  const map = page.locator('figure[data-chart="indicator-map-IT-NET-USER-ZS"]');
  await expect(map.locator('h3')).toHaveText('Individuals using the Internet by country, 2020');
  // observation IT.NET.USER.ZS KEN 2020 = 24.7228
  await expect(map.locator('svg path title', { hasText: 'Kenya: 24.7% (2020)' })).toHaveCount(1);
  const csv = await (await page.request.get((await map.locator('a[href$=".csv?indicator=IT.NET.USER.ZS&year=2020"]').getAttribute('href'))!)).text();
  expect(csv.split(/\r?\n/)[0]).toBe('country,code,value,year,class,map');
  expect(csv).toMatch(/\r?\nKenya,KEN,24\.72\d*,2020,20–40,on the map/);

  for (const q of ['mapyear=1850', 'map=pie']) {
    const bad = await page.goto(`/targets/10?${q}`);
    expect(bad?.status(), q).toBe(400);
  }
  await expect(page.getByRole('link', { name: /targets/i }).first()).toBeVisible();
});

test('a region page maps its members only', async ({ page }) => {
  await page.goto('/regions/SSF');
  const map = page.locator('figure[data-chart="indicator-map-IT-NET-USER-ZS-SSF"]');
  await expect(map.locator('h3')).toHaveText('Individuals using the Internet, members of Sub-Saharan Africa, latest value');
  await expect(map.locator('.summary')).toContainText('48 of 48 members of Sub-Saharan Africa have a value');
  await expect(map.locator('svg path title', { hasText: 'France: not a member' })).toHaveCount(1);
  await screenshot(page, 'map-region-SSF');
});
