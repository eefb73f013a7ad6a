// ITU's own Excel files of the real mirror (../shared/data/itu), read, staged and published
// into an in-memory warehouse with the World Bank and M49 economies; known values read back
// and checked against the cells of the files (file, row and column named beside each).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createWarehouse } from '../../lib/warehouse';
import { projectRoot, sharedMirror } from '../../lib/paths';
import type { QuarantineRow, SourceReport } from '../../lib/context';
import { contextFor, testContext } from '../../lib/test-context';
import { worldbankCatalog, worldbankCountries } from '../worldbank/sources';
import { m49 } from '../m49';
import { observationsPublish } from '../../observations';
import { ituKeyIct, ituWtid, KEY_ICT_FILE } from './index';
import { readKeyIct } from './read-key-ict';
import { parseFootnotes } from './read-households';
import { readSheet, updatedDate, valueOf, yearOf, type Cell } from './sheet';

const KEY = `itu/key-ict-2005-2019/${KEY_ICT_FILE}`;
const WTID = 'itu/wtid-jun2019/';
let conn: DuckDBConnection;
const reports: Record<string, SourceReport> = {};
const quarantined: QuarantineRow[] = [];

beforeAll(async () => {
  ({ conn } = await createWarehouse(':memory:'));
  for (const s of [worldbankCatalog, worldbankCountries, m49, ituKeyIct, ituWtid, observationsPublish]) {
    reports[s.id] = await s.run(contextFor(conn, { mirror: sharedMirror, root: projectRoot, source: s, quarantined }).ctx);
  }
}, 60_000);
afterAll(() => conn?.closeSync());

async function one(sql: string, params: (string | number)[] = []): Promise<unknown> {
  return (await conn.runAndReadAll(sql, params)).getRows()[0]?.[0];
}
const served = (indicator: string, economy: string, year: number, disaggregation = '') =>
  one('SELECT value FROM observation WHERE indicator = $1 AND economy = $2 AND year = $3 AND disaggregation = $4', [indicator, economy, year, disaggregation]);

describe('sheet helpers', () => {
  it("reads ITU's marks", () => {
    expect(valueOf('...')).toBeNull();
    expect(valueOf('N/A')).toBeNull();
    expect(valueOf(' 99.2 ')).toBe('99.2');
    expect(valueOf('-')).toBe('-'); // "zero or less than the unit": refused at publish, not guessed
    expect(yearOf('2019*')).toEqual({ year: 2019, estimate: true });
    expect(yearOf(2005)).toEqual({ year: 2005, estimate: false });
    expect(updatedDate('Updated: 28 October 2019')).toBe('2019-10-28');
    expect(parseFootnotes(' (1) 18+ (2) Households that have computers.').get('2')).toBe('Households that have computers.');
  });
});

describe('key ICT reader (pure)', () => {
  const rows = readSheet(readFileSync(join(sharedMirror, KEY)), KEY).rows;

  it('reads every aggregate row of the real file, 2019* as an estimate of 2019', () => {
    const read = readKeyIct(rows, KEY);
    expect(read.rowsRead).toBe(110);
    expect(read.refused).toEqual([]);
    expect(read.vintage).toBe('2019-10-28');
    const world = read.values.filter((v) => v.indicator === 'ITU_INET' && v.economy === 'ITU_WLD');
    expect(world.map((v) => v.year)).toEqual([2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]);
    expect(read.notes.filter((n) => n.kind === 'estimate' && n.economy === 'ITU_WLD' && n.indicator === 'ITU_INET').map((n) => n.year)).toEqual([2019]);
  });

  it('refuses an aggregate or a block it does not know, with the row', () => {
    const changed: Cell[][] = rows.map((r) => [...r]);
    changed[74][0] = 'Oceania'; // row 75, World under "Individuals using the Internet"
    changed[4][0] = 'Payphones per 100'; // row 5, the first block's label
    const read = readKeyIct(changed, KEY);
    expect(read.refused.map((r) => [r.row_number, r.reason.slice(0, 41)])).toEqual([
      [6, 'row under "Payphones per 100", an indicat'],
      [7, 'row under "Payphones per 100", an indicat'],
      [8, 'row under "Payphones per 100", an indicat'],
      [9, 'row under "Payphones per 100", an indicat'],
      [75, '"Oceania" is not one of ITU\'s aggregates ']
    ]);
  });

  it('fails with the file named on a sheet of another layout', () => {
    expect(() => readKeyIct([['Country', 'Value'], ['Kenya', 3]], 'other.xls')).toThrow('other.xls: no aggregate rows found');
  });
});

