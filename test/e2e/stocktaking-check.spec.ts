import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible, screenshot } from './helpers';

// The upload page: a plain POST form (no JavaScript), the file in the field "file".
const good = readFileSync('data/stocktaking/entries.csv');
const HEADER = 'id,title,lead_organisation,stakeholder_type,countries,action_lines,status,start_year,source';

async function upload(page: import('@playwright/test').Page, name: string, mimeType: string, buffer: Buffer) {
  await page.goto('/stocktaking/check');
  await page.setInputFiles('input[name="file"]', { name, mimeType, buffer });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.waitForLoadState('load');
}

test.describe('/stocktaking/check', () => {
  test('a good file: valid, with the row count', async ({ page }) => {
    await upload(page, 'entries.csv', 'text/csv', good);
    await expect(page.getByRole('heading', { name: 'entries.csv: valid' })).toBeVisible();
    await expect(page.getByTestId('summary')).toContainText('All 22 entries fit the template.');
    await expectAccessible(page);
  });

  test('a broken file: every problem by row and field, and a summary', async ({ page }) => {
    const broken = [HEADER, 'ST-1,,ITU,ngo,XYZ,C99,done,20x5,s', 'ST-1,T,ITU,other,KEN,C1,unknown,,s'].join('\n');
    await upload(page, 'broken.csv', 'text/csv', Buffer.from(broken));
    await expect(page.getByRole('heading', { name: 'broken.csv: not valid' })).toBeVisible();
    await expect(page.getByTestId('summary')).toContainText('7 problems; 2 rows read, 0 without problems.');
    const rows = page.locator('table.problems tbody tr');
    await expect(rows).toHaveCount(7);
    await expect(rows.nth(0)).toContainText('missing required field: title');
    await expect(rows.nth(5)).toContainText('unknown country code: XYZ');
    await expect(rows.nth(6)).toContainText('duplicate key: id ST-1 (also at row 2)');
    await screenshot(page, 'stocktaking-check-broken');
    await expectAccessible(page);
  });

  test('a binary file: a clear message, not a server error', async ({ page }) => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 0)]);
    await upload(page, 'entries.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx);
    await expect(page.locator('table.problems')).toContainText('This looks like a zip archive or an Excel .xlsx workbook, not a CSV or JSON text file.');
  });

  test('a file in the wrong encoding: names the line and the byte', async ({ page }) => {
    const latin1 = Buffer.from(`${HEADER}\nST-1,Télécentre,ITU,other,,C1,unknown,,s\n`, 'latin1');
    await upload(page, 'latin1.csv', 'text/csv', latin1);
    await expect(page.locator('table.problems')).toContainText('The file is not UTF-8: line 2 has the byte 0xE9');
  });

  test('an oversized file: refused with the limit, nothing read', async ({ page }) => {
    const big = Buffer.alloc(450 * 1024, 'a');
    await upload(page, 'big.csv', 'text/csv', big);
    await expect(page.getByTestId('message')).toContainText('The file is too large: the limit here is 400 kB.');
    // Past the server's own body limit (512 kB) the answer is the same message.
    await upload(page, 'huge.csv', 'text/csv', Buffer.alloc(2 * 1024 * 1024, 'a'));
    await expect(page.getByTestId('message')).toContainText('The file is too large');
  });

  test('an empty upload and no file: messages', async ({ page }) => {
    await upload(page, 'empty.csv', 'text/csv', Buffer.alloc(0));
    await expect(page.locator('table.problems')).toContainText('The file is empty');
    await page.goto('/stocktaking/check');
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByTestId('message')).toContainText('Choose a file to check');
  });
});
