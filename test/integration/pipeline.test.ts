// The whole pipeline on the real mirror (../shared/data): what a researcher gets from
// `npm run pipeline -- --mirror ../shared/data`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline, openReadOnly, RunFailed, type RunResult } from '../../pipelines/run';
import { allSources, finishers } from '../../pipelines/sources/index';
import { sharedMirror } from '../../pipelines/lib/paths';
import type { Source } from '../../pipelines/lib/context';
import { manifestPath, readManifest } from '../../pipelines/lib/build-manifest';

const dir = mkdtempSync(join(tmpdir(), 'wsis-pipeline-'));
const out = join(dir, 'wsis.duckdb');
const quiet = () => {};
let first: RunResult;

async function scalar(path: string, sql: string, params: (string | number)[] = []) {
  const { instance, conn } = await openReadOnly(path);
  try {
    const rows = (await conn.runAndReadAll(sql, params)).getRows();
    return rows[0]?.[0];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

beforeAll(async () => {
  first = await runPipeline({ out, mirror: sharedMirror, sources: allSources(), finishers: finishers(), log: quiet });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pipeline on the shared mirror', () => {
  it('publishes a warehouse with a run record per source', async () => {
    expect(first.published).toBe(true);
    expect(existsSync(out)).toBe(true);
    expect(first.outcomes.map((o) => o.source)).toEqual(allSources().map((s) => s.id));
    expect(Number(await scalar(out, 'SELECT count(*) FROM run_record'))).toBe(allSources().length);
    // The saved API response is page 1 of 2: the run says so instead of hiding it.
    const api = first.outcomes.find((o) => o.source === 'worldbank-api')!;
    expect(api.status).toBe('partial');
    expect(api.message).toContain('page 2 of 2 is missing');
  });

  it('reads back known values from the newest vintage', async () => {
    // excel-resaved-2026/API_IT.NET.USER.ZS_DS2_en_csv_v2_33086.csv (Last Updated 7/13/2026): World 2015 = 39.9, 2025 = 73.6
    const v = (ind: string, eco: string, year: number) =>
      scalar(out, 'SELECT value FROM observation WHERE indicator = $1 AND economy = $2 AND year = $3', [ind, eco, year]);
    expect(await v('IT.NET.USER.ZS', 'WLD', 2015)).toBe(39.9);
    expect(await v('IT.NET.USER.ZS', 'WLD', 2025)).toBe(73.6);
    // excel-resaved-2026/population_SP.POP.TOTL.csv: World 2025 = 8 215 424 893
    expect(await v('SP.POP.TOTL', 'WLD', 2025)).toBe(8215424893);
    // API_IT.CEL.SETS.P2_DS2_en_csv_v2_2987.csv (2024-02-21): Kenya 2015
    expect(await v('IT.CEL.SETS.P2', 'KEN', 2015)).toBeCloseTo(80.50105901, 6);
    // An MDG series through the same catalog and observation step: mdg/API_SH.DYN.MORT_DS2_en_csv_v2_31650.csv, World 1990.
    expect(await v('SH.DYN.MORT', 'WLD', 1990)).toBe(93);
    expect(await scalar(out, "SELECT vintage::VARCHAR FROM observation WHERE indicator = 'IT.NET.USER.ZS' AND economy = 'WLD' AND year = 2019")).toBe('2026-07-13');
  });

  it('loads the series of the other publishers beside the World Bank', async () => {
    const v = (ind: string, eco: string, year: number, d = '') =>
      scalar(out, 'SELECT value FROM observation WHERE indicator = $1 AND economy = $2 AND year = $3 AND disaggregation = $4', [ind, eco, year, d]);
    // un/sdg-ddf it_mob_2gntwk line 1742: 404,c,percent,2020,96.3; EGOV_DATA_2022.csv line 10: "Kenya ",...,0.55890; tv--by--urb_rur line 339: kentr,2014,18.95
    expect(await v('IT_MOB_2GNTWK', 'KEN', 2020)).toBe(96.3);
    expect(await v('EGOV_EGDI', 'KEN', 2022)).toBe(0.5589);
    expect(await v('GDL_TV', 'KEN', 2014, 'location=rural')).toBe(18.95);
    expect(await v('CC_LANG_SHARE', 'CC_WEB', 2024, 'language=eng')).toBe(43.4241);
    expect(Number(await scalar(out, 'SELECT count(*) FROM vintage_difference'))).toBe(74);
  });

  it("loads ITU's own files: a published world aggregate and a country value", async () => {
    const v = (ind: string, eco: string, year: number, dis = '') =>
      scalar(out, 'SELECT value FROM observation WHERE indicator = $1 AND economy = $2 AND year = $3 AND disaggregation = $4', [ind, eco, year, dis]);
    // itu/key-ict-2005-2019/ITU_Key_2005-2019_ICT_data_with LDCs_28Oct2019_Final.xls: Internet users World 2019* = 53.6 (estimate)
    expect(await v('ITU_INET', 'ITU_WLD', 2019)).toBeCloseTo(53.6, 1);
    // itu/wtid-jun2019/Individuals using the internet by gender_Jun2019.xlsx: Algeria 2018, female 50.3
    expect(await v('ITU_HH7', 'DZA', 2018, 'sex=female')).toBe(50.3);
    expect(first.outcomes.find((o) => o.source === 'itu-wtid')).toMatchObject({ status: 'ok', rowsQuarantined: 13 });
  });

  it('carries the headline lists of economy pages into the indicator table, in catalog order', async () => {
    const list = (itu: boolean) =>
      scalar(out, "SELECT string_agg(code, ',' ORDER BY headline_order) FROM indicator WHERE headline_order IS NOT NULL AND starts_with(code, 'ITU_') = ($1::INTEGER = 1)", [itu ? 1 : 0]);
    expect(await list(false)).toBe('IT.NET.USER.ZS,IT.CEL.SETS.P2,IT.NET.BBND.P2,IT.MLT.MAIN.P2');
    expect(await list(true)).toBe('ITU_INET,ITU_MOB_P100,ITU_FBB_P100,ITU_FTEL_P100,ITU_MBB_P100,ITU_HH6,ITU_HH4,ITU_COV_MOB');
  });

  it('keeps aggregates apart from countries', async () => {
    expect(await scalar(out, "SELECT is_aggregate FROM economy WHERE code = 'WLD'")).toBe(true);
    expect(await scalar(out, "SELECT is_aggregate FROM economy WHERE code = 'KEN'")).toBe(false);
    expect(Number(await scalar(out, "SELECT count(*) FROM observation o JOIN economy e ON e.code = o.economy WHERE o.is_aggregate <> e.is_aggregate"))).toBe(0);
  });

  it('loads the WSIS Prizes 2015 list into the stocktaking template beside the seed entries', async () => {
    // 301 of 302 nominated projects (line 238's country column holds "Ltd., THAILAND") + 22 seed entries.
    expect(Number(await scalar(out, "SELECT count(*) FROM stocktaking_entry WHERE id LIKE 'WSIS-PRIZES-2015-%'"))).toBe(301);
    expect(Number(await scalar(out, "SELECT count(*) FROM stocktaking_entry WHERE id LIKE 'ST-SEED-%'"))).toBe(22);
    expect(await scalar(out, "SELECT reason FROM quarantine WHERE source = 'stocktaking'")).toBe('country name not recognised: "Ltd., THAILAND"');
    expect(await scalar(out, "SELECT countries FROM stocktaking_entry WHERE id = 'WSIS-PRIZES-2015-30'")).toBe('KOR');
  });

  it('writes exports with a data package next to the warehouse', async () => {
    const exportsDir = String(await scalar(out, 'SELECT exports_dir FROM build_info'));
    const files = readdirSync(exportsDir);
    expect(files).toContain('datapackage.json');
    expect(files).toContain('wsis-data.zip');
    expect(files).toContain('observation.parquet');
    expect(statSync(join(exportsDir, 'observation.csv')).size).toBeGreaterThan(1_000_000);
  });

  it('gives identical row counts when rebuilt', async () => {
    const second = await runPipeline({ out, mirror: sharedMirror, sources: allSources(), finishers: finishers(), log: quiet, force: true });
    expect(second.published).toBe(true);
    expect(second.tableCounts).toEqual(first.tableCounts);
    expect(second.tableCounts.observation).toBeGreaterThan(80_000);
  });

  it('keeps the published warehouse when nothing changed', async () => {
    const before = await scalar(out, 'SELECT run_id FROM build_info');
    const again = await runPipeline({ out, mirror: sharedMirror, sources: allSources(), finishers: finishers(), log: quiet });
    expect(again.unchanged).toBe(true);
    expect(again.published).toBe(false);
    expect(again.runId).toBe(before);
    expect(again.tableCounts).toEqual(first.tableCounts);
    expect(await scalar(out, 'SELECT run_id FROM build_info')).toBe(before);
  });

  it('decides "nothing changed" from the manifest beside the warehouse, and from the warehouse when the manifest is not its own', async () => {
    const before = String(await scalar(out, 'SELECT run_id FROM build_info'));
    const manifest = readManifest(out)!;
    expect(manifest.build.runId).toBe(before);
    expect(manifest.build.fingerprint).toBe(await scalar(out, 'SELECT fingerprint FROM build_info'));
    expect(manifest.build.tableCounts).toEqual(first.tableCounts);
    expect(manifest.build.exportsDir).toBe(await scalar(out, 'SELECT exports_dir FROM build_info'));
    // A manifest written for another file (here: another size) is not trusted; the run reads the warehouse and writes a new one.
    writeFileSync(manifestPath(out), JSON.stringify({ ...manifest, warehouse: { ...manifest.warehouse, size: 1 } }));
    expect(readManifest(out)).toBeNull();
    const again = await runPipeline({ out, mirror: sharedMirror, sources: allSources(), finishers: finishers(), log: quiet });
    expect(again.unchanged).toBe(true);
    expect(again.tableCounts).toEqual(first.tableCounts);
    expect(readManifest(out)?.build.runId).toBe(before);
  });

  it('leaves the previous warehouse readable when a required source fails', async () => {
    const before = Number(await scalar(out, 'SELECT count(*) FROM observation'));
    const broken: Source = {
      id: 'broken',
      description: 'a required source whose input cannot be read',
      required: true,
      async run() {
        throw new Error('data/reference/missing.csv: file not found');
      }
    };
    const sources = allSources();
    sources.splice(3, 0, broken);
    let failure: unknown;
    try {
      await runPipeline({ out, mirror: sharedMirror, sources, finishers: finishers(), log: quiet, force: true });
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeInstanceOf(RunFailed);
    expect((failure as RunFailed).message).toContain('required source "broken" failed: data/reference/missing.csv: file not found');
    expect((failure as RunFailed).result.published).toBe(false);
    // The published warehouse is the previous one, whole.
    expect(Number(await scalar(out, 'SELECT count(*) FROM observation'))).toBe(before);
    // No half-built file is left behind.
    expect(readdirSync(dir).filter((f) => f.includes('.building-'))).toEqual([]);
  });
});
