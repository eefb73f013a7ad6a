// Common Crawl language shares on the real languages.csv: one crawl per year (the last),
// values checked by hand against the lines cited, crawls without language detection quarantined.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commoncrawl, isoWeekMonday, parseCrawlId } from './commoncrawl';
import { warehouseWith } from './test-economies';

let w: Awaited<ReturnType<typeof warehouseWith>>;
const share = (year: number, language: string) =>
  w.one(`SELECT value FROM observation WHERE indicator = 'CC_LANG_SHARE' AND economy = 'CC_WEB' AND year = ${year} AND disaggregation = 'language=${language}'`);

beforeAll(async () => (w = await warehouseWith([commoncrawl])), 60_000);
afterAll(() => w?.close());

describe('crawl ids', () => {
  it('read year and ISO week, and date the week', () => {
    expect(parseCrawlId('CC-MAIN-2024-42')).toEqual({ id: 'CC-MAIN-2024-42', year: 2024, week: 42 });
    expect(parseCrawlId('CC-MAIN-2008-2009')).toEqual({ id: 'CC-MAIN-2008-2009', year: 2008, week: 0 });
    expect(parseCrawlId('CC-MAIN-2012')).toEqual({ id: 'CC-MAIN-2012', year: 2012, week: 0 });
    expect(parseCrawlId('crawl')).toBeNull();
    expect(isoWeekMonday(2024, 42)).toBe('2024-10-14');
    expect(isoWeekMonday(2021, 1)).toBe('2021-01-04');
  });
});

describe('Common Crawl languages', () => {
  it('loads the last crawl of each year, 2018-2024', async () => {
    expect(w.reports.commoncrawl).toMatchObject({ status: 'ok', rowsRead: 8646, rowsLoaded: 1135, rowsQuarantined: 51, vintage: '2024-10-14' });
    expect(await w.rows("SELECT min(year), max(year), count(DISTINCT year)::INTEGER FROM observation WHERE indicator = 'CC_LANG_SHARE'")).toEqual([[2018, 2024, 7]]);
  });

  it('serves the shares of the chosen crawls (CC-MAIN-2018-51 line 733, not CC-MAIN-2018-47 line 571)', async () => {
    expect(await share(2018, 'eng')).toBe(44.0568);
    expect(await share(2018, 'deu')).toBe(5.4281); // line 729
    expect(await share(2024, 'eng')).toBe(43.4241); // CC-MAIN-2024-42
    expect(await share(2024, 'unknown')).toBe(3.278);
    expect(await w.one("SELECT is_aggregate FROM economy WHERE code = 'CC_WEB'")).toBe(true);
  });

  it('quarantines each crawl before language detection, with its line', () => {
    const q = w.quarantined.commoncrawl;
    expect(q).toHaveLength(51);
    expect(q[0]).toMatchObject({ file: 'commoncrawl/languages.csv', row_number: 2, reason: 'crawl CC-MAIN-2008-2009 has no language detection (a single <unknown> row; detection starts with CC-MAIN-2018-34)' });
  });
});
