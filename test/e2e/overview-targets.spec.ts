// Overview, target pages and methodology: real warehouse values, filters through the URL,
// CSV = table, bad ids, accessibility. Expected figures were queried from the warehouse built
// from ../shared/data (npx tsx scripts/query.mts <db> "select ...") and are noted beside each.
import { expect, test, type Page } from '@playwright/test';
import { csvRows, expectAccessibleScreenshot, expectVerdicts, screenshot, warehouseRows } from './helpers';

async function tableRows(page: Page, figure: string): Promise<string[][]> {
  return page.locator(`${figure} details table tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()))
  );
}

test('overview: scorecard, trends and review from the warehouse', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('WSIS targets: where the world stands');
  // Target indicator 10.5 (Internet use, numbered as in the 2014 review): WLD IT.NET.USER.ZS 2025 = 73.6 (vintage 2026-07-13); first >= 50 in 2019 (53.9).
  const internet = page.locator('tr[data-indicator="10.5"]');
  // The 2015 goal: missed in 2015 (39.9 %), reached in 2019: never "met" under the "by 2015" heading.
  await expectVerdicts(internet, { latest: '73.6% (2025)', byHorizon: 'Progress too slow', now: 'Met late (2019)' });
  await expect(internet.locator('td.by-horizon .status')).toHaveAttribute('data-as-of', '2015');
  await expect(internet).toContainText('first met in 2019 (4 years late)');
  await expect(internet.locator('.sparkline svg')).toHaveCount(1);
  // Target 3 has 3 indicators and no series at all: its 'no source' line names them (target 1 now has SDG 9.c.1 series).
  await expect(page.locator('tr[data-target="3"]')).toContainText('No source: no series in the warehouse measures this target (3 indicators listed for it: 3.1 Proportion of public scientific and research centres');
  // MDG 8.14: WLD IT.MLT.MAIN.P2 2022 = 11.4287..., no numeric goal.
  const fixed = page.locator('tr[data-target="mdg-8f"][data-indicator="8.14"]');
  await expect(fixed).toContainText('no numeric goal');
  await expect(fixed.locator('td.latest')).toHaveText('11.4 per 100 (2022)');
  // Trend chart summary from the data: WLD 15.6 in 2005, 73.6 in 2025.
  const trend = page.locator('figure[data-chart="overview-trend"]').first();
  await expect(trend.locator('.summary')).toContainText('World Internet use rose from 15.6% in 2005 to 73.6% in 2025');
  await expect(trend.locator('.summary')).toContainText('passed the 50.0% goal in 2019');
  // Published stocktaking total F16 keeps its note (not all entries).
  await expect(page.locator('tr[data-total="F16"]')).toContainText('not all entries of the database');
  // 2008 participation: the by-venue parts (409 + 87 = 496) do not add up to 490: flagged.
  await expect(page.locator('.flags')).toContainText('add up to 496 (ITU 409 + UNOG 87), not the stated total 490');
  await expectAccessibleScreenshot(page, 'overview');
  // Print: no navigation or filter form; the scorecard stays.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('form.filters')).toBeHidden();
  // The header holds two navigations (the site's and the language switcher): neither prints.
  await expect(page.locator('header.site nav')).toHaveCount(2);
  for (const nav of await page.locator('header.site nav').all()) await expect(nav).toBeHidden();
  await expect(page.locator('table.scorecard')).toBeVisible();
  await screenshot(page, 'overview-print');
});

test('overview: horizon and review year live in the URL', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Target year (horizon)').selectOption('2012');
  await page.getByLabel('Last review year').selectOption('2010');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/horizon=2012/);
  await expect(page).toHaveURL(/review=2010/);
  await expect(page.getByRole('heading', { name: 'What changed since the 2010 review' })).toBeVisible();
  // As of 2010, world Internet use (28.7 % in 2010) had not met 50 %; by 2025 it has.
  const row = page.locator('tr[data-economy="WLD"][data-indicator="IT.NET.USER.ZS"]');
  await expect(row.locator('td').nth(2)).toContainText('Progress too slow');
  await expect(row.locator('td').nth(3)).toContainText('Met late (2019)');
  await expect(row.locator('td').nth(4)).toHaveText('yes');
  await screenshot(page, 'overview-2012-review-2010');
});

test('overview: unknown horizon or review year is a 400, not a 500', async ({ page }) => {
  for (const q of ['?horizon=2013', '?review=1900', '?review=abc']) {
    const res = await page.goto(`/${q}`);
    expect(res?.status()).toBe(400);
    await expect(page.getByRole('link', { name: 'Back to the overview' })).toBeVisible();
  }
});

test('target 10: verdicts, working, ranking filter and CSV', async ({ page, request }) => {
  await page.goto('/targets/10');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Target 10: ICT access for more than half the world');
  // Verbatim from wsis_target.text (target 10).
  await expect(page.locator('.target-text')).toContainText('to ensure that more than half the world’s inhabitants have access to ICTs within their reach.');
  // 10.3 households with Internet access: no goal (the target counts inhabitants); its ITU series (Core Household HH6) is loaded.
  await expect(page.locator('tr[data-indicator="10.3"]')).toContainText('no numeric goal');
  await expect(page.locator('tr[data-indicator="10.3"]')).toContainText('ITU_HH6');
  await expect(page.locator('tr[data-indicator="10.3"]')).not.toContainText('no series loaded yet');
  // 10.2 quotes the review; 10.5's goal of 50 % is marked as the project's reading.
  await expect(page.locator('tr[data-indicator="10.2"] td.checked')).toContainText('Indicator 10.2 measures the proportion of households with telephone');
  await expect(page.locator('tr[data-indicator="10.5"]')).toContainText("project's reading");
  // World: 15.6 (2005) -> 73.6 (2025), met (first >= 50 in 2019).
  await expect(page.locator('table.groups tr[data-economy="WLD"]')).toContainText('73.6% (2025)');
  await expect(page.locator('table.groups tr[data-economy="WLD"] td.by-horizon')).toHaveText('Progress too slow');
  await expect(page.locator('table.groups tr[data-economy="WLD"] td.now')).toHaveText('Met late (2019)');
  await expect(page.locator('table.working')).toContainText('15.60% in 2005');
  await expect(page.locator('table.working')).toContainText('UN Statistics Division');
  // Trend fitted on 2005-2015 (15.6 -> 39.9), projecting the goal for 2019; actually met in 2019 (53.9).
  await expect(page.locator('figure[data-chart="target-projection"] .summary')).toContainText('World Internet use rose from 15.6% in 2005 to 39.9% in 2015');
  await expect(page.locator('figure[data-chart="target-projection"] .summary')).toContainText('the goal of 50.0% in 2019; it was actually first met in 2019');
  // Ranking defaults to 2024 (182 countries; 2025 has only 10).
  await expect(page.locator('figure[data-chart="target-ranking"] h3')).toContainText('2024');
  // Computed vs published world: one row per target 10 indicator with a loaded series: 10.1 mobile and 10.5 Internet
  // (World Bank), 10.2, 10.3, 10.4 (ITU's Core Household series: computed from countries, no WLD published; ITU's own
  // world figures are in the cross-check section). Fixed broadband and fixed telephone are not target 10 indicators.
  await expect(page.locator('table.check tbody tr')).toHaveCount(5);
  await expectAccessibleScreenshot(page, 'target-10');

  await page.locator('select[name=region]').selectOption('SAS');
  await page.locator('select[name=year]').selectOption('2020');
  await page.locator('section[aria-labelledby="rank-h"]').getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/region=SAS/);
  await expect(page).toHaveURL(/year=2020/);
  const figure = 'figure[data-chart="target-ranking"]';
  // SAS 2020: 6 countries, Maldives 79.0978 highest, Bangladesh 36.1091 lowest.
  const rows = await tableRows(page, figure);
  expect(rows.length).toBe(6);
  expect(rows[0].slice(0, 2)).toEqual(['1', 'Maldives']);
  expect(rows[0][4]).toBe('79.1');
  expect(rows[5][1]).toBe('Bangladesh');
  const href = await page.locator(`${figure} a[download][href*=".csv"]`).getAttribute('href');
  expect(href).toContain('region=SAS');
  const csv = csvRows(await (await request.get(href!)).text());
  expect(csv[0]).toEqual(['rank', 'country', 'code', 'region', 'value']);
  expect(csv.slice(1).map((r) => r[1])).toEqual(rows.map((r) => r[1]));
  expect(csv.slice(1).map((r) => Number(r[4]).toFixed(1))).toEqual(rows.map((r) => r[4]));
  await screenshot(page, 'target-10-sas-2020');
});

test('target 3: no data source loaded, said plainly', async ({ page }) => {
  await page.goto('/targets/3');
  await expect(page.locator('.gap')).toContainText('No data source is loaded for any of the 3 indicators of target 3');
});

test('target 1: its indicators quoted, 1.1 measured by a stated proxy', async ({ page }) => {
  await page.goto('/targets/1');
  await expect(page.locator('table.indicators tbody tr')).toHaveCount(4);
  // 1.3 rural households with Internet: ITU's national HH6, a proxy; 1.4 has no series.
  await expect(page.locator('tr[data-indicator="1.3"]')).toContainText('ITU_HH6');
  await expect(page.locator('tr[data-indicator="1.4"]')).toContainText('no series');
  // The four indicators quoted from the review, all checked; 1.1's national-coverage series is a stated proxy.
  await expect(page.locator('table.indicators tr[data-verified="yes"]')).toHaveCount(4);
  await expect(page.locator('tr[data-indicator="1.4"]')).toContainText('Proportion of individuals in rural areas using the Internet');
  await expect(page.locator('tr[data-indicator="1.1"] .proxy')).toContainText('not of the rural population');
  await expectAccessibleScreenshot(page, 'target-1');
});

test('bad target ids and filters: 404/400 with a link back', async ({ page }) => {
  for (const path of ['/targets/11', '/targets/0', '/targets/abc']) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('link', { name: 'All WSIS targets' })).toBeVisible();
  }
  expect((await page.goto('/targets/10?horizon=2013'))?.status()).toBe(400);
  expect((await page.goto('/targets/10?region=XXX'))?.status()).toBe(400);
  expect((await page.goto('/targets/10?year=1800'))?.status()).toBe(400);
  expect((await page.goto('/targets/10?indicator=10.9'))?.status()).toBe(404);
});

test('methodology: METHOD.md, thresholds and sources from the warehouse', async ({ page }) => {
  await page.goto('/methodology');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How progress toward a target is assessed');
  // The status tables of METHOD.md §6 (up to and after the horizon) and the trend table of §8b, rendered as tables.
  await expect(page.locator('.method table').first()).toContainText('API ≥');
  await expect(page.locator('.method table').nth(1)).toContainText('Met late');
  await expect(page.locator('.method table').nth(2)).toContainText('Trend: significant progress');
  await expect(page.locator('tr[data-constant="EUROSTAT_SIGNIFICANT_PROGRESS"] td').nth(1)).toHaveText('0.01');
  await expect(page.locator('tr[data-constant="PARITY_LOWER"] td').nth(1)).toHaveText('0.97');
  await expect(page.locator('tr[data-constant="COVERAGE_THRESHOLD"] td').nth(1)).toHaveText('0.5');
  await expect(page.locator('tr[data-constant="MAX_BASELINE_DISTANCE"] td').nth(1)).toHaveText('3');
  // IT.NET.USER.ZS is served from two files: the 2026-07-13 Excel resave (6,896 values loaded) and the 2022-04-08 bulk file.
  const internet = page.locator('table.served tr[data-indicator="IT.NET.USER.ZS"]');
  await expect(internet.first()).toContainText('worldbank/excel-resaved-2026/API_IT.NET.USER.ZS_DS2_en_csv_v2_33086.csv');
  await expect(internet.first()).toContainText('2026-07-13');
  // run_record and quarantine as the warehouse holds them (the DataBank file alone gives 176 values on 5 lines).
  const [[publishQuarantined]] = await warehouseRows(`SELECT rows_quarantined FROM run_record WHERE source = 'observations-publish'`);
  const [[wbRows, databankRows]] = await warehouseRows(
    `SELECT count(*)::INTEGER, count(*) FILTER (WHERE file LIKE 'worldbank/databank/%')::INTEGER FROM quarantine WHERE source = 'worldbank'`
  );
  expect(databankRows).toBe(5);
  await expect(page.locator('table.runs tr[data-source="observations-publish"] td').nth(5)).toHaveText(String(publishQuarantined));
  await expect(page.locator('table.quarantine tr[data-source="worldbank"] td').nth(1)).toHaveText(String(wbRows));
  await expect(page.getByRole('link', { name: 'See them on the Data page' })).toHaveAttribute('href', '/data');
  await expectAccessibleScreenshot(page, 'methodology');
});
