// The warm-up (src/lib/server/warmup.ts) computes every linked page's values and charts before
// visitors ask. A warmed page must be the page an unwarmed server renders: two servers on the
// same warehouse, one warmed (waited for through /healthz), one with WSIS_WARMUP=0, give the
// same HTML for the same URLs (Plot's clip ids aside: a global counter per process).
import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { spawnServer, type Spawned } from './spawn-server';

const warehouse = resolve(process.env.WSIS_WAREHOUSE ?? 'test-output/e2e/wsis.duckdb');
const PAGES = ['/countries/KEN', '/countries/FRA', '/regions/SSF', '/regions/WLD', '/targets/3', '/targets/10?horizon=2012', '/action-lines/C2', '/'];
// The linked pages in the other languages are warmed too, and so are their filter variants.
const OTHER_LANGUAGES = ['/fr/countries/KEN', '/es/regions/SSF', '/fr/targets/10', '/es/action-lines/C2', '/fr'];
const OTHER_LANGUAGE_FILTERED = ['/fr/targets/10?horizon=2012', '/es/countries/IND?horizon=2012', '/fr/regions/WLD?horizon=2012', '/es/action-lines/C2?stakeholder_type=civil_society', '/fr?review=2012'];
// A value the warm-up leaves to the visit: another indicator on a country page other than the first.
const NOT_WARMED = ['/fr/countries/BRA?indicator=EGOV_EGDI'];
// Filter values the pages' forms offer are warmed too (warmup-pages.ts): another ranking year,
// another review year, the other horizon, a stakeholder type.
const FILTERED = ['/targets/10?year=2010', '/?review=2012', '/countries/IND?horizon=2012', '/regions/WLD?horizon=2012', '/action-lines/C2?stakeholder_type=civil_society'];
const normalise = (html: string) => html.replace(/plot-clip-[0-9a-z-]+/g, 'plot-clip-X');

interface Health {
  warm: { running: boolean; done: number; total: number; failed: number; ms: number | null };
  cache: { charts: { entries: number; draws: number; hits: number }; pages: { entries: number } };
}
const health = async (s: Spawned) => (await (await fetch(`${s.base}/healthz`)).json()) as Health;

test.describe('warm-up', () => {
  test.describe.configure({ timeout: 300_000 });
  let warm: Spawned;
  let cold: Spawned;
  test.beforeAll(async () => {
    [warm, cold] = await Promise.all([spawnServer({ WSIS_WAREHOUSE: warehouse, WSIS_WARMUP: '1' }), spawnServer({ WSIS_WAREHOUSE: warehouse, WSIS_WARMUP: '0' })]);
  });
  test.afterAll(async () => {
    await Promise.all([warm?.stop(), cold?.stop()]);
  });

  test('a warmed page is the page an unwarmed server renders, and the warm-up left the page cache empty', async () => {
    let h = await health(warm);
    for (let i = 0; i < 540 && (h.warm.running || h.warm.ms === null); i++) {
      await new Promise((r) => setTimeout(r, 500));
      h = await health(warm);
    }
    expect(h.warm.ms, 'warm-up finished').not.toBeNull();
    expect(h.warm).toMatchObject({ failed: 0, running: false });
    expect(h.warm.done).toBe(h.warm.total);
    // Every country of the mirror has a page; the warm-up covered them all and drew their charts.
    expect(h.warm.total).toBeGreaterThan(250);
    expect(h.cache.charts.entries).toBeGreaterThan(1000);
    expect(h.cache.pages.entries).toBe(0);
    const drawnByWarmup = h.cache.charts.draws;

    const same = async (paths: string[]) => {
      for (const path of paths) {
        const [a, b] = await Promise.all([fetch(warm.base + path), fetch(cold.base + path)]);
        expect(a.status, path).toBe(200);
        expect(b.status, path).toBe(200);
        const [ha, hb] = await Promise.all([a.text(), b.text()]);
        expect(normalise(ha), path).toBe(normalise(hb));
      }
    };
    // The warmed server draws nothing for the English pages, filtered ones included, nor for the
    // linked pages in French and Spanish and their filtered variants: their charts come from the store.
    await same([...PAGES, ...FILTERED, ...OTHER_LANGUAGES, ...OTHER_LANGUAGE_FILTERED]);
    expect((await health(warm)).cache.charts.draws).toBe(drawnByWarmup);
    // A page the warm-up did not compute draws its own charts, the same as unwarmed.
    await same(NOT_WARMED);
    expect((await health(warm)).cache.charts.draws).toBeGreaterThan(drawnByWarmup);
    expect((await health(cold)).cache.charts.draws).toBeGreaterThan(0);
  });
});
