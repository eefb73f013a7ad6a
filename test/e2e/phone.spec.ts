// Every page type on a 390 x 844 phone screen: the page as a whole never scrolls sideways
// (wide tables scroll in their own box, charts scale, the navigation wraps). Screenshots go to
// test-output/screenshots/phone-*.png.
import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot } from './helpers';

const PAGES: [string, string][] = [
  ['overview', '/'],
  ['targets', '/targets'],
  ['target-10', '/targets/10'],
  ['action-lines', '/action-lines'],
  ['action-line-C3', '/action-lines/C3'],
  ['regions', '/regions'],
  ['region-SSF', '/regions/SSF'],
  ['countries', '/countries'],
  ['country-KEN', '/countries/KEN'],
  ['stakeholders', '/stakeholders'],
  ['methodology', '/methodology'],
  ['data', '/data'],
  ['compare', '/compare?indicator=IT.NET.USER.ZS&economy=KEN,NGA,ZAF,EGY,ETH'],
  ['embed', '/embed/indicator-map?indicator=IT.NET.USER.ZS'],
  ['not-found', '/targets/99'],
  // French and Spanish run longer than English: the same pages must still fit.
  ['fr-overview', '/fr'],
  ['es-target-10', '/es/targets/10'],
  ['fr-data', '/fr/data'],
  ['es-stakeholders', '/es/stakeholders']
];

test.use({ viewport: { width: 390, height: 844 } });

for (const [name, path] of PAGES) {
  test(`${path} fits a 390-pixel screen`, async ({ page }) => {
    test.setTimeout(120_000); // axe on the longest pages, on a loaded machine
    await page.goto(path);
    const [docWidth, viewport] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(viewport).toBe(390);
    expect(docWidth).toBe(viewport);
    // The navigation and the language switcher are all on screen, not cut off.
    for (const link of await page.locator('header.site nav a').all()) {
      const box = (await link.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await screenshot(page, `phone-${name}`);
    await expectAccessible(page);
  });
}

test('a wide table scrolls in its own box with the first column fixed', async ({ page }) => {
  await page.goto('/');
  const table = page.locator('table.scorecard');
  const [scrollWidth, clientWidth] = await table.evaluate((t) => [t.scrollWidth, t.clientWidth]);
  expect(scrollWidth).toBeGreaterThan(clientWidth); // wider than the screen, so it scrolls...
  const first = table.locator('tbody tr[data-indicator] > :first-child').first();
  const before = (await first.boundingBox())!.x;
  await table.evaluate((t) => t.scrollBy(300, 0));
  expect((await first.boundingBox())!.x).toBe(before); // ...and its first column stays put
  await expectAccessible(page);
});
