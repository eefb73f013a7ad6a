// The whole World Bank part of the real mirror (../shared/data/worldbank) staged and
// published into an in-memory warehouse; known values are read back and checked against
// the figures in the files (file named beside each).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createWarehouse } from '../../lib/warehouse';
import { projectRoot, sharedMirror } from '../../lib/paths';
import type { SourceReport } from '../../lib/context';
import { contextFor } from '../../lib/test-context';
import { worldbankCatalog, worldbankCountries, worldbankFiles } from './sources';
import { observationsPublish } from '../../observations';

let conn: DuckDBConnection;
const reports: Record<string, SourceReport> = {};

beforeAll(async () => {
  ({ conn } = await createWarehouse(':memory:'));
  for (const s of [worldbankCatalog, worldbankCountries, worldbankFiles, observationsPublish]) {
    reports[s.id] = await s.run(contextFor(conn, { mirror: sharedMirror, root: projectRoot, source: s }).ctx);
  }
  // Staging the whole worldbank/ mirror (30 files since worldbank/mdg/ arrived) takes about 10 s
  // alone and several times that while the full suite runs beside it on a shared 2-core machine.
}, 180_000);

afterAll(() => conn?.closeSync());

async function rows(sql: string, params: (string | number)[] = []): Promise<unknown[][]> {
  return (await conn.runAndReadAll(sql, params)).getRows();
}

async function served(indicator: string, economy: string, year: number): Promise<[number, string]> {
  const [r] = await rows('SELECT value, batch_id FROM observation WHERE indicator = $1 AND economy = $2 AND year = $3', [indicator, economy, year]);
  return [r[0] as number, r[1] as string];
}

