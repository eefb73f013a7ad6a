import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { parseCsvRecords } from '../../pipelines/lib/csv';

export const SCREENSHOT_DIR = 'test-output/screenshots';

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** axe-core: no serious or critical violation. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
}

/** The end of most page tests: axe finds no serious violation, and the page is saved for a person to look at. */
export async function expectAccessibleScreenshot(page: Page, name: string) {
  await expectAccessible(page);
  await screenshot(page, name);
}

/**
 * Read figures straight from the warehouse the server serves (read-only; several readers may
 * share the file), so tests follow the mirror as it grows instead of hard-coding its totals.
 */
export async function warehouseRows(sql: string): Promise<unknown[][]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const path = process.env.WSIS_WAREHOUSE ?? 'test-output/e2e/wsis.duckdb';
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRows();
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** A CSV download as rows of fields (RFC 4180: quoted commas and line breaks, doubled quotes, CRLF). */
export function csvRows(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.fields);
}

/** A CSV download as objects keyed by its header. */
export function csvObjects(text: string): Record<string, string>[] {
  const [head, ...rows] = csvRows(text);
  return rows.map((r) => Object.fromEntries(r.map((v, i) => [head[i], v])));
}

/** A row of a status table (overview, target, region and country pages): its latest value and its two verdicts. */
export async function expectVerdicts(row: Locator, v: { latest: string; byHorizon?: string; now?: string }) {
  await expect(row.locator('td.latest')).toHaveText(v.latest);
  if (v.byHorizon !== undefined) await expect(row.locator('td.by-horizon .status')).toHaveText(v.byHorizon);
  if (v.now !== undefined) await expect(row.locator('td.now .status')).toHaveText(v.now);
}
