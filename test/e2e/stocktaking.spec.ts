// /stocktaking, its CSV, warnings (page, action-line page, API), completeness and the
// activity-against-outcome chart, against a warehouse built from the real mirror.
import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, warehouseRows } from './helpers';

const count = async (sql: string) => Number((await warehouseRows(sql))[0][0]);

test.describe('/stocktaking', () => {
  test('lists every entry, 50 a page, with counts by action line and country', async ({ page }) => {
    const total = await count('SELECT count(*) FROM stocktaking_entry');
    // 22 seed entries + 301 of the 302 WSIS Prizes 2015 nominated projects
    expect(total).toBe(323);
    await page.goto('/stocktaking');
    await expect(page.getByRole('heading', { name: `${total} entries` })).toBeVisible();
    await expect(page.locator('table.entries tbody tr')).toHaveCount(50);
    await expect(page.locator('nav.pager')).toContainText(`Page 1 of ${Math.ceil(total / 50)}`);
    // wsis-prizes-2015 Category "C3. ACCESS TO INFORMATION AND KNOWLEDGE": 46 rows, + the WSIS Golden Book
    await expect(page.locator('tr[data-line="C3"] td')).toHaveText('47');
    // 15 rows of the list name KUWAIT
    await expect(page.locator('tr[data-country="KWT"] td')).toHaveText('15');
    await screenshot(page, 'stocktaking');
    await expectAccessible(page);
  });

  test('filters live in the URL; the CSV holds exactly the filtered rows', async ({ page, request }) => {
    await page.goto('/stocktaking?country=KWT&action_line=C7');
    const expected = await count(
      "SELECT count(DISTINCT e.id) FROM stocktaking_entry e JOIN stocktaking_action_line b ON b.entry = e.id JOIN action_line a ON a.id = b.action_line WHERE e.countries = 'KWT' AND (a.id = 'C7' OR a.parent = 'C7')"
    );
    await expect(page.getByRole('heading', { name: `${expected} ${expected === 1 ? 'entry matches' : 'entries match'} the filters` })).toBeVisible();
    const csv = await (await request.get('/stocktaking/entries.csv?country=KWT&action_line=C7')).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,title,lead_organisation,stakeholder_type,stakeholder_type_rule,countries,action_lines,status,start_year,reported_year,warnings,source,conversion_note');
    expect(lines).toHaveLength(expected + 1);
    expect(lines.slice(1).every((l) => l.includes(',KWT,'))).toBe(true);
    // A derived stakeholder type is marked as derived, with its rule.
    await page.goto('/stocktaking?q=Zak%C5%82ad');
    await expect(page.locator('tr[data-entry="WSIS-PRIZES-2015-168"]')).toContainText('derived (rule company-suffix)');
    await expect(page.locator('tr[data-entry="WSIS-PRIZES-2015-168"]')).toContainText('Zakład Usług Informatycznych OTAGO Sp. z o.o.');
  });

  test('a malformed filter is a 400, an unknown code a 404', async ({ request }) => {
    expect((await request.get('/stocktaking?status=done')).status()).toBe(400);
    expect((await request.get('/stocktaking?country=XXX')).status()).toBe(404);
  });
});

test.describe('stocktaking warnings', () => {
  test('the API lists the rules with their counts and the warnings', async ({ request }) => {
    const res = await request.get('/api/v1/stocktaking/warnings?action_line=C7-e-agriculture&limit=5');
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.rules.map((r: { rule: string }) => r.rule)).toEqual(['planned-start-passed', 'not-updated', 'no-country', 'no-action-line']);
    // ST-SEED-020: the e-agriculture virtual forum planned for 2008
    expect(body.rules[0].entries).toBe(1);
    expect(body.data.length).toBeLessThanOrEqual(5);
    const bad = await request.get('/api/v1/stocktaking/warnings?rule=stale');
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toBe('bad_request');
  });

  test('each action-line page counts its warnings and shows what is reported', async ({ page }) => {
    await page.goto('/action-lines/C7-e-agriculture');
    await expect(page.locator('.stocktaking-warnings tr[data-rule="planned-start-passed"] td')).toHaveText('1');
    const entries = await count("SELECT count(*) FROM stocktaking_action_line WHERE action_line = 'C7-e-agriculture'");
    await expect(page.locator('table.completeness tr[data-line="C7-e-agriculture"] td').nth(1)).toHaveText(String(entries));
    await expectAccessible(page);
  });

  test('/action-lines has the completeness table for every line', async ({ page }) => {
    await page.goto('/action-lines');
    await expect(page.locator('table.completeness tbody tr')).toHaveCount(19);
    // C2 links WSIS target 10, whose four indicators have World Bank series here
    await expect(page.locator('table.completeness tr[data-line="C2"]')).toContainText('ITU');
  });
});

test.describe('activity against outcome', () => {
  test('a quadrant chart with its caveat, table and CSV', async ({ page, request }) => {
    await page.goto('/stocktaking/activity-outcome');
    const chart = page.locator('figure[data-chart="stocktaking-activity-outcome"]');
    await expect(chart.locator('svg')).toContainText('entries are a convenience sample');
    await expect(chart.locator('svg')).toContainText('many activities, little movement');
    const rows = await chart.locator('details tbody tr').count();
    expect(rows).toBeGreaterThan(40);
    const csv = await (await request.get('/download/chart/stocktaking-activity-outcome.csv?by=country')).text();
    expect(csv.trim().split('\r\n')).toHaveLength(rows + 1);
    await screenshot(page, 'stocktaking-activity-outcome');
    await expectAccessible(page);
  });
});