describe('served values (newest vintage per economy)', () => {
  it.each([
    // [indicator, economy, year, value, file it comes from]
    ['IT.NET.USER.ZS', 'WLD', 2025, 73.6, 'excel-resaved-2026/API_IT.NET.USER.ZS_DS2_en_csv_v2_33086.csv'],
    ['IT.NET.USER.ZS', 'WLD', 2023, 69.2, 'excel-resaved-2026/API_IT.NET.USER.ZS_DS2_en_csv_v2_33086.csv'],
    ['IT.NET.USER.ZS', 'KEN', 2015, 16.58785485, 'excel-resaved-2026/API_IT.NET.USER.ZS_DS2_en_csv_v2_33086.csv'],
    ['IT.CEL.SETS.P2', 'WLD', 2015, 96.1304610991814, 'API_IT.CEL.SETS.P2_DS2_en_csv_v2_2987.csv'],
    ['IT.CEL.SETS.P2', 'KEN', 2015, 80.50105901, 'API_IT.CEL.SETS.P2_DS2_en_csv_v2_2987.csv'],
    ['IT.MLT.MAIN.P2', 'WLD', 2015, 14.0980987050539, 'API_IT.MLT.MAIN.P2_DS2_en_csv_v2_2984.csv'],
    ['IT.MLT.MAIN.P2', 'USA', 2015, 38.46118585, 'API_IT.MLT.MAIN.P2_DS2_en_csv_v2_2984.csv'],
    ['IT.NET.BBND.P2', 'WLD', 2015, 11.485653762158, 'API_IT.NET.BBND.P2_DS2_en_csv_v2_43250.csv'],
    ['IT.NET.BBND.P2', 'KEN', 2015, 0.286023921, 'API_IT.NET.BBND.P2_DS2_en_csv_v2_43250.csv'],
    ['SP.POP.TOTL', 'WLD', 2025, 8215424893, 'excel-resaved-2026/population_SP.POP.TOTL.csv'],
    ['SP.POP.TOTL', 'KEN', 2015, 47088526, 'excel-resaved-2026/population_SP.POP.TOTL.csv'],
    ['SP.RUR.TOTL.ZS', 'WLD', 2015, 46.1610520777758, 'wdi-2018-filename-mismatch/API_SP.RUR.TOTL_DS2_en_csv_v2_9914824.csv'],
    ['SP.RUR.TOTL.ZS', 'KEN', 2015, 74.378, 'wdi-2018-filename-mismatch/API_SP.RUR.TOTL_DS2_en_csv_v2_9914824.csv'],
    ['SP.RUR.TOTL', 'WLD', 2015, 3384562583, 'wdi-2018-filename-mismatch/API_SP.RUR.TOTL.ZS_DS2_en_csv_v2_9948275.csv'],
    ['SP.RUR.TOTL', 'KEN', 2015, 35133385, 'wdi-2018-filename-mismatch/API_SP.RUR.TOTL.ZS_DS2_en_csv_v2_9948275.csv'],
    // MDG series (catalog topic mdg): under-five mortality has two vintages; Kenya 2015 is 47.5 in
    // the 2024-09-19 file and 45.9 in the 2024-02-21 one: the newer is served.
    ['SH.DYN.MORT', 'WLD', 1990, 93, 'mdg/API_SH.DYN.MORT_DS2_en_csv_v2_31650.csv'],
    ['SH.DYN.MORT', 'KEN', 2015, 47.5, 'mdg/API_SH.DYN.MORT_DS2_en_csv_v2_31650.csv'],
    ['SH.H2O.SAFE.ZS', 'KEN', 1990, 42.8, 'mdg/wdi-2017/API_SH.H2O.SAFE.ZS_DS2_en_csv_v2.csv'],
    ['SI.POV.DDAY', 'WLD', 1990, 37.8, 'mdg/API_SI.POV.DDAY_DS2_en_csv_v2_5349804.csv'],
    ['SH.STA.MMRT', 'WLD', 2000, 339, 'mdg/API_SH.STA.MMRT_DS2_en_csv_v2_5872348.csv']
  ] as const)('%s %s %i = %d (from %s)', async (indicator, economy, year, value, file) => {
    const [v, batch] = await served(indicator, economy, year);
    expect(v).toBe(value);
    const [[f]] = await rows('SELECT file FROM observation_batch WHERE batch_id = $1', [batch]);
    expect(f).toBe(`worldbank/${file}`);
  });

  it('serves WLD 2019 Internet use from the 2026 file while every vintage stays in observation_all', async () => {
    expect(await served('IT.NET.USER.ZS', 'WLD', 2019)).toEqual([53.9, 'IT.NET.USER.ZS@2026-07-13#260e0a88']);
    const all = await rows(
      `SELECT strftime(vintage, '%Y-%m-%d'), value FROM observation_all WHERE indicator = 'IT.NET.USER.ZS' AND economy = 'WLD' AND year = 2019 ORDER BY vintage NULLS FIRST`
    );
    // undated = the 2024 file without preamble (API_..._2160.csv); 2022-04-08 = API_..._3930944.csv
    expect(all).toEqual([[null, 53.2], ['2022-04-08', 56.7273890506729], ['2026-07-13', 53.9]]);
    const [[v2023]] = await rows(`SELECT value FROM observation_all WHERE batch_id = 'IT.NET.USER.ZS@undated#8ced6116' AND economy = 'WLD' AND year = 2023`);
    expect(v2023).toBe(67.4);
  });

  it('picks the newest batch per economy, not per indicator', async () => {
    // The 2026 Internet file has an empty row for the European Union: EUU stays served from 2022-04-08.
    expect((await served('IT.NET.USER.ZS', 'EUU', 2019))[1]).toBe('IT.NET.USER.ZS@2022-04-08#903449e2');
  });

  it('quarantines a code found only in a data file instead of making it a country', async () => {
    // Kosovo appears as KSV (its old World Bank code) only in the 2017 files; the reference
    // lists (country metadata, API country list) know it as XKX. Before, any code in a data
    // file became a country (a line "Atlantis","XYZ" was published with 51 values).
    expect(await rows(`SELECT count(*)::INTEGER FROM observation_all WHERE economy = 'KSV'`)).toEqual([[0]]);
    const q = await rows(
      `SELECT DISTINCT file, reason FROM quarantine WHERE reason = 'unknown economy code: KSV' AND file LIKE '%IT.CEL.SETS.P2%' ORDER BY 1`
    );
    expect(q.length).toBeGreaterThan(0);
    expect(String(q[0][0])).toMatch(/^worldbank\/.*2017/);
  });

  it('marks aggregates on observations', async () => {
    expect(await rows(`SELECT economy, is_aggregate FROM observation WHERE indicator = 'SP.POP.TOTL' AND year = 2020 AND economy IN ('WLD', 'SSF', 'LIC', 'KEN') ORDER BY 1`)).toEqual([
      ['KEN', false],
      ['LIC', true],
      ['SSF', true],
      ['WLD', true]
    ]);
  });
});

