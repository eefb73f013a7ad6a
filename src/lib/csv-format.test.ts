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
