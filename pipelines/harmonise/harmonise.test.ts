// Harmonisation on the real names of the mirror files: UN DESA E-Government Survey CSVs
// (trailing spaces, "Georgia (Country)"), ITU's WTID workbook (abbreviations), the WSIS
// Prizes 2015 list (upper case), against the economy table the World Bank and M49 sources build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createWarehouse } from '../lib/warehouse';
import { projectRoot, sharedMirror } from '../lib/paths';
import { contextFor } from '../lib/test-context';
import { parseCsv } from '../lib/csv';
import { worldbankCountries } from '../sources/worldbank/sources';
import { m49 } from '../sources/m49';
import { createHarmoniser, normaliseName, readCountryNames, type Harmoniser } from './index';

const ITU_FILE = 'itu/wtid-jun2019/Individuals_Internet_2000-2018_Jun2019.xls';
let conn: DuckDBConnection;
const harmoniser = () => createHarmoniser(conn, { root: projectRoot });

function ituNames(): string[] {
  const wb = XLSX.read(readFileSync(join(sharedMirror, ITU_FILE)));
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 });
  return rows.slice(2).map((r) => r[0]).filter((n): n is string => typeof n === 'string' && n.trim() !== '');
}

beforeAll(async () => {
  ({ conn } = await createWarehouse(':memory:'));
  for (const s of [worldbankCountries, m49]) await s.run(contextFor(conn, { mirror: sharedMirror, root: projectRoot, source: s }).ctx);
}, 30_000);
afterAll(() => conn?.closeSync());

describe('names and codes to ISO3', () => {
  let h: Harmoniser;
  beforeAll(async () => (h = await harmoniser()));

  // By the context that names them ('' for codes: M49 numeric, ISO2, ISO3 and aggregate codes).
  const known: Record<string, [name: string, iso3: string][]> = {
    'UN DESA': [
      ['Georgia (Country)', 'GEO'], // EGOV_DATA_2022.csv
      ['Iraq ', 'IRQ'], // trailing space as in the E-Gov files
      ["Côte d'Ivoire ", 'CIV'],
      ['Viet Nam ', 'VNM'],
      ['Türkiye', 'TUR'],
      ['United Kingdom of Great Britain and Northern Ireland', 'GBR']
    ],
    ITU: [
      ["Cote d'Ivoire", 'CIV'],
      ['Turkey', 'TUR'],
      ['Tanzania', 'TZA'],
      ['Korea (Rep. of)', 'KOR'],
      ['Lao P.D.R.', 'LAO'],
      ['Turks & Caicos Is.', 'TCA']
    ],
    'WSIS prizes': [
      ['UNITED REPUBLIC OF TANZANIA', 'TZA'],
      ['KOREA (REP. OF)', 'KOR'],
      ['IRAN (ISLAMIC REPUBLIC OF)', 'IRN']
    ],
    '': [
      ['404', 'KEN'], // M49 numeric
      ['4', 'AFG'],
      ['KE', 'KEN'], // ISO2
      ['KEN', 'KEN'],
      ['WLD', 'WLD'] // an aggregate code passes as a code, never as a name
    ]
  };
  it.each(Object.entries(known).flatMap(([context, rows]) => rows.map(([name, iso3]) => [name, context, iso3])))('%s (%s) -> %s', (name, context, iso3) => {
    expect(h.toIso3(name, context)).toBe(iso3);
  });

  // Never guesses: unknown, ambiguous and other-publisher names stay unmatched.
  it.each([
    ['Taiwan, Province of China', 'ITU'], // not in the economy table
    ['Neth. Antilles', 'ITU'], // dissolved 2010, no current code
    ['INTERNATIONAL', 'WSIS prizes'],
    ['Georgia (Country)', 'ITU'], // a mapping row of UN DESA only
    ['World', ''], // aggregates are not matched by name
    ['999', '']
  ])('%s (%s) stays unmatched', (name, context) => {
    expect(h.toIso3(name, context)).toBeNull();
  });
});

describe("M49's names come from the build, not from its files", () => {
  it('matches "United Kingdom of Great Britain and Northern Ireland" through economy.m49_name only', async () => {
    // The World Bank calls GBR "United Kingdom"; only M49's name, as this build holds it, matches
    // the UN DESA spelling. A build that reuses M49's served rows holds the same names.
    expect((await harmoniser()).toIso3('United Kingdom of Great Britain and Northern Ireland', 'UN DESA')).toBe('GBR');
    await conn.run("UPDATE economy SET m49_name = NULL WHERE code = 'GBR'");
    try {
      expect((await harmoniser()).toIso3('United Kingdom of Great Britain and Northern Ireland', 'UN DESA')).toBeNull();
    } finally {
      await conn.run("UPDATE economy SET m49_name = 'United Kingdom of Great Britain and Northern Ireland' WHERE code = 'GBR'");
    }
  });
});

describe('whole files', () => {
  it('matches all 193 names of every E-Government Survey edition', async () => {
    const h = await harmoniser();
    const dir = join(sharedMirror, 'un/egov');
    for (const f of readdirSync(dir)) for (const r of parseCsv(readFileSync(join(dir, f), 'utf8')).rows) h.toIso3(r.record['Country Name'], 'UN DESA');
    const { matched, unmatched } = h.report();
    expect(unmatched).toEqual([]);
    expect(matched).toBeGreaterThan(1900);
  });

  it("matches ITU's WTID names except Ascension, the Netherlands Antilles and Taiwan, and counts them", async () => {
    const h = await harmoniser();
    const names = ituNames();
    for (const n of names) h.toIso3(n, 'ITU');
    const r = h.report();
    expect(r.unmatched.map((u) => u.name)).toEqual(['Ascension', 'Neth. Antilles', 'Taiwan, Province of China']);
    expect(r.matched).toBe(names.length - 3);
    expect(h.summary()).toBe(`${names.length - 3} names matched, 3 unmatched: Ascension, Neth. Antilles, Taiwan, Province of China`);
  });
});

describe('the mapping file', () => {
  it('is read with its sources, and names normalise as documented', () => {
    const rows = readCountryNames(projectRoot);
    expect(rows.find((r) => r.name === 'Georgia (Country)')).toEqual({ name: 'Georgia (Country)', context: 'UN DESA', iso3: 'GEO' });
    expect(normaliseName('  Côte d’Ivoire ')).toBe('cote d ivoire');
    expect(normaliseName('St. Pierre & Miquelon')).toBe('st pierre and miquelon');
  });
});
