// UN E-Government Survey on the real files (11 editions, names only): known values read back
// (checked by hand against the lines cited), every name matched, the values the publish step
// refuses, and an unmatched name quarantined with file and row (a copy of the 2022 file with
// one name changed, in a temporary mirror).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { sharedMirror, projectRoot } from '../lib/paths';
import { contextFor } from '../lib/test-context';
import { egov, egovFile, EGOV_YEARS } from './egov';
import { warehouseWith } from './test-economies';

let w: Awaited<ReturnType<typeof warehouseWith>>;
const value = (indicator: string, economy: string, year: number) =>
  w.one(`SELECT value FROM observation WHERE indicator = '${indicator}' AND economy = '${economy}' AND year = ${year} AND disaggregation = ''`);

beforeAll(async () => (w = await warehouseWith([egov])), 60_000);
afterAll(() => w?.close());

describe('E-Government Survey', () => {
  it('matches every name of the 11 editions', () => {
    expect(w.reports.egov).toMatchObject({ status: 'ok', files: 11, rowsRead: 2123, rowsQuarantined: 0, vintage: '2022-09-28' });
    expect(w.reports.egov.message).toContain('names: 2123 names matched, 0 unmatched');
  });

  it('serves the values of "Kenya " and "Georgia (Country)" (EGOV_DATA_2022.csv lines 10 and 131)', async () => {
    expect(await value('EGOV_EGDI', 'KEN', 2022)).toBe(0.5589);
    expect(await value('EGOV_RANK', 'KEN', 2022)).toBe(113);
    expect(await value('EGOV_OSI', 'GEO', 2022)).toBe(0.6111);
    expect(await value('EGOV_TII', 'GEO', 2022)).toBe(0.7409);
    expect(await value('EGOV_EPI', 'GEO', 2022)).toBe(0.5341);
    expect(await value('EGOV_HCI', 'GEO', 2022)).toBe(0.8984);
    expect(await w.one("SELECT count(DISTINCT year)::INTEGER FROM observation WHERE indicator = 'EGOV_EGDI' AND economy = 'KEN'")).toBe(11);
  });

  it('keeps the file of each row: the 2003 index values above 1 are refused with their file and line', async () => {
    expect(await w.rows("SELECT file, row_number, reason FROM quarantine WHERE source = 'egov' ORDER BY row_number")).toEqual([
      ['un/egov/EGOV_DATA_2003.csv', 34, 'out of range: 1.42200 (allowed 0..1) (economy FSM, year 2003)'],
      ['un/egov/EGOV_DATA_2003.csv', 170, 'out of range: 1.03000 (allowed 0..1) (economy TUV, year 2003)']
    ]);
  });
});

describe('an unmatched name', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'egov-'));
    mkdirSync(join(dir, 'un/egov'), { recursive: true });
    for (const y of EGOV_YEARS) copyFileSync(join(sharedMirror, egovFile(y)), join(dir, egovFile(y)));
    const text = readFileSync(join(sharedMirror, egovFile(2022)), 'utf8').replace('"Kenya "', '"Atlantis "');
    writeFileSync(join(dir, egovFile(2022)), text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is quarantined with the name, file and row, never guessed', async () => {
    const c = contextFor(w.conn, { mirror: dir, root: projectRoot, source: egov });
    const report = await egov.run(c.ctx);
    expect(c.quarantined).toEqual([
      { source: 'egov', file: 'un/egov/EGOV_DATA_2022.csv', row_number: 10, reason: 'unmatched country name: "Atlantis "', raw: '2022,Atlantis ,113,0.55890,0.57950,0.68210,0.56410,0.43050' }
    ]);
    expect(report.message).toContain('2122 names matched, 1 unmatched: Atlantis');
  });
});
