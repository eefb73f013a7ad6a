// Global Data Lab Area Database on the real files: households with a television, national and
// urban/rural (values checked by hand against the lines cited), GDL codes to ISO3 through the
// entity file and the harmoniser (Kosovo's "XKO" through a reviewed mapping row).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gdl } from './gdl';
import { warehouseWith } from './test-economies';

let w: Awaited<ReturnType<typeof warehouseWith>>;
const value = (indicator: string, economy: string, year: number, d = '') =>
  w.one(`SELECT value FROM observation WHERE indicator = '${indicator}' AND economy = '${economy}' AND year = ${year} AND disaggregation = '${d}'`);

beforeAll(async () => (w = await warehouseWith([gdl])), 60_000);
afterAll(() => w?.close());

describe('Global Data Lab', () => {
  it('reads every row, all codes matched', () => {
    expect(w.reports.gdl).toMatchObject({ status: 'ok', files: 6, rowsRead: 1651, rowsLoaded: 1651, rowsQuarantined: 0, vintage: null });
    expect(w.reports.gdl.message).toContain('countries: 133 names matched, 0 unmatched');
  });

  it('serves households with a TV, national and by location (tv--by--national line 176, tv--by--urb_rur lines 339 and 344)', async () => {
    expect(await value('GDL_TV', 'KEN', 2014)).toBe(34.51);
    expect(await value('GDL_TV', 'KEN', 2014, 'location=rural')).toBe(18.95);
    expect(await value('GDL_TV', 'KEN', 2014, 'location=urban')).toBe(56.02);
    expect(await w.rows("SELECT DISTINCT disaggregation FROM observation WHERE indicator = 'GDL_TV' ORDER BY 1")).toEqual([[''], ['location=rural'], ['location=urban']]);
  });

  it("maps GDL's Kosovo code XKO to XKX (computer--by--national line 107: ksvt,2014,75.59)", async () => {
    expect(await value('GDL_COMPUTER', 'XKX', 2014)).toBe(75.59);
  });
});
