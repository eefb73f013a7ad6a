// Two batches of one indicator with the same vintage: flagged only where their values
// differ for the same economy and year; complementary parts of one release are not a conflict.
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWarehouse, insertRows } from '../../lib/warehouse';
import { projectRoot } from '../../lib/paths';
import { loadCatalog } from './catalog';
import { stageAndPublishFiles } from './sources';

const PREAMBLE = '"Data Source","World Development Indicators",\n\n"Last Updated Date","2030-01-31",\n\n';
const HEADER = '"Country Name","Country Code","Indicator Name","Indicator Code","2000","2001",\n';
const row = (code: string, a: string, b: string) => `"${code}","${code}","Internet","IT.NET.USER.ZS","${a}","${b}",\n`;

async function flagsFor(files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'wb-conflict-'));
  const { conn } = await createWarehouse(':memory:');
  try {
    await loadCatalog(conn, projectRoot);
    await insertRows(conn, 'economy', ['ABW', 'AGO', 'ALB'].map((code) => ({ code, name: code, is_aggregate: false, source: 'test' })));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    await stageAndPublishFiles(conn, Object.keys(files).map((f) => ({ file: f, path: join(dir, f) })));
    return (await conn.runAndReadAll("SELECT message FROM data_quality_flag WHERE id LIKE 'worldbank-vintage-conflict-%'")).getRows().map((r) => String(r[0]));
  } finally {
    conn.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

describe('same vintage in two files', () => {
  it('flags values that differ for the same economy and year, with the count', async () => {
    const flags = await flagsFor({
      'a.csv': PREAMBLE + HEADER + row('ABW', '10', '12') + row('AGO', '1', '2'),
      'b.csv': PREAMBLE + HEADER + row('ABW', '10', '13') + row('ALB', '5', '6')
    });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toContain('same vintage 2030-01-31');
    expect(flags[0]).toContain('1 economy-year value(s) differ'); // ABW 2001: 12 vs 13
  });

  it('does not flag complementary parts of one release', async () => {
    const flags = await flagsFor({
      'a.csv': PREAMBLE + HEADER + row('ABW', '10', '12'),
      'b.csv': PREAMBLE + HEADER + row('ALB', '5', '6')
    });
    expect(flags).toEqual([]);
  });
});
