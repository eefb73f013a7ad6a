// World maps on the real warehouse: countries join the Natural Earth shapes by M49 code, values
// come from the served vintage, countries without data and countries too small to draw are listed.
import { beforeAll, describe, expect, inject, it } from 'vitest';

let charts: typeof import('../../src/lib/server/chart-data/maps');

beforeAll(async () => {
  process.env.WSIS_WAREHOUSE = inject('warehouse');
  charts = await import('../../src/lib/server/chart-data/maps');
});

const params = (p: Record<string, string>) => new URLSearchParams(p);

describe('indicator map', () => {
  it('draws each country latest value, joined by M49 (Kenya 404, Maldives too small to draw)', async () => {
    const view = (await charts.valueMapChart(params({ indicator: 'IT.NET.USER.ZS' })))!;
    const ken = view.rows.find((r) => r.code === 'KEN')!;
    expect(ken).toMatchObject({ year: 2024, map: 'on the map' });
    expect(ken.value).toBeCloseTo(34.976, 2);
    // Maldives (462) has a value but no shape at 1:110m: listed in the table and in a note.
    expect(view.rows.find((r) => r.code === 'MDV')).toMatchObject({ year: 2024, map: 'too small at this scale' });
    expect(view.notes!.join(' ')).toContain('Maldives');
    // Kenya's shape carries its value as a native tooltip.
    expect(view.svg).toContain('<title>Kenya: 35.0% (2024)</title>');
    expect(view.svg.length).toBeLessThan(200_000);
  });

  it('takes a year from the URL and refuses a year without data', async () => {
    const view = (await charts.valueMapChart(params({ indicator: 'IT.NET.USER.ZS', year: '2020' })))!;
    expect(view.rows.find((r) => r.code === 'KEN')!.value).toBeCloseTo(24.7228, 3);
    expect(view.csvHref).toBe('/download/chart/indicator-map.csv?indicator=IT.NET.USER.ZS&year=2020');
    expect(await charts.valueMapChart(params({ indicator: 'IT.NET.USER.ZS', year: '1850' }))).toBeNull();
    expect(await charts.valueMapChart(params({ indicator: 'NOPE' }))).toBeNull();
  });

  it('limits a region map to its members', async () => {
    const view = (await charts.valueMapChart(params({ indicator: 'IT.NET.USER.ZS', region: 'SSF' })))!;
    expect(view.rows.some((r) => r.code === 'KEN')).toBe(true);
    expect(view.rows.some((r) => r.code === 'FRA')).toBe(false);
    expect(view.svg).toContain('<title>France: not a member</title>');
  });
});

describe('status map', () => {
  it('gives each country its verdict against the goal', async () => {
    const view = (await charts.statusMapChart(params({ indicator: 'IT.NET.USER.ZS', horizon: '2015' })))!;
    expect(view.title).toContain('goal 50.0% by 2015');
    // After the 2015 horizon the question is "was it met?": Kenya (35.0% in 2024) has not met it;
    // the Republic of Korea was above 50% well before 2015.
    const { statusLabel } = await import('../../src/lib/progress');
    expect(view.rows.find((r) => r.code === 'KEN')!.status).toBe(statusLabel('not_met').label);
    expect(view.rows.find((r) => r.code === 'KOR')!.status).toBe(statusLabel('met_on_time').label);
    expect(view.svg).toContain(`>${statusLabel('not_met').label}</text>`);
    expect(view.svg).not.toContain(`>${statusLabel('on_track').label}</text>`);
    expect(view.rows.length).toBeGreaterThan(200);
    expect(await charts.statusMapChart(params({ indicator: 'SP.POP.TOTL' }))).toBeNull();
  });
});

describe('a map\'s "served from" line', () => {
  // The batches behind a map's values, counted from a per-build table of each economy's served
  // batches: the same as the query that counted them at every map (kept here as the oracle).
  it('counts the same values per batch as the query over the warehouse did', async () => {
    const { servedFrom } = await import('../../src/lib/server/queries/maps');
    const { query } = await import('../../src/lib/server/warehouse');
    const oracle = async (indicator: string, economies: string[], year: number | null) =>
      query<{ file: string; vintage: string | null; n: number }>(
        `SELECT b.file, b.vintage::VARCHAR AS vintage, count(*)::INTEGER AS n
           FROM observation o JOIN observation_batch b ON b.batch_id = o.batch_id
          WHERE o.indicator = $1 AND o.disaggregation = '' AND ($2::INTEGER IS NULL OR o.year = $2::INTEGER)
            AND o.economy IN (${economies.map((_, i) => `$${i + 3}`).join(', ')})
          GROUP BY b.file, b.vintage ORDER BY b.vintage DESC NULLS LAST, b.file`,
        [indicator, year, ...economies]
      );
    const africa = ['KEN', 'NGA', 'ZAF', 'ETH', 'GHA', 'TZA', 'UGA', 'SEN'];
    let compared = 0;
    for (const indicator of ['IT.CEL.SETS.P2', 'IT.NET.USER.ZS', 'SP.POP.TOTL']) {
      for (const year of [null, 2005, 2015, 2022]) {
        const expected = await oracle(indicator, africa, year);
        expect(await servedFrom(indicator, africa, year)).toEqual(expected);
        compared += expected.length;
      }
    }
    // Mobile subscriptions are served from more than one batch on the mirror (older vintages fill years the newest lacks).
    const mobile = await servedFrom('IT.CEL.SETS.P2', africa, null);
    expect(mobile.length).toBeGreaterThan(0);
    expect(mobile.reduce((n, r) => n + r.n, 0)).toBeGreaterThan(100);
    expect(compared).toBeGreaterThan(10);
  });
});