describe('batches and vintages', () => {
  it('keeps every vintage of IT.NET.USER.ZS, the 2017 one via the IT.NET.USER.P2 alias', async () => {
    expect(await rows(`SELECT strftime(vintage, '%Y-%m-%d'), original_code, layout FROM observation_batch WHERE indicator = 'IT.NET.USER.ZS' ORDER BY vintage NULLS FIRST`)).toEqual([
      [null, 'IT.NET.USER.ZS', 'wb-bulk-noheader'],
      ['2017-02-01', 'IT.NET.USER.P2', 'wb-bulk'],
      ['2022-02-15', 'IT.NET.USER.ZS', 'databank'],
      ['2022-04-08', 'IT.NET.USER.ZS', 'wb-bulk'],
      ['2026-07-13', 'IT.NET.USER.ZS', 'wb-excel']
    ]);
  });

  it('parses every layout', async () => {
    // Counted on the files this test names (the mirror grows: worldbank/mdg/ came later).
    expect(await rows(`SELECT layout, count(*)::INTEGER FROM observation_batch WHERE file NOT LIKE 'worldbank/mdg/%' GROUP BY 1 ORDER BY 1`)).toEqual([
      ['databank', 8],
      ['wb-bulk', 12],
      ['wb-bulk-noheader', 1],
      ['wb-excel', 2]
    ]);
  });

  it('takes the indicator from the Indicator Code column, not the (swapped) file name', async () => {
    expect(await rows(`SELECT file, indicator FROM observation_batch WHERE file LIKE '%filename-mismatch%' ORDER BY 1`)).toEqual([
      ['worldbank/wdi-2018-filename-mismatch/API_SP.RUR.TOTL.ZS_DS2_en_csv_v2_9948275.csv', 'SP.RUR.TOTL'],
      ['worldbank/wdi-2018-filename-mismatch/API_SP.RUR.TOTL_DS2_en_csv_v2_9914824.csv', 'SP.RUR.TOTL.ZS']
    ]);
  });

  it('loads the population file once although it is also inside zip/Population.zip', async () => {
    const batches = await rows(`SELECT file, rows_loaded, source LIKE '%duplicate copy of SP.POP.TOTL@2025-10-07#b3ce5b9a %' FROM observation_batch WHERE indicator = 'SP.POP.TOTL' AND vintage = '2025-10-07' ORDER BY 1`);
    expect(batches).toEqual([
      ['worldbank/API_SP.POP.TOTL_DS2_en_csv_v2_246068.csv', 17195, false],
      ['worldbank/zip/Population.zip!API_SP.POP.TOTL_DS2_en_csv_v2_246068.csv', 0, true]
    ]);
    expect(reports['observations-publish'].message).toContain('duplicate copies not loaded twice: SP.POP.TOTL@2025-10-07#b3ce5b9a~2');
    expect(await rows(`SELECT count(*)::INTEGER FROM data_quality_flag`)).toEqual([[0]]);
  });

  it('quarantines only the DataBank series outside the catalog, one line each', async () => {
    expect(await rows(`SELECT row_number, reason FROM quarantine WHERE file LIKE 'worldbank/databank/%' ORDER BY row_number`)).toEqual([
      [3, 'unknown indicator code: FR.INR.RINR'],
      [5, 'unknown indicator code: IT.CEL.SETS'],
      [6, 'unknown indicator code: IT.NET.SECR'],
      [8, 'unknown indicator code: IT.MLT.MAIN'],
      [9, 'unknown indicator code: IT.NET.BBND']
    ]);
  });

  it('loads every MDG file through the catalog: rows in each, none refused as an unknown indicator', async () => {
    const batches = (await rows(`SELECT file, indicator, rows_loaded FROM observation_batch WHERE file LIKE 'worldbank/mdg/%' ORDER BY file`)) as [string, string, number][];
    expect(batches.length).toBe(14);
    for (const [file, , loaded] of batches) expect(loaded, file).toBeGreaterThan(0);
    expect(await rows(`SELECT count(*)::INTEGER FROM quarantine WHERE file LIKE 'worldbank/mdg/%' AND reason LIKE 'unknown indicator code:%'`)).toEqual([[0]]);
    // Under-five mortality keeps both vintages in observation_all.
    expect(await rows(`SELECT strftime(vintage, '%Y-%m-%d'), value FROM observation_all WHERE indicator = 'SH.DYN.MORT' AND economy = 'KEN' AND year = 2015 ORDER BY vintage`)).toEqual([
      ['2024-02-21', 45.9],
      ['2024-09-19', 47.5]
    ]);
  });

  it('reports files, vintages and counts', async () => {
    const files = reports['worldbank-files'];
    // Per file, not for the whole mirror: every file under worldbank/ is one batch source at least.
    const [[nFiles]] = await rows(`SELECT count(DISTINCT regexp_replace(file, '!.*$', ''))::INTEGER FROM observation_batch`);
    expect([files.status, files.files, files.rowsQuarantined]).toEqual(['ok', nFiles, 0]);
    expect(files.vintage).toMatch(/^2017-02-01\.\.2026-07-13$/);
    expect(files.checksum).toMatch(/^[0-9a-f]{64}$/);
    // The 16 files this suite was written on (the zip counts once), and one batch per MDG file.
    expect(await rows(`SELECT file LIKE 'worldbank/mdg/%', count(DISTINCT regexp_replace(file, '!.*$', ''))::INTEGER, count(*)::INTEGER FROM observation_batch GROUP BY 1 ORDER BY 1`)).toEqual([
      [false, 16, 23],
      [true, 14, 14]
    ]);
  });
});

