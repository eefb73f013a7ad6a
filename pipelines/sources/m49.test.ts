import { describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { insertRows } from '../lib/warehouse';
import { projectRoot, sharedMirror } from '../lib/paths';
import type { QuarantineRow } from '../lib/context';
import { contextFor } from '../lib/test-context';
import { M49_COMMA, M49_SEMICOLON, m49, readM49File } from './m49';
import { useTestWarehouse } from '../lib/test-warehouse';

const context = (conn: DuckDBConnection, mirror: string | null, quarantined: QuarantineRow[]) => contextFor(conn, { mirror, root: projectRoot, source: m49, quarantined }).ctx;

describe('M49 files as published', () => {
  it('the semicolon edition lists 44 LDCs, 32 LLDCs and 53 SIDS in 248 rows', async () => {
    const f = await readM49File(sharedMirror, M49_SEMICOLON, ';');
    expect([f.rowsRead, f.countries.filter((c) => c.ldc).length, f.countries.filter((c) => c.lldc).length, f.countries.filter((c) => c.sids).length]).toEqual([248, 44, 32, 53]);
    expect(f.quarantined).toEqual([]);
  });

  it('the comma edition lists 47 LDCs in 249 rows and quarantines Sark (no ISO3 code)', async () => {
    const f = await readM49File(sharedMirror, M49_COMMA, ',');
    expect([f.rowsRead, f.countries.filter((c) => c.ldc).length]).toEqual([249, 47]);
    expect(f.quarantined).toEqual([
      { source: 'm49', file: M49_COMMA, row_number: 183, reason: 'missing ISO-alpha3 code for "Sark" (M49 680)', raw: '1,World,150,Europe,154,Northern Europe,830,Channel Islands,Sark,680,,,,,Developed' }
    ]);
    // Quoted name with a comma survives intact.
    expect(f.countries.find((c) => c.iso3 === 'MAC')?.name).toBe('China, Macao Special Administrative Region');
  });
});

describe('m49 source', () => {
  const quarantined: QuarantineRow[] = [];
  let report: Awaited<ReturnType<typeof m49.run>>;
  const w = useTestWarehouse(async (conn) => {
    // What the World Bank country source would have created (a few rows suffice).
    await insertRows(conn, 'economy', [
      { code: 'AFG', name: 'Afghanistan', is_aggregate: false, wb_region: 'South Asia', source: 'wb test row' },
      { code: 'DEU', name: 'Germany', is_aggregate: false, source: 'wb test row' },
      { code: 'FJI', name: 'Fiji', is_aggregate: false, source: 'wb test row' },
      { code: 'WLD', name: 'World', is_aggregate: true, source: 'wb test row' },
      { code: 'XKX', name: 'Kosovo', is_aggregate: false, source: 'wb test row' }
    ]);
    report = await m49.run(context(conn, sharedMirror, quarantined));
  });
  const q = w.q;

  it('updates World Bank rows: AFG is LDC and LLDC, FJI is SIDS, DEU is M49 276 and developed', async () => {
    expect(await q(`SELECT code, iso2, m49, un_region, un_subregion, ldc, lldc, sids, developed, wb_region FROM economy WHERE code IN ('AFG','DEU','FJI') ORDER BY code`)).toEqual([
      { code: 'AFG', iso2: 'AF', m49: '004', un_region: 'Asia', un_subregion: 'Southern Asia', ldc: true, lldc: true, sids: false, developed: false, wb_region: 'South Asia' },
      { code: 'DEU', iso2: 'DE', m49: '276', un_region: 'Europe', un_subregion: 'Western Europe', ldc: false, lldc: false, sids: false, developed: true, wb_region: null },
      { code: 'FJI', iso2: 'FJ', m49: '242', un_region: 'Oceania', un_subregion: 'Melanesia', ldc: false, lldc: false, sids: true, developed: false, wb_region: null }
    ]);
  });

  it('adds the M49 countries the World Bank rows lack, and leaves aggregates and non-M49 rows alone', async () => {
    expect(await q(`SELECT count(*)::INTEGER n FROM economy`)).toEqual([{ n: 250 }]);
    expect(await q(`SELECT m49, ldc FROM economy WHERE code IN ('WLD','XKX') ORDER BY code`)).toEqual([{ m49: null, ldc: null }, { m49: null, ldc: null }]);
    const [ata] = await q(`SELECT name, is_aggregate, m49, un_region, source FROM economy WHERE code = 'ATA'`);
    expect(ata).toMatchObject({ name: 'Antarctica', is_aggregate: false, m49: '010', un_region: null });
    expect(ata.source).toContain('UNSD');
  });

  it('writes group memberships: 44 LDCs (current edition), Africa 002, developed/developing', async () => {
    const counts = await q(`SELECT classification, group_code, count(*)::INTEGER n FROM economy_group WHERE group_code IN ('LDC','LLDC','SIDS','DEVELOPED','DEVELOPING','002') GROUP BY ALL ORDER BY group_code`);
    expect(counts).toEqual([
      { classification: 'm49_region', group_code: '002', n: 60 },
      { classification: 'development', group_code: 'DEVELOPED', n: 65 }, // 66 in the file, less Sark (no ISO3)
      { classification: 'development', group_code: 'DEVELOPING', n: 182 },
      { classification: 'ldc', group_code: 'LDC', n: 44 },
      { classification: 'lldc', group_code: 'LLDC', n: 32 },
      { classification: 'sids', group_code: 'SIDS', n: 53 }
    ]);
  });

  it('flags the LDC disagreements between editions and reports the quarantined row', async () => {
    expect((await q(`SELECT subject_id FROM data_quality_flag WHERE id LIKE 'm49-ldc-%' ORDER BY 1`)).map((r) => r.subject_id)).toEqual(['BTN', 'STP', 'VUT']);
    expect(quarantined.map((r) => [r.file, r.row_number])).toEqual([[M49_COMMA, 183]]);
    expect([report.status, report.files, report.rowsRead, report.rowsLoaded, report.rowsQuarantined]).toEqual(['ok', 2, 497, 496, 1]);
  });

  it('is skipped online', async () => {
    const r = await m49.run(context(w.conn, null, []));
    expect([r.status, r.message]).toEqual(['skipped', 'M49 needs the mirror (un/m49/): UNSD offers no API used here']);
  });
});
