import { describe, expect, it } from 'vitest';
import { toCsv } from './csv-format';

describe('toCsv', () => {
  it('quotes fields with commas, quotes and line breaks, and writes empty for null', () => {
    const csv = toCsv(['name', 'value'], [
      { name: 'Bahamas, The', value: 87.2 },
      { name: 'say "hi"', value: null },
      { name: 'two\nlines', value: 0 }
    ]);
    expect(csv).toBe('name,value\r\n"Bahamas, The",87.2\r\n"say ""hi""",\r\n"two\nlines",0\r\n');
  });
});

describe('toCsv and spreadsheet formulas', () => {
  it('prefixes text cells starting with = + - @ with a single quote, and leaves numbers alone', () => {
    // The defect: a cell such as =HYPERLINK(...) was exported as it is and ran in a spreadsheet.
    const csv = toCsv(['name', 'value'], [
      { name: '=HYPERLINK("http://x","click")', value: -3.5 },
      { name: '+1 mobile', value: 0 },
      { name: '-dash', value: -0.01 },
      { name: '@SUM(A1)', value: null },
      { name: '\tTAB', value: 1 },
      { name: 'Côte d’Ivoire - north', value: 2 }
    ]);
    expect(csv.split('\r\n')).toEqual([
      'name,value',
      `"'=HYPERLINK(""http://x"",""click"")",-3.5`,
      "'+1 mobile,0",
      "'-dash,-0.01",
      "'@SUM(A1),",
      "'\tTAB,1",
      'Côte d’Ivoire - north,2',
      ''
    ]);
  });
});
