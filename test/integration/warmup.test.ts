// The warm-up on the warehouse built from the mirror: it lists every linked page (each country,
// linked region, target and action line), runs their loads, and a page loaded after it gets the
// same data (charts included) without drawing again. The HTML of warmed and unwarmed servers is
// compared in test/e2e/warmup.spec.ts.
import { beforeAll, describe, expect, inject, it } from 'vitest';

let store: typeof import('../../src/lib/server/chart-store');
let registry: typeof import('../../src/lib/server/chart-data/registry');
let warmup: typeof import('../../src/lib/server/warmup');
let pages: typeof import('../../src/lib/server/warmup-pages');
let localeContext: typeof import('../../src/lib/server/locale-context');
let regions: typeof import('../../src/lib/server/queries/regions');
type Load = (e: { params: Record<string, string>; url: URL }) => Promise<unknown>;
let countryLoad: Load;
let targetLoad: Load;

beforeAll(async () => {
  process.env.WSIS_WAREHOUSE = inject('warehouse');
  store = await import('../../src/lib/server/chart-store');
  registry = await import('../../src/lib/server/chart-data/registry');
  warmup = await import('../../src/lib/server/warmup');
  pages = await import('../../src/lib/server/warmup-pages');
  localeContext = await import('../../src/lib/server/locale-context');
  regions = await import('../../src/lib/server/queries/regions');
  countryLoad = (await import('../../src/routes/countries/[iso3]/+page.server')).load as unknown as Load;
  targetLoad = (await import('../../src/routes/targets/[n]/+page.server')).load as unknown as Load;
});

const normalise = (data: unknown) => JSON.stringify(data).replace(/plot-clip-\d+/g, 'plot-clip-X');
const at = (path: string) => new URL(path, 'http://test.invalid');

