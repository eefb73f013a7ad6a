// The context the runner gives a source: quarantine rows carry the running source's id, and
// a source reads only the settings it declares.
import { describe, expect, it } from 'vitest';
import { createWarehouse } from './warehouse';
import { createSourceContext, settingInputDirs } from './source-context';
import { sourceReport } from './report';
import { stocktaking } from '../sources/stocktaking';
import { worldbankApi } from '../sources/worldbank/api';

describe('source context', () => {
  it('stamps quarantine rows with the running source, keeping an explicit source', async () => {
    const { conn } = await createWarehouse(':memory:');
    const { ctx, enter } = createSourceContext({ conn });
    enter({ id: 'egov' });
    await ctx.quarantine([{ file: 'un/egov/EGOV_DATA_2022.csv', row_number: 3, reason: 'unmatched country name: "Georgia (Country)"', raw: null }]);
    enter({ id: 'm49' });
    await ctx.quarantine([{ source: 'worldbank', file: 'f', row_number: null, reason: 'r', raw: null }]);
    expect((await conn.runAndReadAll('SELECT source, row_number FROM quarantine ORDER BY source')).getRows()).toEqual([
      ['egov', 3],
      ['worldbank', null]
    ]);
    conn.closeSync();
  });

  it('reads a declared setting and refuses an undeclared one', async () => {
    const { conn } = await createWarehouse(':memory:');
    const { ctx, enter } = createSourceContext({ conn, env: { WSIS_STOCKTAKING_DIR: '/tmp/exports', WSIS_WB_API: 'http://x/v2' } });
    enter(stocktaking);
    expect(ctx.setting('WSIS_STOCKTAKING_DIR')).toBe('/tmp/exports');
    expect(() => ctx.setting('WSIS_WB_API')).toThrow('source stocktaking reads setting WSIS_WB_API without declaring it');
    enter(worldbankApi);
    expect(ctx.setting('WSIS_WB_API')).toBe('http://x/v2');
    expect(settingInputDirs([stocktaking, worldbankApi], { WSIS_STOCKTAKING_DIR: '/tmp/exports', WSIS_WB_API: 'http://x/v2' })).toEqual(['/tmp/exports']);
    conn.closeSync();
  });
});

describe('source report', () => {
  it('defaults counts, combines checksums, turns vintages into a range and joins messages', () => {
    const r = sourceReport({ files: 2, rowsRead: 10, rowsQuarantined: 3, checksums: ['b', 'a'], vintages: ['2022-04-08', null, '2017-02-01', '2022-04-08'], messages: ['one', '', 'two'] });
    expect(r).toMatchObject({ status: 'ok', files: 2, rowsRead: 10, rowsLoaded: 7, rowsQuarantined: 3, vintage: '2017-02-01..2022-04-08', message: 'one; two' });
    expect(r.checksum).toBe(sourceReport({ checksums: ['a', 'b'] }).checksum);
    expect(sourceReport().checksum).toBeNull();
  });
});