describe('key ICT aggregates in the warehouse', () => {
  // One series per row: its values by year as in the file, and where they stand in it.
  it.each<[string, string, Record<number, number>, string]>([
    ['ITU_INET', 'ITU_WLD', { 2005: 16.8, 2015: 41.5, 2019: 53.6 }, 'row 75 (World), columns Q, AA and AE (2019*)'],
    ['ITU_HH6', 'ITU_AFR', { 2019: 17.8 }, 'row 166 (Africa), column AE'],
    ['ITU_MOB_P100', 'ITU_LDC', { 2005: 5.0 }, 'row 15 (LDCs), column Q']
  ])('%s %s = %o (%s)', async (indicator, economy, byYear) => {
    for (const [year, value] of Object.entries(byYear)) expect(await served(indicator, economy, Number(year))).toBeCloseTo(value, 1);
  });

  it('marks the 2019 values as ITU estimates', async () => {
    expect(await one("SELECT kind FROM observation_note WHERE indicator = 'ITU_INET' AND economy = 'ITU_WLD' AND year = 2019")).toBe('estimate');
    expect(await one("SELECT count(*)::INTEGER FROM observation_note WHERE indicator = 'ITU_INET' AND economy = 'ITU_WLD' AND year < 2019")).toBe(0);
  });

  it('declares the ten ITU aggregates apart from countries, with their vintage', async () => {
    expect(await one("SELECT string_agg(code, ',' ORDER BY code) FROM economy WHERE code LIKE 'ITU\\_%' ESCAPE '\\' AND is_aggregate")).toBe(
      'ITU_AFR,ITU_AMS,ITU_ARB,ITU_ASP,ITU_CIS,ITU_DEV,ITU_DVG,ITU_EUR,ITU_LDC,ITU_WLD'
    );
    expect(await one("SELECT DISTINCT strftime(vintage, '%Y-%m-%d') FROM observation WHERE economy = 'ITU_WLD'")).toBe('2019-10-28');
    expect(reports['itu-key-ict']).toMatchObject({ status: 'ok', rowsRead: 110, rowsLoaded: 110, rowsQuarantined: 0 });
  });
});

