// MDG pages, the action-line MDG section and the MDG API against a warehouse built from the real
// mirror. Fixed figures come from the files (named beside them); verdict words are recomputed
// here with the same progress module from the served values, so the test follows the method.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { assessAgainstRule, statusLabel, type Status } from '../../src/lib/progress/index';
import { expectAccessible, expectAccessibleScreenshot, warehouseRows } from './helpers';

async function tableRows(page: Page, selector: string): Promise<string[][]> {
  return page.locator(`${selector} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()))
  );
}

async function getJson(request: APIRequestContext, path: string) {
  const res = await request.get(path);
  return { status: res.status(), body: await res.json() };
}

/** The world verdict of an MDG series, recomputed from the served World (WLD) values. */
async function worldVerdict(code: string, rule: Parameters<typeof assessAgainstRule>[1], higherIsBetter: boolean) {
  const rows = await warehouseRows(`SELECT year, value FROM observation WHERE indicator = '${code}' AND economy = 'WLD' ORDER BY year`);
  const series = rows.map(([year, value]) => ({ year: Number(year), value: Number(value) }));
  return assessAgainstRule(series, rule, { higherIsBetter, baselineYear: 1990, horizon: 2015 });
}

test.describe('/mdgs/4', () => {
  test('shows world under-five mortality with its two-thirds target and the verdict', async ({ page }) => {
    await page.goto('/mdgs/4');
    await expect(page.locator('h1')).toHaveText('MDG 4: Reduce child mortality');
    await expect(page.locator('li[data-target="4.A"]')).toContainText('Reduce by two-thirds, between 1990 and 2015, the under-five mortality rate');
    const section = page.locator('section[data-indicator="4.1"]');
    await expect(section.locator('dl.facts')).toContainText('two thirds lower than in 1990');
    // worldbank/mdg/API_SH.DYN.MORT_DS2_en_csv_v2_31650.csv: World 1990 = 93 per 1,000, so the goal is 93 / 3 = 31.
    const verdict = section.locator('dd.world-verdict');
    await expect(verdict).toContainText('goal 31.0 (from 93.0 in 1990)');
    await expect(verdict).toContainText('latest 37.1 in 2022');
    const expected = await worldVerdict('SH.DYN.MORT', { kind: 'reduce', fraction: 2 / 3 }, false);
    expect(expected.goal?.value).toBeCloseTo(31, 10);
    // World 2022 = 37.1, above 31: not met in any year, so the verdict is never a "met" one.
    expect(expected.assessment?.firstYearMet).toBeNull();
    await expect(verdict.locator('.status')).toHaveText(statusLabel(expected.assessment!.status as Status).label);

    // The world chart: 1990..2022 observed, the goal line and its CSV with exactly the rows drawn.
    const chart = section.locator('figure[data-chart="mdg-world"]');
    await expect(chart.locator('.summary')).toContainText('fell from 93.0 in 1990 to 37.1 in 2022; the goal is 31.0 by 2015');
    await expect(chart.locator('svg').first()).toBeVisible();
    const href = await chart.locator('a[download][href*=".csv"]').getAttribute('href');
    expect(href).toBe('/download/chart/mdg-world.csv?indicator=4.1');
    const csv = (await (await page.request.get(href!)).text()).trim().split(/\r\n/);
    expect(csv[0]).toBe('year,observed,trend,goal');
    expect(csv[1]).toMatch(/^1990,93,[\d.]+,31$/);
    expect(csv).toContain(csv.find((l) => l.startsWith('2015,43.1,'))!);

    // World, 7 regions, 4 income groups, LDC; the World Bank's own rows.
    const groups = await tableRows(page, 'section[data-indicator="4.1"] table.groups');
    const codes = groups.filter((r) => r.length > 1).map((r) => /\((\w+)\)$/.exec(r[0])?.[1]);
    expect(codes).toEqual(['WLD', 'EAS', 'ECS', 'LCN', 'MEA', 'NAC', 'SAS', 'SSF', 'HIC', 'UMC', 'LMC', 'LIC', 'LDC']);
    // East Asia & Pacific 56.6 (1990) -> goal 18.9, first at or below it in 2013 (same file).
    const eas = groups.find((r) => r[0].endsWith('(EAS)'))!;
    expect(eas.slice(1, 3)).toEqual(['18.9', '56.6 (1990)']);
    expect(eas[6]).toBe('met in 2013');

    // Every country with a World Bank region has a row in the countries chart's table.
    const [[countries]] = await warehouseRows('SELECT count(*)::INTEGER FROM economy WHERE NOT is_aggregate AND wb_region IS NOT NULL');
    const byCountry = section.locator('figure[data-chart="mdg-countries"]');
    await expect(byCountry.locator('tbody tr')).toHaveCount(Number(countries));
    await expect(byCountry.locator('.summary')).toContainText(`Of ${countries} countries`);

    await expectAccessibleScreenshot(page, 'mdg-4');
  });

  test('ICT beside MDG 4: Kenya over time and a scatter across countries, stated as association', async ({ page }) => {
    await page.goto('/mdgs/4?indicator=4.1&country=KEN');
    const country = page.locator('figure[data-chart="mdg-ict-country"]');
    await expect(country.locator('h3')).toHaveText('Kenya: Mortality rate, under-5 (per 1,000 live births) beside Internet use and mobile subscriptions');
    // Kenya 2015: under-five 47.5 (mdg/API_SH.DYN.MORT_DS2_en_csv_v2_31650.csv), Internet 16.58785485 (excel-resaved-2026), mobile 80.50105901.
    const k2015 = (await tableRows(page, 'figure[data-chart="mdg-ict-country"] table')).find((r) => r[0] === '2015');
    expect(k2015).toEqual(['2015', '47.50', '16.6', '80.5']);
    const scatter = page.locator('figure[data-chart="mdg-ict-scatter"]');
    const n = await scatter.locator('tbody tr').count();
    expect(n).toBeGreaterThan(150);
    await expect(scatter.locator('h3')).toHaveText(`ICT progress against MDG 4.1 progress, 2000–2015: ${n} countries`);
    await expect(scatter.locator('.summary')).toContainText('This shows association, not cause');
    await expect(scatter.locator('svg').first()).toBeVisible();
    await expectAccessible(page);
  });

  test('an unknown goal is a 404, an unknown country a 400', async ({ page }) => {
    expect((await page.goto('/mdgs/9'))?.status()).toBe(404);
    expect((await page.goto('/mdgs/4?country=XXX'))?.status()).toBe(400);
  });
});

test('/mdgs lists the 8 goals with the world verdict of each series', async ({ page }) => {
  await page.goto('/mdgs');
  await expect(page.locator('tr.goal')).toHaveCount(8);
  const water = page.locator('tr[data-indicator="7.8"]');
  // wdi-2017/API_SH.H2O.SAFE.ZS: World 76.08 % in 1990 -> goal 100 - 23.92 / 2 = 88.0 %, passed in 2010.
  await expect(water).toContainText('88.0%');
  const expected = await worldVerdict('SH.H2O.SAFE.ZS', { kind: 'reduce_shortfall', fraction: 0.5, bound: 100 }, true);
  expect(expected.assessment?.firstYearMet).toBe(2010);
  await expect(water.locator('.status')).toHaveText(statusLabel(expected.assessment!.status as Status).label);
  // Maternal mortality starts in 2000 in the mirror: no 1990 baseline, no goal.
  await expect(page.locator('tr[data-indicator="5.1"] .status')).toHaveText('Insufficient data');
  await expect(page.locator('tr[data-indicator="6.1"]')).toContainText('no numeric goal');
  // Gender parity: the parity band; World 0.989 in 2014 (wdi-2017/API_SE.ENR.PRSC.FM.ZS) is within 0.97-1.03.
  await expect(page.locator('tr[data-indicator="3.1"]')).toContainText('parity: a ratio of girls to boys between 0.97 and 1.03');
  await expectAccessibleScreenshot(page, 'mdgs-index');
});

test('/mdgs/8 quotes the six targets as found in the documents, none left as recalled', async ({ page }) => {
  await page.goto('/mdgs/8');
  await expect(page.locator('ul.targets > li')).toHaveCount(6);
  // 8.C in full as UNDP's MDG Monitor quotes it; 8.F as the UN MDG Gap Task Force does (data/reference/mdg_targets.csv).
  await expect(page.locator('li[data-target="8.C"]')).toContainText('small island developing States (through the Programme of Action for the Sustainable Development of Small Island Developing States and the outcome of the twenty-second special session of the General Assembly)');
  await expect(page.locator('li[data-target="8.F"]')).toContainText('In cooperation with the private sector, make available the benefits of new technologies, especially information and communications');
  // The "wording as recalled" warning is gone: every target of goal 8 was found in a document.
  await expect(page.locator('ul.targets .warning-text')).toHaveCount(0);
  await expectAccessibleScreenshot(page, 'mdg-8');
});

test('the C7 e-health page lists MDGs 4, 5 and 6 with status', async ({ page }) => {
  await page.goto('/action-lines/C7-e-health');
  const section = page.locator('section.action-line-mdgs');
  await expect(section.locator('h2')).toHaveText('Millennium Development Goals');
  const goals = await section.locator('tbody tr').evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getAttribute('data-goal')))]);
  expect(goals).toEqual(['4', '5', '6']);
  await expect(section.locator('tr[data-indicator="4.1"] .status')).toHaveCount(1);
  await expect(section.locator('tr[data-indicator="5.1"] .status')).toHaveText('Insufficient data');
  await expect(section.locator('tr[data-indicator="6.1"]')).toContainText('no numeric goal');
  // HIV prevalence has no numeric goal: the trend verdict, in its own badge.
  await expect(section.locator('tr[data-indicator="6.1"] .trend-badge')).toHaveCount(1);
  await expect(section).toContainText('HIV/AIDS, malaria and tuberculosis');
  await expect(section).toContainText("the link to MDG 4 is the project's own reading");
  await expect(section.locator('a[href="/mdgs/4"]')).toHaveCount(1);
  await expectAccessibleScreenshot(page, 'action-line-C7-e-health-mdgs');
});

test.describe('MDG API', () => {
  test('GET /api/v1/mdgs/4?economy=WLD,KEN: goals from each economy\'s own 1990 value', async ({ request }) => {
    const { status, body } = await getJson(request, '/api/v1/mdgs/4?economy=WLD,KEN');
    expect(status).toBe(200);
    const u5 = body.indicators.find((i: { id: string }) => i.id === '4.1');
    expect(u5).toMatchObject({ wb_code: 'SH.DYN.MORT', goal_rule: 'reduce', goal_fraction: '2/3', base_year: 1990, horizon: 2015 });
    expect(u5.verdicts.map((v: { economy: string }) => v.economy)).toEqual(['WLD', 'KEN']);
    const [wld, ken] = u5.verdicts;
    expect(wld.goal_value).toBe(31);
    expect([wld.baseline_value, wld.latest_year, wld.latest_value]).toEqual([93, 2022, 37.1]);
    // Kenya 1990 = 100.9 (mdg/API_SH.DYN.MORT_DS2_en_csv_v2_31650.csv) -> goal 33.63.
    expect(ken.goal_value).toBeCloseTo(100.9 / 3, 10);
  });

  test('the framework lists 8 goals; errors are 400 then 404', async ({ request }) => {
    const { body } = await getJson(request, '/api/v1/mdgs');
    expect(body.total).toBe(8);
    expect(body.data[3].targets[0].indicators.map((i: { id: string }) => i.id)).toEqual(['4.1', '4.2']);
    expect(await getJson(request, '/api/v1/mdgs/four')).toEqual({ status: 400, body: { error: 'bad_request', detail: 'Goal must be a whole number from 1 to 8, got "four".' } });
    expect(await getJson(request, '/api/v1/mdgs/9')).toEqual({ status: 404, body: { error: 'not_found', detail: 'No MDG 9. The Millennium Development Goals are numbered 1 to 8; see /api/v1/mdgs.' } });
  });
});
