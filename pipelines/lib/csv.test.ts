import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CsvError, detectDelimiter, parseCsv, parseCsvRecords } from './csv';
import { sharedMirror } from './paths';

describe('parseCsvRecords', () => {
  it('handles quotes, escaped quotes, CRLF and multi-line fields with start lines', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""",3\r\n"line1\r\nline2",z,\r\nlast,1,2';
    expect(parseCsvRecords(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', '3'] },
      { line: 3, fields: ['line1\r\nline2', 'z', ''] },
      { line: 5, fields: ['last', '1', '2'] }
    ]);
  });

  it('does not add a record for a final newline but keeps blank lines as records', () => {
    expect(parseCsvRecords('a\n\nb\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: [''] },
      { line: 3, fields: ['b'] }
    ]);
  });

  it('treats a lone CR as a line end and a mid-field quote literally', () => {
    expect(parseCsvRecords('a"b;c\rd;e', { delimiter: ';' })).toEqual([
      { line: 1, fields: ['a"b', 'c'] },
      { line: 2, fields: ['d', 'e'] }
    ]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseCsvRecords('a,b\n1,"open\n2,3')).toThrow(new CsvError(2, 'quoted field is never closed'));
  });
});

describe('parseCsv', () => {
  it('maps fields to header names, skips blank lines, pads short rows', () => {
    const t = parseCsv('\n id , name\n1,One\n\n2\n');
    expect(t.header).toEqual(['id', 'name']);
    expect(t.headerLine).toBe(2);
    expect(t.rows).toEqual([
      { line: 3, values: ['1', 'One'], record: { id: '1', name: 'One' } },
      { line: 5, values: ['2'], record: { id: '2', name: '' } }
    ]);
  });

  it('reads the real semicolon M49 file (BOM, CRLF, quoted names with commas)', () => {
    const text = readFileSync(resolve(sharedMirror, 'un/m49/UNSD-Methodology_semicolon_with-alpha2.csv'), 'utf8');
    expect(detectDelimiter(text)).toBe(';');
    const t = parseCsv(text, { delimiter: ';' });
    expect(t.header[0]).toBe('Global Code');
    const deu = t.rows.find((r) => r.record['ISO-alpha3 Code'] === 'DEU');
    expect(deu?.record['M49 Code']).toBe('276');
  });
});