describe('WTID files in the warehouse', () => {
  it.each([
    // [indicator, economy, year, disaggregation, value, where in the file]
    ['ITU_INET', 'AFG', 2017, '', 13.5, 'Individuals_Internet_2000-2018_Jun2019.xls row 3, 2017'],
    ['ITU_INET', 'GBR', 2018, '', 94.8967417605954, 'Individuals_Internet row 219, 2018'],
    ['ITU_MOB_P100', 'KEN', 2018, '', 96.3202167473058, 'Mobile_cellular row 109, per-100 block 2018'],
    ['ITU_FTEL_P100', 'ALB', 2018, '', 8.58308414910814, 'Fixed_tel row 4, per-100 block 2018'],
    ['ITU_FBB_P100', 'KEN', 2018, '', 0.722863316901968, 'Fixed_broadband row 108, per-100 block 2018'],
    ['ITU_HH1', 'ARM', 2016, '', 98.9, 'CoreHouseholdIndicators row 12, HH1 (year of data 2016)'],
    ['ITU_HH2', 'ALB', 2015, '', 99.2, 'CoreHouseholdIndicators row 6, HH2 (2015)'],
    ['ITU_HH6', 'KEN', 2016, '', 30, 'CoreHouseholdIndicators row 94, HH6 (2016), footnote 63'],
    ['ITU_HH7', 'DZA', 2018, 'sex=female', 50.3, 'Internet by gender row 4, Female'],
    ['ITU_HH7', 'DZA', 2018, 'sex=male', 68.1, 'Internet by gender row 4, Male'],
    ['ITU_HH7', 'XKX', 2018, 'sex=female', 89.0, 'Internet by gender row 63, Kosovo: one economy of that name since KSV is quarantined']
  ])('%s %s %i %s = %d (%s)', async (indicator, economy, year, disaggregation, value) => {
    expect(await served(indicator, economy, year, disaggregation)).toBe(value);
  });

  it("keeps ITU's notes: estimates, scope notes, footnotes", async () => {
    const notes = async (indicator: string, economy: string, year: number) =>
      (await conn.runAndReadAll('SELECT kind, note FROM observation_note WHERE indicator = $1 AND economy = $2 AND year = $3 ORDER BY kind', [indicator, economy, year])).getRows();
    expect(await notes('ITU_INET', 'KEN', 2017)).toEqual([['estimate', 'ITU estimate.']]);
    expect(await notes('ITU_INET', 'AFG', 2017)).toEqual([['note', '18+'], ['source', 'Asia Foundation']]);
    expect(await notes('ITU_HH6', 'KEN', 2016)).toEqual([['note', '(63) Proportion of households with internet connection']]);
  });

  it('quarantines every name the harmoniser cannot match, with file and row', () => {
    const unmatched = quarantined.filter((q) => q.source === 'itu-wtid').map((q) => `${q.file.replace(WTID, '')} ${q.row_number} ${/"([^"]+)"/.exec(q.reason)![1]}`);
    expect(unmatched.sort()).toEqual([
      'Fixed_broadband_2000-2018_Jun2019_revised27082019.xls 14 Ascension',
      'Fixed_broadband_2000-2018_Jun2019_revised27082019.xls 145 Neth. Antilles',
      'Fixed_broadband_2000-2018_Jun2019_revised27082019.xls 200 Taiwan, Province of China',
      'Fixed_tel_2000-2018_Jun2019_revised_27082019.xls 14 Ascension',
      'Fixed_tel_2000-2018_Jun2019_revised_27082019.xls 146 Neth. Antilles',
      'Fixed_tel_2000-2018_Jun2019_revised_27082019.xls 201 Taiwan, Province of China',
      'Individuals using the internet by gender_Jun2019.xlsx 106 Taiwan, Province of China',
      'Individuals_Internet_2000-2018_Jun2019.xls 14 Ascension',
      'Individuals_Internet_2000-2018_Jun2019.xls 147 Neth. Antilles',
      'Individuals_Internet_2000-2018_Jun2019.xls 202 Taiwan, Province of China',
      'Mobile_cellular_2000-2018_Jun2019.xls 14 Ascension',
      'Mobile_cellular_2000-2018_Jun2019.xls 147 Neth. Antilles',
      'Mobile_cellular_2000-2018_Jun2019.xls 202 Taiwan, Province of China'
    ]);
  });

  it('reports rows read, loaded and quarantined per file, and the names matched', () => {
    const r = reports['itu-wtid'];
    expect(r).toMatchObject({ status: 'ok', files: 6, rowsRead: 1223, rowsLoaded: 1210, rowsQuarantined: 13, vintage: '2019-07-22..2019-08-27' });
    expect(r.message).toContain('CoreHouseholdIndicators_Jun2019.xlsx: 195 rows read, 195 loaded, 0 quarantined');
    expect(r.message).toContain('Individuals using the internet by gender_Jun2019.xlsx: 115 rows read, 114 loaded, 1 quarantined (Taiwan, Province of China)');
    expect(r.message).toContain('ITU names: 1210 names matched, 3 unmatched: Ascension, Neth. Antilles, Taiwan, Province of China');
    expect(r.message).toContain('differs for 4: Botswana 36.7 (2014) vs HH7 47.0 (2017)');
  });

  it('has no ITU value refused at publish', async () => {
    expect(await one("SELECT count(*)::INTEGER FROM quarantine WHERE source LIKE 'itu%' AND reason NOT LIKE 'ITU name%'")).toBe(0);
  });
});

describe('online mode', () => {
  it("reports ITU's file URL as unreachable, like the World Bank API", async () => {
    const t = await testContext({ source: ituKeyIct });
    try {
      const report = await ituKeyIct.run(t.ctx);
      expect(report.status).toBe('failed');
      expect(report.message).toBe(
        'ITU file unreachable: GET https://www.itu.int/en/ITU-D/Statistics/Documents/statistics/2019/ITU_Key_2005-2019_ICT_data_with%20LDCs_28Oct2019_Final.xls failed after 1 attempt (network refused in tests); no ITU aggregates loaded'
      );
    } finally {
      t.close();
    }
  });
});
