// Action-line pages and the Stakeholders page against a warehouse built from the real mirror.
// Expected figures were read from the warehouse with scripts/query.mts (queries in comments).
import { expect, test, type Page } from '@playwright/test';
import { csvRows, expectAccessibleScreenshot, screenshot } from './helpers';

async function tableRows(page: Page, selector: string): Promise<string[][]> {
  return page.locator(`${selector} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()))
  );
}

test.describe('action-line index', () => {
  test('lists all 19 action lines with C7 sub-lines nested under C7', async ({ page }) => {
    await page.goto('/action-lines');
    // select count(*) from action_line -> 19
    await expect(page.locator('table.action-lines tbody tr')).toHaveCount(19);
    // select id from action_line where parent = 'C7' -> 8 rows
    await expect(page.locator('table.action-lines tbody tr.nested')).toHaveCount(8);
    const ids = await page.locator('table.action-lines tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    expect(ids.indexOf('C7-e-government')).toBe(ids.indexOf('C7') + 1);
    expect(ids.at(-1)).toBe('C11');
    // C2: 7 linked WSIS targets, 3 meetings (2006-05-al-c2, 2006-c2-doha-informal-consultation, 2008-al-c2), 30 stocktaking
    // entries (8 from the seeds, 22 WSIS Prizes 2015 nominations in category C2)
    const row = (await tableRows(page, 'table.action-lines')).find((r) => r[0] === 'C2')!;
    expect(row.slice(3)).toEqual(['7', '3', '30']);
    await expectAccessibleScreenshot(page, 'action-lines-index');
  });
});

test.describe('action-line page', () => {
  test('C2: facilitators, linked targets with status, MDG, SDG, activities, meetings', async ({ page }) => {
    await page.goto('/action-lines/C2');
    await expect(page.locator('h1')).toContainText('Information and communication infrastructure');
    // action_line C2: facilitators 'ITU', co_facilitators 'APC' (the World Bank was only "TBC" in 2006: in the history, not the list)
    await expect(page.locator('dl.facts dd').nth(1)).toHaveText('APC');
    await expect(page.locator('dl.facts')).toContainText('seeds/003_f66fe5b5344d44fe.txt');
    // facilitation history, oldest first: 2006 ITU facilitator "confirmed by participants" ... ITU 2010-2014 by its own account
    const history = page.locator('table.history tbody tr');
    await expect(history.first()).toContainText('ITU (confirmed by participants)');
    await expect(page.locator('table.history tr[data-organisation="World Bank"]')).toContainText('proposed');
    await expect(page.locator('table.history tr[data-organisation="World Bank"]')).toContainText('World Bank (TBC)');
    await expect(history.last()).toContainText('2010–2014');
    await expect(history.last()).toContainText('Facilitator of Action Lines C2 (Information and communication infrastructure) and C5');
    // action_line_link C2 wsis_target: 1,2,3,4,5,6,10
    await expect(page.locator('ul.targets a')).toHaveCount(7);
    await expect(page.locator('ul.targets a').last()).toHaveAttribute('href', '/targets/10');
    // Target 10 indicators with goal and World data: 10.1 IT.CEL.SETS.P2 and 10.5 IT.NET.USER.ZS (numbered as the 2014 review does)
    const status = page.locator('tr[data-indicator="IT.NET.USER.ZS"]');
    await expect(status.locator('.status')).toHaveCount(2);
    await expect(status.locator('td.by-horizon')).toHaveText('Progress too slow');
    await expect(status.locator('td.now')).toHaveText('Met late (2019)');
    // mobile subscriptions passed 50 per 100 in the world in 2007, before 2015
    const mobile = page.locator('tr[data-indicator="IT.CEL.SETS.P2"]');
    await expect(mobile.locator('td.by-horizon')).toHaveText('Target met (2007)');
    await expect(mobile.locator('td.now')).toHaveText('Met on time (2007)');
    // mdg links for C2: 8.14, 8.15, 8.16
    await expect(page.locator('#mdg + table tbody tr')).toHaveCount(3);
    // SDG goals linked to C2 in the matrix: 1, 8, 9, 11
    const sdg = await tableRows(page, 'table.sdg');
    expect(sdg.map((r) => r[0])).toEqual(['Goal 1', 'Goal 8', 'Goal 9', 'Goal 11']);
    expect(sdg[2][1]).toBe('9.1, 9.a, 9.c');

    // Activities chart: 30 entries (6 international organisations as stated, 13 with no type stated, the rest derived by
    // rule from the organisation's name), none with a start year
    const chart = page.locator('figure[data-chart="action-line-activities"]');
    await expect(chart.locator('.summary')).toHaveText(
      'International organisations registered the most activities against C2 (6 of 30); none states a start year; 13 state no stakeholder type.'
    );
    await expect(chart.locator('svg').first()).toBeVisible();
    await expect(page.locator('table.entries tbody tr')).toHaveCount(30);

    // Meetings: 18 May 2006 (≈ 40 participants, chair Pape Gorgui Toure), Doha informal consultation, 2008 meeting
    const meeting = page.locator('tr[data-event="2006-05-al-c2"]');
    await expect(meeting).toContainText('18 May 2006');
    await expect(meeting).toContainText('Pape Gorgui Toure');
    await expect(meeting.locator('td.num')).toHaveText('≈ 40');
    await expect(page.locator('table.meetings tbody tr')).toHaveCount(3);
    await expect(page.locator('tr[data-event="2008-al-c2"]')).toContainText('2008 (date not stated)');

    await expectAccessibleScreenshot(page, 'action-line-C2');
  });

  test('the activities CSV holds exactly the rows of the chart table', async ({ page, request }) => {
    await page.goto('/action-lines/C2');
    const chart = page.locator('figure[data-chart="action-line-activities"]');
    const href = await chart.locator('a[download][href*=".csv"]').getAttribute('href');
    expect(href).toBe('/download/chart/action-line-activities.csv?id=C2');
    const response = await request.get(href!);
    expect(response.status()).toBe(200);
    const csv = csvRows(await response.text());
    expect(csv[0]).toEqual(['stakeholder_type', 'stakeholder', 'start_year', 'entries']);
    const shown = await tableRows(page, 'figure[data-chart="action-line-activities"] table');
    expect(csv.slice(1)).toEqual(shown);
    expect(shown).toContainEqual(['international_organisation', 'International organisations', 'not stated', '6']);
  });

  test('stakeholder filter goes through the URL and narrows table and chart', async ({ page }) => {
    await page.goto('/action-lines/C7-e-employment');
    await page.locator('select[name=stakeholder_type]').selectOption('civil_society');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/\/action-lines\/C7-e-employment\?stakeholder_type=civil_society/);
    // ST-SEED-013: CONGO civil society forum, 2006, the only civil-society entry on C7-e-employment (4 entries in all: 012, 013, 014, 022)
    await expect(page.locator('table.entries tbody tr')).toHaveCount(1);
    await expect(page.locator('tr[data-entry="ST-SEED-013"]')).toContainText('CONGO');
    const chart = page.locator('figure[data-chart="action-line-activities"]');
    await expect(chart.locator('.summary')).toHaveText('1 activity by civil society (NGOs) is registered against C7-e-employment; 1 of 1 states a start year.');
    await expect(chart.locator('a[download][href*=".csv"]')).toHaveAttribute('href', '/download/chart/action-line-activities.csv?id=C7-e-employment&stakeholder_type=civil_society');
    await page.getByRole('link', { name: 'Clear the filter' }).click();
    // 4 seed entries + 12 WSIS Prizes 2015 nominations in category C7 e-employment
    await expect(page.locator('table.entries tbody tr')).toHaveCount(16);
    await screenshot(page, 'action-line-C7-e-employment-civil-society');
  });

  test('C1 and C7-e-environment: Geneva heading, later wording, facilitation history with years and quotes', async ({ page }) => {
    await page.goto('/action-lines/C1');
    // action_line C1: title from the Geneva Plan of Action; the 2006 report's wording kept with its source.
    await expect(page.locator('h1')).toContainText('The role of governments and all stakeholders in the promotion of ICTs for development');
    await expect(page.locator('.other-titles')).toContainText('The role of public governance authorities and all stakeholders');
    // facilitation C1: UNDESA 2006 (seed 003), 2008 (seed 001), 2012, 2018, 2025; ITU co-facilitator 2010-2014.
    const rows = page.locator('table.history tbody tr');
    await expect(rows).toHaveCount(6);
    await expect(rows.first()).toContainText('2006');
    await expect(rows.first()).toContainText('UNDESA');
    await expect(page.locator('table.history tr[data-organisation="ITU"]')).toContainText('2010–2014');
    await expect(page.locator('table.history tr[data-organisation="ITU"]')).toContainText('co-facilitator');
    await expect(rows.last()).toContainText('will facilitate this session on WSIS Action Line C1 and C11');
    await expectAccessibleScreenshot(page, 'action-line-C1');

    await page.goto('/action-lines/C7-e-environment');
    // 2008: ITU organised, UNEP to take the main role; 2009: UNEP and WMO facilitators; 2014: WMO lead, UNEP and ITU co-facilitators.
    await expect(page.locator('dl.facts dd').first()).toHaveText('WMO');
    await expect(page.locator('dl.facts dd').nth(1)).toHaveText('UNEP, ITU');
    await expect(page.locator('table.history tr[data-role="lead facilitator"]')).toContainText('Lead Facilitator: WMO. Co-facilitators: UNEP, ITU');
    await expect(page.locator('table.history tr[data-role="proposed"]')).toContainText('UNEP confirmed that they should take the main facilitator role in the future.');

    await page.goto('/action-lines/C8');
    // seed 003 keeps ITU tentative on C8: shown as proposed, in its own words.
    await expect(page.locator('table.history tr[data-role="proposed"]')).toContainText('ITU may be considered as co-facilitator');
    await expect(page.locator('dl.facts dd').nth(1)).toHaveText('None stated');
  });

  test('C7 lists its sub-lines; a sub-line links back to C7 and shows its flags', async ({ page }) => {
    await page.goto('/action-lines/C7');
    await expect(page.locator('#sub-lines + table tbody tr')).toHaveCount(8);
    await page.getByRole('link', { name: 'C7-e-government: e-government' }).click();
    await expect(page).toHaveURL(/\/action-lines\/C7-e-government$/);
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'C7' })).toHaveAttribute('href', '/action-lines/C7');
    // data_quality_flag with action_line C7-e-government: briefing-on-c1 and blank-fields
    await expect(page.locator('.flags li')).toHaveCount(2);
    await expect(page.locator('.flags')).toContainText('leaves "Chaired by" blank');
    // meetings with C7-e-government in their list: 16 May 2006 and the 2008 C1/C7 e-government/C11 meeting
    await expect(page.locator('table.meetings tbody tr')).toHaveCount(2);
    await expect(page.locator('tr[data-event="2006-05-al-c7-e-government"] a.flag-link')).toHaveText('See 2 data-quality notes on this meeting');
    await expect(page.locator('h1')).toHaveText('C7 e-government');
    await expectAccessibleScreenshot(page, 'action-line-C7-e-government');
  });

  test('unknown id is a 404 with a way back; unknown stakeholder type is a 400', async ({ page }) => {
    const r = await page.goto('/action-lines/C12');
    expect(r?.status()).toBe(404);
    await expect(page.locator('main')).toContainText('No action line called C12');
    await expect(page.getByRole('link', { name: 'Back to all action lines' })).toHaveAttribute('href', '/action-lines');
    // 'c2' is not an id: ids are exact
    expect((await page.goto('/action-lines/c2'))?.status()).toBe(404);
    const bad = await page.goto('/action-lines/C2?stakeholder_type=aliens');
    expect(bad?.status()).toBe(400);
    await expect(page.locator('main')).toContainText('Unknown stakeholder type: aliens');
  });
});

test.describe('stakeholders page', () => {
  test('2008 badges, 2020 shares and stocktaking by type, with flags beside the figures', async ({ page }) => {
    await page.goto('/stakeholders');
    // participation 2008-05-cluster badged_by_type ITU: government 118 of the stated 403; parts add up to 377
    const badges = page.locator('figure[data-chart="stakeholders-badges-2008"]');
    await expect(badges.locator('.summary')).toHaveText(
      'Governments held the most badges at ITU (118 of the 403 stated); the 5 types add up to 377, not 403.'
    );
    const stated = await tableRows(page, 'table.stated');
    // badged 490 stated, ITU 409 + UNOG 87 = 496
    expect(stated).toContainEqual(['Received a badge (ITU 409 + UNOG 87)', '490', '496 ≠']);
    expect(stated).toContainEqual(['Badges at ITU broken down by type (118 + 95 + 81 + 56 + 27)', '403', '377 ≠']);
    const flags2008 = page.getByRole('note', { name: 'Data-quality warnings on the 2008 figures' });
    await expect(flags2008.locator('li')).toHaveCount(3);
    await expect(flags2008).toContainText('add up to 377');
    await expect(flags2008).toContainText('add up to 496');

    // wsis-forum-2020 share_percent: government 32 %, shares add up to 89 %
    const shares = page.locator('figure[data-chart="stakeholders-forum-2020-shares"]');
    await expect(shares.locator('.summary')).toHaveText(
      'Governments made up the largest share of WSIS Forum 2020 participants (32 %); the published shares add up to 89 %, not 100 %.'
    );
    await expect(page.getByRole('note', { name: 'Data-quality warnings on the 2020 shares' })).toContainText('add up to 89 %');

    // stocktaking_entry: 323 entries; 79 governments derived by rule (mostly "Ministry of ..."), 164 with no type stated
    const entries = page.locator('figure[data-chart="stakeholders-stocktaking-entries"]');
    await expect(entries.locator('.summary')).toHaveText(
      'More of the 323 stocktaking entries held here are led by governments (derived) than by any other type (79 of 323). 164 of 323 do not state a type.'
    );
    // stocktaking_total F16 (2008, 3812) carries its flag
    await expect(page.locator('tr[data-total="F16"]')).toContainText('3,812');
    await expect(page.locator('tr[data-total="F16"] [data-flag]')).toContainText('not all entries');

    const byType = await tableRows(page, 'table.by-type');
    expect(byType[0]).toEqual(['Governments', '118', '32 %', '79 (79 derived)']);
    expect(byType.find((r) => r[0] === 'Other')).toEqual(['Other', 'not given', '5 %', '3']);
    await expectAccessibleScreenshot(page, 'stakeholders');
  });

  test('each chart CSV equals its table', async ({ page, request }) => {
    await page.goto('/stakeholders');
    for (const id of ['stakeholders-badges-2008', 'stakeholders-forum-2020-shares', 'stakeholders-stocktaking-entries']) {
      const fig = page.locator(`figure[data-chart="${id}"]`);
      const href = await fig.locator('a[download][href*=".csv"]').getAttribute('href');
      const csv = csvRows(await (await request.get(href!)).text());
      const shown = await tableRows(page, `figure[data-chart="${id}"] table`);
      expect(csv.slice(1), id).toEqual(shown);
    }
  });

  test('filter by stakeholder type through the URL', async ({ page }) => {
    await page.goto('/stakeholders');
    await page.locator('select[name=stakeholder_type]').selectOption('civil_society');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/\/stakeholders\?stakeholder_type=civil_society$/);
    await expect(page.locator('h1')).toHaveText('Stakeholders: Civil society (NGOs)');
    // 81 NGOs badged at ITU of the 403 stated; 8 % in 2020; 10 stocktaking entries (ST-SEED-013, 9 derived by rule)
    await expect(page.locator('.selected-type')).toContainText('81 of the 403 stated');
    await expect(page.locator('.selected-type')).toContainText('8 % of participants');
    await expect(page.locator('.selected-type table.entries tbody tr')).toHaveCount(10);
    await expect(page.locator('tr.selected')).toHaveAttribute('data-type', 'civil_society');
    await expect(page.locator('figure[data-chart="stakeholders-badges-2008"] a[download][href*=".csv"]')).toHaveAttribute(
      'href',
      '/download/chart/stakeholders-badges-2008.csv?stakeholder_type=civil_society'
    );
    await expectAccessibleScreenshot(page, 'stakeholders-civil-society');
    const bad = await page.goto('/stakeholders?stakeholder_type=%27%3B%20drop%20table%20event');
    expect(bad?.status()).toBe(400);
    await expect(page.getByRole('link', { name: 'Back to all stakeholder types' })).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the filter form and the charts work as plain HTML', async ({ page }) => {
    await page.goto('/action-lines/C5');
    // C5: 21 entries (4 from the seeds, 17 WSIS Prizes 2015 nominations), none by civil society
    await expect(page.locator('figure[data-chart="action-line-activities"] svg').first()).toBeVisible();
    await page.locator('select[name=stakeholder_type]').selectOption('civil_society');
    await page.locator('select[name=stakeholder_type]').press('Tab');
    await page.keyboard.press('Enter'); // the Apply button, reached by keyboard
    await expect(page).toHaveURL(/\/action-lines\/C5\?stakeholder_type=civil_society#activities$/);
    await expect(page.locator('#activities-section .empty')).toHaveText('No stocktaking activity by civil society (NGOs) is registered against C5.');
  });
});
