// UN SDG database (DDF copy) and the UIS vintage of 4.a.1 on the real mirror files: known
// values read back from the warehouse (checked by hand against the CSV lines cited), the
// unmatched area, the publisher's regions, and the two 4.a.1 vintages reconciled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedMirror, projectRoot } from '../lib/paths';
import { contextFor } from '../lib/test-context';
import { unSdg } from './un-sdg';
import { uis } from './uis';
import { reconcile4a1 } from './reconcile-4a1';
import { sdgDisaggregation } from './sdg-codes';
import { warehouseWith } from './test-economies';

let w: Awaited<ReturnType<typeof warehouseWith>>;
const value = (indicator: string, economy: string, year: number, d = '') =>
  w.one(`SELECT value FROM observation WHERE indicator = '${indicator}' AND economy = '${economy}' AND year = ${year} AND disaggregation = '${d}'`);

beforeAll(async () => {
  w = await warehouseWith([unSdg, uis]);
  await reconcile4a1.run(contextFor(w.conn, { mirror: sharedMirror, root: projectRoot, source: reconcile4a1 }).ctx);
}, 60_000);
afterAll(() => w?.close());

describe('UN SDG database series', () => {
  it('reads every row and counts what it refused', () => {
    expect(w.reports['un-sdg']).toMatchObject({ status: 'ok', files: 8, rowsRead: 46847, rowsLoaded: 46802, rowsQuarantined: 45, vintage: '2023-12-17' });
    expect(w.reports['un-sdg'].message).toContain('areas: 229 names matched, 1 unmatched: 158 / Other non-specified areas in Eastern Asia');
  });

  it('serves country-year values (it_mob_2gntwk line 1742: 404,c,percent,2020,96.3)', async () => {
    expect(await value('IT_MOB_2GNTWK', 'KEN', 2020)).toBe(96.3);
    expect(await value('SE_ACS_ELECT', 'KEN', 2016, 'education_level=primary')).toBe(82.62217); // se_acs_elect line 1619
  });

  it('serves the SDG regions as declared aggregates (it_mob_4gntwk line 9: 1,n,percent,2022,87.7)', async () => {
    expect(await value('IT_MOB_4GNTWK', 'M49_001', 2022)).toBe(87.7);
    expect(await w.one("SELECT name || '|' || is_aggregate || '|' || m49 FROM economy WHERE code = 'M49_001'")).toBe('World|true|001');
    expect(await w.one("SELECT count(*)::INTEGER FROM economy WHERE code LIKE 'M49_%'")).toBe(29);
    expect(await w.one("SELECT name FROM economy WHERE code = 'M49_747'")).toBe('Northern Africa and Western Asia');
  });

  it('encodes disaggregations: ICT skills by type, age and sex (se_adt_acts lines 2 and 21, Albania)', async () => {
    expect(await value('SE_ADT_ACTS', 'ALB', 2019, 'age=15-24;type_of_skill=copa')).toBe(32.14765);
    expect(await value('SE_ADT_ACTS', 'ALB', 2019, 'age=15-24;sex=female;type_of_skill=copa')).toBe(31.87484);
    expect(sdgDisaggregation({ education_level: 'primar', geo_area: '1' })).toEqual({ text: 'education_level=primary' });
    expect(sdgDisaggregation({ age: 'allage', sex: 'bothsex', location: 'rural', type_of_skill: 'arsp' })).toEqual({ text: 'location=rural;type_of_skill=arsp' });
    expect(sdgDisaggregation({ education_level: 'tertia' })).toEqual({ error: 'unknown education level code "tertia"' });
  });

  it('quarantines the unmatched area line by line, and maps Kosovo (412) through the reviewed name file', async () => {
    const q = w.quarantined['un-sdg'];
    expect(q).toHaveLength(45);
    expect(q[0]).toMatchObject({ file: 'un/sdg-ddf/ddf--datapoints--it_mob_2gntwk--by--geo_area--nature--units--year.csv', row_number: 783, raw: '158,c,percent,2000,100' });
    expect(new Set(q.map((r) => r.reason))).toEqual(new Set(['unmatched area: M49 158 "Other non-specified areas in Eastern Asia" is neither a country nor an SDG region']));
    expect(await value('SE_ADT_ACTS', 'XKX', 2017, 'type_of_skill=arsp')).toBe(16.29279); // line 20851: allage,412,allarea,c,bothsex,arsp
  });

  it('lets the publish step refuse the values out of range, under un-sdg', async () => {
    expect(await w.rows("SELECT reason FROM quarantine WHERE source = 'un-sdg' AND reason LIKE 'out of range%' ORDER BY 1")).toEqual([
      ['out of range: -0.0000027 (negative) (economy IRN, year 2021, age=75+;sex=female;type_of_skill=pcpr)'],
      ['out of range: 556.79408 (allowed 0..100) (economy SVN, year 2017, age=15-24;sex=female;type_of_skill=cmfl)']
    ]);
  });

  it('keeps the nature-of-data counts in the batch citation', async () => {
    expect(await w.one("SELECT source FROM observation_batch WHERE indicator = 'IT_MOB_2GNTWK'")).toMatch(/nature of data .*: C 3077, E 225, N 209$/); // 3099 C rows less the 22 of area 158
  });
});

describe('UIS vintage of 4.a.1, reconciled', () => {
  it('stages the UIS files as the same SDG codes with their own vintage', async () => {
    expect(w.reports.uis).toMatchObject({ status: 'ok', files: 12, rowsRead: 3120, rowsLoaded: 3120, rowsQuarantined: 0, vintage: '2019-09-03' });
    // schbsp_3_wintern line 121: bgd,2017,82.9194 kept in observation_all; the SDG copy (se_acs_intnt line 2299: uppsec,50,...,2017,35.15158) serves.
    expect(await w.one("SELECT value FROM observation_all WHERE indicator = 'SE_ACS_INTNT' AND economy = 'BGD' AND year = 2017 AND disaggregation = 'education_level=upper_secondary' AND vintage = '2019-09-03'")).toBe(82.9194);
    expect(await value('SE_ACS_INTNT', 'BGD', 2017, 'education_level=upper_secondary')).toBe(35.15158);
    // A UIS region (40510 World) serves: the SDG copy has no such code.
    expect(await value('SE_ACS_INTNT', 'UIS_40510', 2017, 'education_level=upper_secondary')).toBe(63.6388);
  });

  it('pairs the two vintages and keeps the differences, with one flag per indicator', async () => {
    expect(await w.rows('SELECT indicator, count(*)::INTEGER FROM vintage_difference GROUP BY 1 ORDER BY 1')).toEqual([
      ['SE_ACS_CMPTR', 33],
      ['SE_ACS_ELECT', 13],
      ['SE_ACS_INTNT', 28]
    ]);
    expect(await w.rows("SELECT served_value, other_value, other_vintage::VARCHAR FROM vintage_difference WHERE indicator = 'SE_ACS_INTNT' AND economy = 'BGD' AND year = 2017 AND disaggregation = 'education_level=upper_secondary'")).toEqual([[35.15158, 82.9194, '2019-09-03']]);
    expect(await w.one("SELECT message FROM data_quality_flag WHERE id = 'reconcile-4a1-SE_ACS_INTNT'")).toMatch(/^SE_ACS_INTNT: 690 values published by both vintages, 28 differ by more than 0.001 points .*23 values only in an older vintage/);
  });
});
