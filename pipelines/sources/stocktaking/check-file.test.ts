import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { projectRoot, sharedMirror } from '../../lib/paths';
import { checkFile, MAX_UPLOAD_BYTES, reportText } from './check-file';
import { readTemplate } from './template';
import { PRIZES_2015_FILE } from './prizes-2015';

const template = readTemplate(projectRoot);
const refs = { actionLines: template.actionLines, countries: new Set(['KEN', 'UGA', 'FRA']) };
const enc = (s: string) => new TextEncoder().encode(s);
const check = (name: string, text: string | Uint8Array, maxBytes?: number) =>
  checkFile(name, typeof text === 'string' ? enc(text) : text, template, refs, { maxBytes });
const HEADER = 'id,title,lead_organisation,stakeholder_type,countries,action_lines,status,start_year,source';

describe('checkFile', () => {
  it('passes the shipped entries', () => {
    const r = check('entries.csv', readFileSync(join(projectRoot, 'data/stocktaking/entries.csv')));
    expect(r.valid).toBe(true);
    expect(r.stats).toEqual({ rows: 22, validRows: 22, errors: 0, warnings: 0 });
  });

  it('lists every problem of every row, by row and field', () => {
    const r = check('x.csv', [HEADER, 'ST-1,,ITU,ngo,XYZ,C99,done,20x5,s', 'ST-1,T,ITU,other,KEN,C1,unknown,,s', 'ST-2,T,ITU,other,KEN,C1,unknown,2009,s'].join('\n'));
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => [e.rowNumber, e.fieldName, e.type])).toEqual([
      [2, 'title', 'missing-cell'],
      [2, 'stakeholder_type', 'constraint-error'],
      [2, 'status', 'constraint-error'],
      [2, 'start_year', 'type-error'],
      [2, 'action_lines', 'constraint-error'],
      [2, 'countries', 'constraint-error'],
      [3, 'id', 'unique-error']
    ]);
    expect(r.stats).toEqual({ rows: 3, validRows: 1, errors: 7, warnings: 0 });
    expect(r.errors[5].message).toBe('unknown country code: XYZ');
  });

  it('names missing and unknown columns', () => {
    const r = check('x.csv', 'identifier,name\nA,B\n');
    expect(r.errors.map((e) => e.fieldName)).toEqual(['id', 'title', 'lead_organisation', 'stakeholder_type', 'action_lines', 'status', 'source', null]);
    expect(new Set(r.errors.map((e) => e.type))).toEqual(new Set(['missing-label']));
    expect(r.errors[0].message).toBe('Required column "id" is missing from the header (line 1).');
    expect(r.errors.at(-1)!.message).toContain('"identifier", "name"');
  });

  it('refuses a file that is not UTF-8, naming the line and byte (the real Prizes list)', () => {
    const r = check('prizes.csv', readFileSync(join(sharedMirror, PRIZES_2015_FILE)));
    expect(r.errors).toEqual([expect.objectContaining({ type: 'encoding-error', rowNumber: 22 })]);
    expect(r.errors[0].message).toContain('byte 0x89');
  });

  it('refuses binary, empty and oversized files with a clear message', () => {
    expect(check('x.csv', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0)).errors[0].message).toContain('an Excel .xlsx workbook');
    expect(check('x.csv', Uint8Array.of(1, 2, 0, 3)).errors[0].message).toContain('NUL bytes');
    expect(check('x.csv', '').errors[0]).toEqual({ type: 'blank-file', rowNumber: null, fieldName: null, message: 'The file is empty: it has no header row and no entries.', say: { key: 'empty', values: {} } });
    expect(check('x.csv', `${HEADER}\n`).errors[0].message).toBe('The file has a header but no entries.');
    const big = check('x.csv', 'a'.repeat(MAX_UPLOAD_BYTES + 1), MAX_UPLOAD_BYTES);
    expect(big.errors[0].message).toMatch(/^The file is too large: 401 kB; the limit here is 400 kB/);
  });

  it('reads JSON exports and broken JSON', () => {
    const ok = check('x.json', JSON.stringify([{ id: 'A', title: 'T', lead_organisation: 'O', stakeholder_type: 'other', action_lines: ['C1'], status: 'unknown', source: 's' }]));
    expect(ok.valid).toBe(true);
    expect(check('x.json', '[{"id": ').errors[0].type).toBe('format-error');
    expect(check('x.json', '{"id": 1}').errors[0].message).toContain('not an array');
  });

  it('warns about text that was already damaged by a wrong encoding', () => {
    const r = check('x.csv', `${HEADER}\nST-1,Thailandâ€™s plan,Telefã³nica,other,,C1,unknown,,s\nST-2,Pla Ã©tat,O,other,,C1,unknown,,s\n`);
    expect(r.valid).toBe(true);
    expect(r.warnings.map((w) => [w.rowNumber, w.fieldName, w.type])).toEqual([[2, 'title', 'possible-mojibake'], [3, 'title', 'possible-mojibake']]);
  });
});

describe('npm run stocktaking:check', () => {
  const run = (file: string) => {
    try {
      return { code: 0, out: execFileSync('npx', ['tsx', 'pipelines/stocktaking-check.ts', file], { cwd: projectRoot, encoding: 'utf8' }) };
    } catch (err) {
      const e = err as { status: number; stdout: string };
      return { code: e.status, out: e.stdout };
    }
  };
  it('exits 0 on a good file and 1 with the report on a broken one', () => {
    const good = run('data/stocktaking/entries.csv');
    expect(good.code).toBe(0);
    expect(good.out).toContain('entries.csv: VALID (CSV');
    const bad = run(join(sharedMirror, PRIZES_2015_FILE));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('[encoding-error] row 22: The file is not UTF-8');
  });
});
