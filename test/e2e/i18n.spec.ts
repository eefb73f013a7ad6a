// The interface in French and Spanish: the language in the URL (/fr/..., /es/..., English without
// prefix), lang on <html>, numbers in the language's own writing, a switcher that keeps the page
// and its filters, links that stay in the language, and still no JavaScript. Figures as in
// overview-targets.spec.ts: WLD IT.NET.USER.ZS 2025 = 73.6 (first >= 50 % in 2019).
import { expect, test, type Page } from '@playwright/test';
import { pageWeight } from '../../bench/weight';
import { expectAccessible, screenshot } from './helpers';

const NBSP = '\u00a0';

/** Internal links of the page that do not name their language (the switcher does) nor point to a file or the API. */
async function pageLinks(page: Page): Promise<string[]> {
  return page
    .locator('a[href^="/"]:not([hreflang])')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!).filter((h) => !/^\/(api|download|data\/download)\//.test(h) && !h.endsWith('.csv') && !h.endsWith('.json')));
}

test('French overview: lang, headings, verdict words and decimal commas', async ({ page }) => {
  const res = await page.goto('/fr');
  expect(res?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cibles du SMSI : où en est le monde');
  await expect(page.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: 'Cibles' })).toHaveAttribute('href', '/fr/targets');
  const internet = page.locator('tr[data-indicator="10.5"]');
  await expect(internet.locator('td.latest')).toHaveText(`73,6${NBSP}% (2025)`);
  await expect(internet.locator('td.by-horizon .status')).toHaveText('Progrès trop lents');
  await expect(internet.locator('td.now .status')).toHaveText('Atteinte en retard (2019)');
  // Names from the sources stay as published, and the page says so once.
  await expect(page.locator('.names-note')).toHaveCount(1);
  await expect(page.locator('.names-note')).toContainText('tels que publiés par leurs sources');
  const links = await pageLinks(page);
  expect(links.length).toBeGreaterThan(20);
  expect(links.filter((h) => !/^\/fr(\/|$|\?|#)/.test(h))).toEqual([]);
  await expectAccessible(page);
  await screenshot(page, 'fr-overview');
});

test('Spanish overview and target 10: lang, headings, numbers, verdicts', async ({ page }) => {
  await page.goto('/es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Metas de la CMSI: situación mundial');
  await expect(page.locator('tr[data-indicator="10.5"] td.latest')).toHaveText(`73,6${NBSP}% (2025)`);
  await expectAccessible(page);
  await screenshot(page, 'es-overview');

  await page.goto('/es/targets/10');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  // The target's short title is the project's reference data, as published: only "Meta 10" is translated.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meta 10: ICT access for more than half the world');
  const world = page.locator('table.groups tr[data-economy="WLD"]');
  await expect(world).toContainText(`73,6${NBSP}% (2025)`);
  await expect(world.locator('td.now')).toHaveText('Alcanzada con retraso (2019)');
  expect((await pageLinks(page)).filter((h) => !/^\/es(\/|$|\?|#)/.test(h))).toEqual([]);
  await expectAccessible(page);
  await screenshot(page, 'es-target-10');
});

test('French target 10', async ({ page }) => {
  await page.goto('/fr/targets/10');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cible 10 : ICT access for more than half the world');
  await expect(page.locator('table.groups tr[data-economy="WLD"] td.by-horizon')).toHaveText('Progrès trop lents');
  await expectAccessible(page);
  await screenshot(page, 'fr-target-10');
});

test('methodology in French and Spanish, with the English anchors', async ({ page }) => {
  for (const [locale, h1, metLate] of [
    ['fr', 'Comment les progrès vers une cible sont évalués', 'Atteinte en retard'],
    ['es', 'Cómo se evalúa el avance hacia una meta', 'Alcanzada con retraso']
  ] as const) {
    await page.goto(`/${locale}/methodology`);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
    await expect(page.locator('.method table').nth(1)).toContainText(metLate);
    // Other pages link to #8c-parity-goals: the translated heading keeps the English id.
    await expect(page.locator('h2[id="8c-parity-goals"]')).toHaveCount(1);
    await expect(page.locator('tr[data-constant="PARITY_LOWER"] td').nth(1)).toHaveText('0.97');
    await expectAccessible(page);
    await screenshot(page, `${locale}-methodology`);
  }
});

test('the language switcher keeps the page and its filters; forms stay in the language', async ({ page }) => {
  await page.goto('/fr/targets/10?year=2020&region=SAS&x=1');
  const languages = page.getByRole('navigation', { name: 'Langue' });
  await expect(languages.getByRole('link', { name: 'Français' })).toHaveAttribute('aria-current', 'true');
  await languages.getByRole('link', { name: 'Español' }).click();
  // The parameters the page reads, in the page cache's order; the unknown x is dropped.
  await expect(page).toHaveURL(/\/es\/targets\/10\?year=2020&region=SAS$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('select[name=region]')).toHaveValue('SAS');
  await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/targets\/10\?year=2020&region=SAS$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // A GET form on a French page submits to the French page.
  await page.goto('/fr/targets/10');
  await page.locator('select[name=region]').selectOption('SAS');
  await page.locator('section[aria-labelledby="rank-h"]').getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(/\/fr\/targets\/10\?.*region=SAS/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('no JavaScript, the same CSP, and one cache entry per language', async ({ request, baseURL }) => {
  const pages = ['/fr', '/es', '/fr/targets/10', '/es/targets/10', '/fr/methodology', '/es/methodology', '/fr/countries/KEN'];
  const weights = [];
  for (const path of pages) {
    const weight = await pageWeight(baseURL!, path);
    expect(weight.httpStatus, path).toBe(200);
    weights.push(`${path} ${weight.jsBytes} B JS, ${weight.htmlBytes} B HTML (gzip)`);
    expect(weight.jsBytes, path).toBe(0);
    const res = await request.get(path);
    expect(res.headers()['content-security-policy'], path).toContain("script-src 'none'");
  }
  console.log(weights.join('\n'));

  // The same route in two languages: two entries, each served again in its own language.
  for (const path of ['/fr/targets/10', '/targets/10', '/fr/targets/10', '/targets/10']) {
    const res = await request.get(path);
    expect(await res.text()).toContain(`<html lang="${path.startsWith('/fr') ? 'fr' : 'en'}"`);
  }
  const again = await request.get('/fr/targets/10');
  expect(again.headers()['x-page-cache']).toBe('hit');
  expect(again.headers()['etag']).not.toBe((await request.get('/targets/10')).headers()['etag']);
});

test('files and the API have one address in every language', async ({ request }) => {
  expect((await request.get('/fr/api/v1/indicators')).status()).toBe(404);
  expect((await request.get('/api/v1/indicators')).status()).toBe(200);
  const notFound = await request.get('/es/no-such-page');
  expect(notFound.status()).toBe(404);
  expect(await notFound.text()).toContain('Página no encontrada');
});
