import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, writeFile, copyFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { createWarehouse } from '../lib/warehouse';
import { projectRoot, sharedMirror } from '../lib/paths';
import { InputError } from '../lib/context';
import { contextFor } from '../lib/test-context';
import { REFERENCE_FILES, readReference, reference } from './reference';

const context = (conn: DuckDBConnection, root: string, mirror: string | null) => contextFor(conn, { root, mirror, source: reference }).ctx;

describe('reference source on the repository files', () => {
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  let report: Awaited<ReturnType<typeof reference.run>>;
  const q = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();

  beforeAll(async () => {
    ({ instance, conn } = await createWarehouse(':memory:'));
    report = await reference.run(context(conn, projectRoot, sharedMirror));
  });
  afterAll(() => {
    conn.closeSync();
    instance.closeSync();
  });

  it('loads 19 action lines: C1..C11 and the 8 C7 sub-lines under C7', async () => {
    expect(await q(`SELECT count(*)::INTEGER n FROM action_line`)).toEqual([{ n: 19 }]);
    expect(await q(`SELECT count(*)::INTEGER n FROM action_line WHERE parent = 'C7'`)).toEqual([{ n: 8 }]);
    expect(await q(`SELECT facilitators FROM action_line WHERE id = 'C2'`)).toEqual([{ facilitators: 'ITU' }]);
    const c6 = await q(`SELECT source FROM action_line WHERE id = 'C6'`);
    expect(c6[0].source).toContain('seeds/001_7d04c84026a133eb.txt');
  });

  it('loads the 10 targets with target 10 verbatim and no difference from the mirror', async () => {
    expect(await q(`SELECT count(*)::INTEGER n FROM wsis_target`)).toEqual([{ n: 10 }]);
    const [t10] = await q(`SELECT text FROM wsis_target WHERE target = 10`);
    expect(t10.text).toBe('to ensure that more than half the world’s inhabitants have access to ICTs within their reach.');
    expect(report.message).toBe('');
    expect(report.status).toBe('ok');
  });

  it("gives target 10's Internet indicator a goal of 50 % and target 1's rural coverage 100 %", async () => {
    expect(await q(`SELECT id, goal_value FROM target_indicator WHERE wb_code = 'IT.NET.USER.ZS'`)).toEqual([{ id: '10.1', goal_value: 50 }]);
    expect(await q(`SELECT goal_value FROM target_indicator WHERE id = '1.1'`)).toEqual([{ goal_value: 100 }]);
  });

  it('loads the 3 MDG 8.F indicators with their World Bank codes and no numeric goal', async () => {
    expect(await q(`SELECT id, target, wb_code, goal_value FROM mdg_indicator ORDER BY id`)).toEqual([
      { id: '8.14', target: '8.F', wb_code: 'IT.MLT.MAIN.P2', goal_value: null },
      { id: '8.15', target: '8.F', wb_code: 'IT.CEL.SETS.P2', goal_value: null },
      { id: '8.16', target: '8.F', wb_code: 'IT.NET.USER.ZS', goal_value: null }
    ]);
  });

  it('links C2 to targets 1-6 and 10 and to MDG 8.14-8.16', async () => {
    const rows = await q(`SELECT link_type || ':' || link_id AS l FROM action_line_link WHERE action_line = 'C2' ORDER BY link_type, length(link_id), link_id`);
    expect(rows.map((r) => r.l)).toEqual(['mdg:8.14', 'mdg:8.15', 'mdg:8.16', 'wsis_target:1', 'wsis_target:2', 'wsis_target:3', 'wsis_target:4', 'wsis_target:5', 'wsis_target:6', 'wsis_target:10']);
  });

  it('loads the 6 stakeholder types and reports every row', async () => {
    expect((await q(`SELECT id FROM stakeholder_type ORDER BY id`)).map((r) => r.id)).toEqual([
      'academia', 'civil_society', 'government', 'international_organisation', 'other', 'private_sector'
    ]);
    expect(report.files).toBe(6);
    expect(report.rowsLoaded).toBe(19 + 10 + 29 + 3 + 26 + 6);
    expect(report.rowsQuarantined).toBe(0);
  });
});

describe('reference validation failures name file, row and reason', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'wsis-reference-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** A copy of the repository's reference files with one file's text changed. */
  async function copyWith(file: string, change: (text: string) => string) {
    await mkdir(join(root, 'data/reference'), { recursive: true });
    for (const spec of REFERENCE_FILES) await copyFile(join(projectRoot, spec.file), join(root, spec.file));
    const text = await readFile(join(projectRoot, file), 'utf8');
    await writeFile(join(root, file), change(text));
  }

  async function failure(): Promise<InputError> {
    try {
      await readReference(root);
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error('expected an InputError');
  }

  it('refuses a duplicate action-line id', async () => {
    await copyWith('data/reference/action_lines.csv', (t) => t + 'C2,,Duplicate,ITU,,20,test\n');
    const e = await failure();
    expect(e.message).toBe('data/reference/action_lines.csv, row 21: duplicate id "C2" (first on row 3)');
  });

  it('refuses a link to an action line that does not exist', async () => {
    await copyWith('data/reference/action_line_links.csv', (t) => t + 'C12,wsis_target,1,why,test\n');
    const e = await failure();
    expect([e.file, e.row, e.reason]).toEqual(['data/reference/action_line_links.csv', 28, 'action line "C12" does not exist']);
  });

  it('refuses a target indicator for target 11 and a malformed World Bank code', async () => {
    await copyWith('data/reference/target_indicators.csv', (t) => t + '11.1,11,x,%,,,,test\n');
    expect((await failure()).reason).toBe('target 11 is not a WSIS target (1-10)');
    await copyWith('data/reference/target_indicators.csv', (t) => t.replace('IT.CEL.SETS.P2', 'it.cel.sets'));
    expect((await failure()).reason).toBe('wb_code "it.cel.sets" is not a World Bank series code');
  });

  it('refuses a file missing a column', async () => {
    await copyWith('data/reference/stakeholder_types.csv', (t) => t.replace('id,name,description,source', 'id,name,source'));
    const e = await failure();
    expect([e.row, e.reason]).toEqual([1, 'missing column(s): description']);
  });
});
