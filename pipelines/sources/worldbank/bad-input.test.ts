// Bad input written to a temp dir: each fault must land in quarantine with its exact reason
// and line, while the good rows of the same file still load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createWarehouse, insertRows } from '../../lib/warehouse';
import { projectRoot } from '../../lib/paths';
import { loadCatalog } from './catalog';
import { stageAndPublishFiles } from './sources';

const PREAMBLE = '\uFEFF"Data Source","World Development Indicators",\n\n"Last Updated Date","2030-01-31",\n\n';
const HEADER = '"Country Name","Country Code","Indicator Name","Indicator Code","2000","2001",\n';
const row = (name: string, code: string, a: string, b: string, ind = 'IT.NET.USER.ZS') => `"${name}","${code}","Internet","${ind}","${a}","${b}",\n`;

// Line numbers: preamble is lines 1-4, header line 5, data from line 6.
const BAD_FILE =
  PREAMBLE +
  HEADER +
  row('Aruba', 'ABW', '10', '12') + //            6  good
  '"Bad "quote","AFG","Internet","IT.NET.USER.ZS","1","2",\n' + // 7 malformed quoting
  row('Atlantis', 'ATL', '5', '6') + //           8  unknown economy
  row('Angola', 'AGO', 'abc', '7') + //           9  non-numeric 2000, good 2001
  row('Albania', 'ALB', '150', '-5') + //         10 out of range, negative
  row('Aruba', 'ABW', '11', '') + //              11 duplicate economy (2000 only has a value)
  row('Andorra', 'AND', '', '33.5'); //           12 good

const TRUNCATED_FILE = 'Country Name,Country Code,Indicator Name,Indicator Code,2000,2001\r\n' + 'Aruba,ABW,Internet,IT.NET.USER.ZS,1,2\r\n' + 'Angola,AGO,Internet,IT.NET.USER.ZS,3'; // cut mid-row on line 3

const ODD_FILE = PREAMBLE + '"Country Name","Country Code","Indicator Name","Indicator Code","2000","20x1",\n' + row('Aruba', 'ABW', '1', '2') + row('Aruba', 'ABW', '3', '4', 'IT.FOO.BAR');

// Same layout as BAD_FILE, so both are read by one read_csv call: lines must stay per file.
const SECOND_FILE = PREAMBLE + HEADER + row('Aruba', 'ABW', '1', '2') + row('Atlantis', 'ATL', '1', '1');

let dir: string;
let conn: DuckDBConnection;
let report: Awaited<ReturnType<typeof stageAndPublishFiles>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wb-bad-'));
  await writeFile(join(dir, 'bad.csv'), BAD_FILE);
  await writeFile(join(dir, 'truncated.csv'), TRUNCATED_FILE);
  await writeFile(join(dir, 'odd.csv'), ODD_FILE);
  await writeFile(join(dir, 'second.csv'), SECOND_FILE);
  ({ conn } = await createWarehouse(':memory:'));
  await loadCatalog(conn, projectRoot);
  await insertRows(
    conn,
    'economy',
    ['ABW', 'AFG', 'AGO', 'ALB', 'AND'].map((code) => ({ code, name: code, is_aggregate: false, source: 'test' }))
  );
  report = await stageAndPublishFiles(conn, ['bad.csv', 'truncated.csv', 'odd.csv', 'second.csv'].map((f) => ({ file: f, path: join(dir, f) })));
});

afterAll(async () => {
  conn?.closeSync();
  await rm(dir, { recursive: true, force: true });
});

async function quarantined(file: string): Promise<[number, string][]> {
  const rows = (await conn.runAndReadAll('SELECT row_number, reason FROM quarantine WHERE file = $1 ORDER BY row_number, reason', [file])).getRows();
  return rows.map((r) => [Number(r[0]), String(r[1])]);
}

async function loaded(file: string): Promise<string[]> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT a.economy, a.year, a.value FROM observation_all a JOIN observation_batch b USING (batch_id) WHERE b.file = $1 ORDER BY 1, 2`,
      [file]
    )
  ).getRows();
  return rows.map((r) => `${r[0]} ${r[1]} = ${r[2]}`);
}

describe('bad World Bank input', () => {
  it('quarantines each fault of a native-layout file with its reason and line', async () => {
    expect(await quarantined('bad.csv')).toEqual([
      [7, 'malformed line: Value with unterminated quote found.'],
      [8, 'unknown economy code: ATL'],
      [9, 'non-numeric value: "abc" (economy AGO, year 2000)'],
      [10, 'out of range: -5 (negative) (economy ALB, year 2001)'],
      [10, 'out of range: 150 (allowed 0..100) (economy ALB, year 2000)'],
      [11, 'duplicate key: economy ABW, year 2000 (also at row 6) (economy ABW, year 2000)']
    ]);
  });

  it('still loads the good values of the same file', async () => {
    expect(await loaded('bad.csv')).toEqual(['ABW 2000 = 10', 'ABW 2001 = 12', 'AGO 2001 = 7', 'AND 2001 = 33.5']);
  });

  it('catches a truncated last line as malformed, with its line number', async () => {
    const [[line, reason]] = await quarantined('truncated.csv');
    expect(line).toBe(3);
    expect(reason).toMatch(/^malformed line: Expected Number of Columns: 6 Found: 5/);
    expect(await loaded('truncated.csv')).toEqual(['ABW 2000 = 1', 'ABW 2001 = 2']);
  });

  it('refuses invalid years and unknown indicator codes', async () => {
    expect(await quarantined('odd.csv')).toEqual([
      [6, 'invalid year: "20x1" (economy ABW, year 20x1)'],
      [7, 'unknown indicator code: IT.FOO.BAR']
    ]);
    expect(await loaded('odd.csv')).toEqual(['ABW 2000 = 1']);
  });

  it('keeps line numbers per file when files of one layout are read together', async () => {
    expect(await quarantined('second.csv')).toEqual([[7, 'unknown economy code: ATL']]);
    expect(await loaded('second.csv')).toEqual(['ABW 2000 = 1', 'ABW 2001 = 2']);
  });

  it('reports counts in the source reports', () => {
    expect(report.staged.rowsRead).toBe(7 + 2 + 2 + 2);
    expect(report.staged.rowsQuarantined).toBe(2);
    expect(report.staged.vintage).toBe('2030-01-31');
    expect(report.published.rowsLoaded).toBe(4 + 2 + 1 + 2);
  });
});
