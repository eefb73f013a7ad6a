// Series of publishers other than the World Bank on the overview, target and action-line pages:
// status, chart, source, vintage and proxy notes. Expected figures from the warehouse built from
// ../shared/data and the mirror files (noted beside each).
import { expect, test } from '@playwright/test';
import { expectAccessible, expectAccessibleScreenshot } from './helpers';

test('overview: a status for targets 1, 2, 6, 8, 9 and 10 from their series, each with source, vintage and proxy note', async ({ page }) => {
  await page.goto('/');
  // SDG 9.c.1 World (M49 001) 2G coverage 2022 = 97.3 (it_mob_2gntwk: 1,n,percent,2022,97.3).
  const g2 = page.locator('tr.other-series[data-code="IT_MOB_2GNTWK"]');
  await expect(g2.locator('td.latest')).toContainText('97.3 (2022)');
  await expect(g2).toContainText('Proxy: National coverage, not rural');
  await expect(g2).toContainText('vintage 2023-12-17');
  await expect(g2.locator('td.now .trend-badge')).toHaveCount(1);
  // 4.a.1 primary schools with Internet, World 2020 (served from the SDG database copy; UIS 2019 kept as an older vintage).
  const schools = page.locator('tr.other-series[data-code="SE_ACS_INTNT"]');
  await expect(schools).toContainText('(education level: primary)');
  await expect(schools).toContainText('vintage 2019-09-03..2023-12-17');
  // E-Government: no published world; a computed, population-weighted world with its verdict.
  const egdi = page.locator('tr.other-series[data-code="EGOV_EGDI"]');
  await expect(egdi.locator('td.latest')).toContainText('World (computed)');
  await expect(egdi.locator('td.now')).toContainText('Trend: significant progress');
  // Households with a TV: countries only (127 countries, latest survey 2020), the spread of their verdicts.
  const tv = page.locator('tr.other-series[data-code="GDL_TV"]');
  await expect(tv.locator('td.latest')).toHaveText('127 countries (2020)');
  await expect(tv.locator('td.now')).toContainText('56 of 127 countries: Trend: significant progress');
  // Common Crawl: English pages in CC-MAIN-2024-42 = 43.4241 %; no direction, so not judged.
  const web = page.locator('tr.other-series[data-code="CC_LANG_SHARE"]');
  await expect(web.locator('td.latest')).toContainText('43.4 (2024)');
  await expect(web.locator('td.now')).toContainText('not judged');
  await expect(page.locator('tr.other-series[data-code="GDL_INTERNET"]')).toHaveAttribute('data-target', '10');
  for (const t of ['1', '2', '6', '8', '9', '10']) await expect(page.locator(`tr.other-series[data-target="${t}"]`).first()).toBeVisible();
  for (const t of ['3', '4', '5']) await expect(page.locator(`tr[data-target="${t}"] td.gap`)).toContainText('No source');
});

test('target 8: households with a television, a chart and the countries\' status', async ({ page }) => {
  await page.goto('/targets/8');
  const tv = page.locator('.series-status[data-series="GDL_TV"]');
  await expect(tv).toContainText('No world or regional aggregate published: 127 countries report it, the latest in 2020.');
  await expect(tv.locator('ul.country-verdicts')).toContainText('Trend: significant progress: 56 countries');
  await expect(tv).toContainText('Vintage not stated by the publisher');
  // Target 8 draws a chart per series (GDL_TV and ITU's HH1 and HH2): the household-survey one here.
  const chart = page.locator('figure[data-chart="series-trend"]', { hasText: 'household surveys' });
  await expect(chart.locator('h3')).toContainText('the 15 highest and lowest of 127 countries');
  await expect(chart.locator('svg').first()).toBeVisible();
  // tv--by--national: tkmt,2019,99.85 is the highest latest value.
  await expect(chart.locator('.summary')).toContainText('from 99.85 (Turkmenistan, 2019)');
  await expect(page.locator('tr[data-indicator="8.2"]')).toContainText('GDL_TV (direct)');
  await expectAccessibleScreenshot(page, 'target-8-series');
});

test('target 6: the E-Government Survey, computed world, verdicts and charts', async ({ page }) => {
  await page.goto('/targets/6');
  const egdi = page.locator('.series-status[data-series="EGOV_EGDI"]');
  await expect(egdi.locator('.proxy')).toContainText('stands for target 6');
  await expect(egdi.locator('tbody tr').first()).toContainText('World (computed)');
  await expect(egdi.locator('tbody tr').first()).toContainText('Trend: significant progress');
  await expect(egdi).toContainText('Vintage 2022-09-28');
  await expect(page.locator('figure[data-chart="series-trend"]')).toHaveCount(6);
  await expect(page.locator('figure[data-chart="series-trend"] h3').first()).toContainText('world, population-weighted over the reporting countries');
  // The rank has no bound: never averaged into a world value.
  await expect(page.locator('.series-status[data-series="EGOV_RANK"]')).toContainText('No world or regional aggregate published: 193 countries');
  await expectAccessibleScreenshot(page, 'target-6-series');
});

test('action line C7 e-government lists its indicators from the WSIS-SDG matrix and the catalog', async ({ page }) => {
  await page.goto('/action-lines/C7-e-government');
  await expect(page.locator('#line-indicators')).toHaveText('Indicators of C7-e-government (7)');
  const mobile = page.locator('.series-status[data-series="IT_MOB_4GNTWK"]');
  await expect(mobile).toContainText('WSIS-SDG matrix: C7-e-government -> SDG target 9.c -> 9.c.1');
  await expect(mobile.locator('tbody tr').first()).toContainText('87.7 % of population (2022)');
  await expect(page.locator('.series-status[data-series="EGOV_OSI"]')).toContainText('Indicator catalog: the series serves C7-e-government');
  await expectAccessible(page);
});