describe('warm-up on the mirror warehouse', () => {
  it('lists every page linked from the index pages, the overview and the other horizon', async () => {
    const names = (await pages.warmupPages()).map((i) => i.name);
    expect(names).toContain('/countries/KEN');
    expect(names).toContain('/regions/SSF');
    expect(names).toContain('/targets/10');
    expect(names).toContain('/targets/10?horizon=2012');
    expect(names).toContain('/action-lines/C2');
    expect(names).toContain('/?horizon=2012');
    expect(names.filter((n) => /^\/countries\/[A-Z]{3}$/.test(n)).length).toBeGreaterThan(200);
    expect(names.filter((n) => /^\/targets\/\d+$/.test(n))).toHaveLength(10);
  });

  it('lists each value the filter forms offer: the other horizon, stakeholder types; the overview and targets queue their review and ranking years', async () => {
    const list = await pages.warmupPages();
    const names = list.map((i) => i.name);
    expect(names).toContain('/countries/IND?horizon=2012');
    expect(names).toContain('/regions/WLD?horizon=2012');
    expect(names).toContain('/action-lines/C2?stakeholder_type=civil_society');
    // The plain pages come before every variant.
    expect(names.indexOf('/countries/ZWE')).toBeLessThan(names.indexOf('/action-lines/C2?stakeholder_type=civil_society'));
    // Not each region with each indicator of its menu (23 x 55 pages): their views overflowed the
    // chart view memo. One region's are listed (they read each indicator's served batches, which
    // every region's map shares, queries/maps.ts); the others with the headline indicators they
    // chart only, last of all.
    const regionVariants = names.filter((n) => /^\/regions\/[A-Z_]+\?indicator=/.test(n));
    const first = regionVariants[0].split('?')[0];
    expect(regionVariants).toContain(`${first}?indicator=IT.CEL.SETS.P2`);
    expect(regionVariants).toContain('/regions/SSF?indicator=IT.CEL.SETS.P2');
    const perRegion = new Map<string, number>();
    for (const n of regionVariants) perRegion.set(n.split('?')[0], (perRegion.get(n.split('?')[0]) ?? 0) + 1);
    for (const [region, count] of perRegion) {
      if (region !== first) expect(count, region).toBeLessThan((await regions.headlineIndicators(region.split('/')[2])).length);
    }
    expect(perRegion.get(first)).toBeGreaterThan((await regions.headlineIndicators()).length);
    expect(names.indexOf('/regions/SSF?indicator=IT.CEL.SETS.P2')).toBeGreaterThan(names.indexOf('/countries/ZWE?horizon=2012'));
    // What the target's and the overview's own data name: target 10's ranking years (2010 among them) and indicators, the review years.
    const target10 = list.find((i) => i.name === '/targets/10')!;
    const queued = target10.more!(await target10.run()).map((i) => i.name);
    expect(queued).toContain('/targets/10?year=2010');
    expect(queued.some((n) => /^\/targets\/10\?indicator=10\.\d+$/.test(n))).toBe(true);
    const years = queued.filter((n) => n.includes('year=')).map((n) => Number(n.split('=')[1]));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const overview = list.find((i) => i.name === '/' && i.more)!; // (the layout's item is named '/' too)
    expect(overview.more!(await overview.run()).map((i) => i.name)).toContain('/?review=2012');
  });

  it('computes a page before it is asked for: the page then draws nothing and its data is the unwarmed data', async () => {
    // Cold: no chart drawn and no chart view kept (registry.ts keeps views per build).
    store.resetChartStore();
    registry.chartViews.clear();
    const cold = await countryLoad({ params: { iso3: 'KEN' }, url: at('/countries/KEN') });
    const coldTarget = await targetLoad({ params: { n: '3' }, url: at('/targets/3') });
    const drawnCold = store.chartStoreStats().draws;
    // Kenya's four headline comparison charts, and target 3's.
    expect(drawnCold).toBeGreaterThanOrEqual(4);

    store.resetChartStore();
    registry.chartViews.clear();
    const wanted = new Set(['/countries/KEN', '/targets/3']);
    // The two pages only, not the filter variants they queue (the target's ranking years).
    await warmup.runWarmup(async () => (await pages.warmupPages()).filter((i) => wanted.has(i.name)).map(({ name, run }) => ({ name, run })));
    expect(warmup.warmupState()).toMatchObject({ done: 2, total: 2, failed: 0, running: false });
    // The warm-up drew them (and the charts of the page it reads the indicator menu from).
    const drawnWarm = store.chartStoreStats().draws;
    expect(drawnWarm).toBeGreaterThanOrEqual(drawnCold);
    const viewsWarm = registry.chartViews.stats().entries;
    expect(viewsWarm).toBeGreaterThanOrEqual(4);

    const warm = await countryLoad({ params: { iso3: 'KEN' }, url: at('/countries/KEN') });
    const warmTarget = await targetLoad({ params: { n: '3' }, url: at('/targets/3') });
    expect(store.chartStoreStats().draws).toBe(drawnWarm);
    // ... and built no chart view either: the warm-up's views are the ones served.
    expect(registry.chartViews.stats().entries).toBe(viewsWarm);
    expect(normalise(warm)).toBe(normalise(cold));
    expect(normalise(warmTarget)).toBe(normalise(coldTarget));
    // A real value from the mirror on the warmed page: Kenya's Internet use in 2024.
    const chart = (warm as { selectedChart: { rows: { year: number; country: number | null }[] } }).selectedChart;
    expect(chart.rows.find((r) => r.year === 2024)!.country).toBeCloseTo(34.976, 2);
  });

  it('computes the linked pages and their filter variants in French and Spanish too: a French first load then draws nothing', async () => {
    const names = (await pages.warmupPages()).map((i) => i.name);
    for (const n of ['/fr/countries/KEN', '/es/countries/KEN', '/fr/targets/10', '/es/regions/SSF', '/fr/action-lines/C2', '/fr/', '/es/data']) expect(names).toContain(n);
    // Their filter variants too, after every linked page in every language.
    for (const n of ['/fr/regions/WLD?horizon=2012', '/es/countries/IND?horizon=2012', '/fr/action-lines/C2?stakeholder_type=civil_society', '/es/targets/10?horizon=2012']) expect(names).toContain(n);
    const lastLinked = Math.max(...names.map((n, i) => (/^\/(fr|es)\/countries\/[A-Z]{3}$/.test(n) ? i : -1)));
    expect(names.findIndex((n) => /^\/(fr|es)\/.*\?/.test(n))).toBeGreaterThan(lastLinked);
    // And what the French target and overview pages' data name (their ranking years, review years).
    const frenchTarget = (await pages.warmupPages()).find((i) => i.name === '/fr/targets/10')!;
    expect(frenchTarget.more!(await frenchTarget.run()).map((i) => i.name)).toContain('/fr/targets/10?year=2010');

    const french = () => localeContext.withLocale('fr', () => countryLoad({ params: { iso3: 'KEN' }, url: at('/countries/KEN') }));
    store.resetChartStore();
    registry.chartViews.clear();
    const cold = await french();
    const drawnCold = store.chartStoreStats().draws;
    expect(drawnCold).toBeGreaterThanOrEqual(4);

    store.resetChartStore();
    registry.chartViews.clear();
    await warmup.runWarmup(async () => (await pages.warmupPages()).filter((i) => i.name === '/fr/countries/KEN'));
    expect(warmup.warmupState()).toMatchObject({ done: 1, total: 1, failed: 0 });
    const drawnWarm = store.chartStoreStats().draws;
    expect(drawnWarm).toBeGreaterThanOrEqual(drawnCold);
    const warm = await french();
    expect(store.chartStoreStats().draws).toBe(drawnWarm);
    expect(normalise(warm)).toBe(normalise(cold));
    // The charts warmed are the French ones: the English page still draws its own.
    await countryLoad({ params: { iso3: 'KEN' }, url: at('/countries/KEN') });
    expect(store.chartStoreStats().draws).toBeGreaterThan(drawnWarm);
  });
});
