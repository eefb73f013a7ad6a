// Taking a chart away: its SVG file (title, source and vintage inside the image) and its embed view.
import { expect, test } from '@playwright/test';
import { expectAccessibleScreenshot } from './helpers';

test('a chart downloads as one SVG file that names itself and its source', async ({ page }) => {
  await page.goto('/targets/10');
  const figure = page.locator('figure[data-chart="target-projection"]');
  const link = figure.getByRole('link', { name: 'Download the chart (SVG)' });
  await expect(link).toHaveAttribute('href', '/download/chart/target-projection.svg?indicator=IT.NET.USER.ZS&horizon=2015');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('target-projection.svg');
  const svg = await (await page.request.get((await link.getAttribute('href'))!)).text();
  expect(svg.startsWith('<?xml')).toBe(true);
  expect(svg).toContain('<title>World: Individuals using the Internet (% of population), observed and the trend as of 2015</title>');
  // The served file and vintage are written inside the image (observation_batch, is_served).
  expect(svg).toMatch(/<text[^>]*>[^<]*vintage 2026-07-13/);
  expect(svg).toContain('World Internet use rose from 15.6% in 2005 to 39.9% in 2015');

  // Open on its own, the file renders as a picture with the chart inside.
  await page.setContent(`<img alt="chart" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`);
  const size = await page.locator('img').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(size[0]).toBeGreaterThanOrEqual(720);
  expect(size[1]).toBeGreaterThan(300);
});

test('a map downloads as SVG with its legend and source', async ({ request }) => {
  const res = await request.get('/download/chart/indicator-map.svg?indicator=IT.NET.USER.ZS&year=2020');
  expect(res.headers()['content-type']).toContain('image/svg+xml');
  const svg = await res.text();
  expect(svg).toContain('Individuals using the Internet by country, 2020');
  expect(svg).toContain('<title>Kenya: 24.7% (2020)</title>');
  expect(svg).toContain('>no data</text>');
  expect(svg).toContain('Natural Earth');
  expect((await request.get('/download/chart/nope.svg')).status()).toBe(404);
  expect((await request.get('/download/chart/indicator-map.png')).status()).toBe(404);
});

test('the embed view shows one chart alone with a link back', async ({ page }) => {
  await page.goto('/targets/10?mapyear=2020');
  const figure = page.locator('figure[data-chart="indicator-map-IT-NET-USER-ZS"]');
  await figure.getByRole('link', { name: 'Embed this chart' }).click();
  await expect(page).toHaveURL(/\/embed\/indicator-map\?indicator=IT.NET.USER.ZS&year=2020&from=/);
  await expect(page.locator('figure')).toHaveCount(1);
  await expect(page.locator('header.site, nav')).toHaveCount(0);
  await expect(page.locator('h3')).toHaveText('Individuals using the Internet by country, 2020');
  await expectAccessibleScreenshot(page, 'embed-map');
  await page.getByRole('link', { name: 'See this chart on the WSIS progress monitor' }).click();
  await expect(page).toHaveURL(/\/targets\/10\?mapyear=2020$/);

  await page.goto('/embed/target-coverage?indicator=IT.NET.USER.ZS&from=https://evil.example/');
  await expect(page.getByRole('link', { name: 'See this chart on the WSIS progress monitor' })).toHaveAttribute('href', '/');
  expect((await page.goto('/embed/nope'))?.status()).toBe(404);
});
