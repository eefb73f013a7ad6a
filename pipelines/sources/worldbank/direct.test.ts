// Clean bulk files are written straight into observation_value (stg_batch.direct); a file the
// publish step would refuse a value of goes the usual way, so its quarantine rows keep their
// line and text as found; lines with an unknown economy are staged for quarantine while the
// rest of their file stays direct; a second copy of the same bytes is recorded, not written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createWarehouse, insertRows } from '../../lib/warehouse';
import { projectRoot } from '../../lib/paths';
import { loadCatalog } from './catalog';
import { stageWorldBankFiles } from './files';
import { publishObservations, type PublishSummary } from '../../observations';

const PREAMBLE = '\uFEFF"Data Source","World Development Indicators",\n\n"Last Updated Date","2030-01-31",\n\n';
const HEADER = '"Country Name","Country Code","Indicator Name","Indicator Code","2000","2001",\n';
const row = (name: string, code: string, a: string, b: string) => `"${name}","${code}","Internet","IT.NET.USER.ZS","${a}","${b}",\n`;

// Line numbers: preamble lines 1-4, header line 5, data from line 6.
const CLEAN = PREAMBLE + HEADER + row('Aruba', 'ABW', '10', '12') + row('Angola', 'AGO', '', '7.25');
const OUT_OF_RANGE = PREAMBLE + HEADER.replace('"2001"', '"2002"') + row('Aruba', 'ABW', ' 12.5 ', '150') + row('Angola', 'AGO', '3', '..');
const OLD_CODE = PREAMBLE + HEADER.replace('"2000"', '"2003"') + row('Albania', 'ALB', '20', '21') + row('Kosovo', 'KSV', '30', '') + row('Andorra', 'AND', '', '40');

let dir: string;
let conn: DuckDBConnection;
let staged: { file: string; direct: boolean | null; values: number }[];
let summary: PublishSummary;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wb-direct-'));
  const files = { 'a-clean.csv': CLEAN, 'b-range.csv': OUT_OF_RANGE, 'c-old-code.csv': OLD_CODE, 'd-copy-of-clean.csv': CLEAN };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  ({ conn } = await createWarehouse(':memory:'));
  await loadCatalog(conn, projectRoot);
  await insertRows(conn, 'economy', ['ABW', 'AGO', 'ALB', 'AND'].map((code) => ({ code, name: code, is_aggregate: false, source: 'test' })));
  await stageWorldBankFiles(conn, Object.keys(files).map((f) => ({ file: f, path: join(dir, f) })));
  staged = (
    await conn.runAndReadAll(`SELECT b.file, b.direct, (SELECT count(*) FROM observation_value v WHERE v.batch_no = b.batch_no)::INTEGER
      FROM stg_batch b ORDER BY b.file`)
  )
    .getRows()
    .map(([file, direct, values]) => ({ file: String(file), direct: direct as boolean | null, values: Number(values) }));
  summary = await publishObservations(conn);
});

afterAll(async () => {
  conn?.closeSync();
  await rm(dir, { recursive: true, force: true });
});

const all = async (sql: string, params: string[] = []) => (await conn.runAndReadAll(sql, params)).getRows().map((r) => r.map(String).join(' '));

describe('the direct path for clean World Bank files', () => {
  it('writes clean files straight into observation_value and stages a file with a refused value the usual way', () => {
    expect(staged).toEqual([
      { file: 'a-clean.csv', direct: true, values: 3 },
      { file: 'b-range.csv', direct: false, values: 0 },
      { file: 'c-old-code.csv', direct: true, values: 3 },
      { file: 'd-copy-of-clean.csv', direct: true, values: 0 }
    ]);
  });

  it('quarantines the refused value with its line and text as found, and loads the rest of its file', async () => {
    expect(await all("SELECT row_number, reason FROM quarantine WHERE file = 'b-range.csv'")).toEqual(['6 out of range: 150 (allowed 0..100) (economy ABW, year 2002)']);
    expect(await all("SELECT economy, year, value FROM observation_all WHERE batch_id LIKE '%' AND value IN (12.5, 3) ORDER BY 1, 2")).toEqual(['ABW 2000 12.5', 'AGO 2000 3']);
  });

  it('quarantines a line with an unknown economy with its line number, the other lines of its file loaded directly', async () => {
    expect(await all("SELECT row_number, reason, raw FROM quarantine WHERE file = 'c-old-code.csv'")).toEqual(['7 unknown economy code: KSV KSV,Kosovo: 2003=30']);
    expect(await all("SELECT economy, year, value FROM observation_all WHERE economy IN ('ALB', 'AND') ORDER BY 1, 2")).toEqual(['ALB 2001 21', 'ALB 2003 20', 'AND 2001 40']);
  });

  it('marks the second copy of the same bytes a duplicate without writing its values', async () => {
    expect(summary.duplicateBatches).toHaveLength(1);
    expect(await all("SELECT rows_loaded, source LIKE '%duplicate copy of%' FROM observation_batch WHERE file = 'd-copy-of-clean.csv'")).toEqual(['0 true']);
    expect(await all("SELECT economy, year, value FROM observation_all WHERE economy IN ('ABW', 'AGO') AND year = 2001 ORDER BY 1")).toEqual(['ABW 2001 12', 'AGO 2001 7.25']);
  });

  it('counts every value once in the publish summary', () => {
    expect(summary.valuesLoaded).toBe(3 + 2 + 3);
    expect(summary.valuesQuarantined).toBe(2);
    expect(summary.linesQuarantined).toBe(1);
  });
});