describe('economies', () => {
  it('uses the newest metadata vintage (2025 moved AFG to Middle East & North Africa) and says which file', async () => {
    const [[region, income, iso2, source]] = await rows(`SELECT wb_region, wb_income_group, iso2, source FROM economy WHERE code = 'AFG'`);
    expect([region, income, iso2]).toEqual(['Middle East & North Africa', 'Low income', 'AF']);
    expect(source).toContain('Metadata_Country_API_SP.POP.TOTL_DS2_en_csv_v2_246068.csv (Last Updated 2025-10-07)');
  });

  it('keeps aggregates apart and takes economies from the reference lists only', async () => {
    expect(await rows('SELECT count(*)::INTEGER, count(*) FILTER (WHERE is_aggregate)::INTEGER FROM economy')).toEqual([[296, 79]]);
    expect(await rows(`SELECT code, is_aggregate FROM economy WHERE code IN ('WLD', 'HIC', 'KSV', 'XKX', 'AFR') ORDER BY 1`)).toEqual([
      ['AFR', true], // only in the API country list
      ['HIC', true],
      ['WLD', true],
      ['XKX', false] // KSV, Kosovo's old code in the 2017 data files, is not an economy
    ]);
  });

  it('groups countries under the World Bank aggregate codes', async () => {
    expect(await rows(`SELECT classification, group_code, group_name, count(*)::INTEGER FROM economy_group GROUP BY ALL ORDER BY 1, 2`)).toEqual([
      ['wb_income', 'HIC', 'High income', 86],
      ['wb_income', 'LIC', 'Low income', 25],
      ['wb_income', 'LMC', 'Lower middle income', 50],
      ['wb_income', 'UMC', 'Upper middle income', 54],
      ['wb_region', 'EAS', 'East Asia & Pacific', 37],
      ['wb_region', 'ECS', 'Europe & Central Asia', 58],
      ['wb_region', 'LCN', 'Latin America & Caribbean', 42],
      ['wb_region', 'MEA', 'Middle East & North Africa', 23],
      ['wb_region', 'NAC', 'North America', 3],
      ['wb_region', 'SAS', 'South Asia', 6],
      ['wb_region', 'SSF', 'Sub-Saharan Africa', 48]
    ]);
  });
});
