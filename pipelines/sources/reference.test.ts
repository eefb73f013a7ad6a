import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, writeFile, copyFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { projectRoot, sharedMirror } from '../lib/paths';
import { InputError } from '../lib/context';
import { contextFor } from '../lib/test-context';
import { REFERENCE_FILES, readReference, reference } from './reference';
import { useTestWarehouse } from '../lib/test-warehouse';

const context = (conn: DuckDBConnection, root: string, mirror: string | null) => contextFor(conn, { root, mirror, source: reference }).ctx;

describe('reference source on the repository files', () => {
  let report: Awaited<ReturnType<typeof reference.run>>;
  const w = useTestWarehouse(async (conn) => {
    report = await reference.run(context(conn, projectRoot, sharedMirror));
  });
  const q = w.q;

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

  it("numbers target 10 as the 2014 review does: 10.1 mobile subscriptions, 10.2 households with telephone, 10.5 Internet use (50 %, the project's reading)", async () => {
    const t10 = await q(`SELECT id, name, goal_value, goal_basis, verified FROM target_indicator WHERE target = 10 ORDER BY id`);
    expect(t10.map((r) => [r.id, r.name])).toEqual([
      ['10.1', 'Mobile-cellular telephone subscriptions per 100 inhabitants'],
      ['10.2', 'Proportion of households with a telephone'],
      ['10.3', 'Proportion of households with Internet access'],
      ['10.4', 'Proportion of individuals using a mobile cellular telephone'],
      ['10.5', 'Proportion of individuals using the Internet']
    ]);
    expect(t10.find((r) => r.id === '10.5')).toMatchObject({ goal_value: 50, goal_basis: 'project', verified: 'partly' });
    expect(await q(`SELECT target_indicator, relation FROM target_indicator_series WHERE series_code = 'IT.NET.USER.ZS'`)).toEqual([{ target_indicator: '10.5', relation: 'direct' }]);
    expect(await q(`SELECT target_indicator FROM target_indicator_series WHERE series_code = 'IT.CEL.SETS.P2'`)).toEqual([{ target_indicator: '10.1' }]);
    // Fixed broadband and fixed-telephone subscriptions are not target 10 indicators in the review.
    expect(await q(`SELECT count(*)::INTEGER n FROM target_indicator_series WHERE series_code IN ('IT.NET.BBND.P2', 'IT.MLT.MAIN.P2')`)).toEqual([{ n: 0 }]);
    const [c] = await q(`SELECT citation FROM target_indicator WHERE id = '10.2'`);
    expect(c.citation).toContain('Indicator 10.2 measures the proportion of households with telephone');
  });

  it('quotes the review for targets 1 and 7 and says which rows are unverified', async () => {
    expect(await q(`SELECT id, verified FROM target_indicator WHERE target IN (1, 7) ORDER BY id`)).toEqual([
      { id: '1.1', verified: 'yes' }, { id: '1.2', verified: 'yes' }, { id: '1.3', verified: 'yes' }, { id: '1.4', verified: 'yes' },
      { id: '7.1', verified: 'yes' }, { id: '7.2', verified: 'yes' }, { id: '7.3', verified: 'partly' }, { id: '7.4', verified: 'partly' }
    ]);
    expect(await q(`SELECT name FROM target_indicator WHERE id = '7.1'`)).toEqual([{ name: 'Proportion of ICT-qualified teachers in schools' }]);
    expect(await q(`SELECT goal_value FROM target_indicator WHERE id = '1.1'`)).toEqual([{ goal_value: 100 }]);
    expect(await q(`SELECT verified, count(*)::INTEGER n FROM target_indicator GROUP BY ALL ORDER BY verified`)).toEqual([
      { verified: 'no', n: 14 }, { verified: 'partly', n: 10 }, { verified: 'yes', n: 15 }
    ]);
  });

  it('links series no source loads yet (ITU_HH6, IT_MOB_2GNTWK) without failing', async () => {
    expect(await q(`SELECT target_indicator, relation FROM target_indicator_series WHERE series_code IN ('ITU_HH6', 'IT_MOB_2GNTWK') ORDER BY 1`)).toEqual([
      { target_indicator: '1.1', relation: 'proxy' },
      { target_indicator: '1.3', relation: 'proxy' },
      { target_indicator: '10.3', relation: 'direct' }
    ]);
  });

  it('keeps facilitation as dated statements: C6 from UNDP (2006-2008) to ITU (from 2008), e-environment WMO lead by 2014, C8 "ITU may be considered"', async () => {
    expect(await q(`SELECT organisation, role, from_year, to_year FROM facilitation WHERE action_line = 'C6' AND organisation = 'UNDP'`)).toEqual([
      { organisation: 'UNDP', role: 'facilitator', from_year: 2006, to_year: 2008 }
    ]);
    expect(await q(`SELECT organisation, role FROM facilitation WHERE action_line = 'C7-e-environment' AND from_year = 2014 ORDER BY role DESC, organisation`)).toEqual([
      { organisation: 'WMO', role: 'lead facilitator' },
      { organisation: 'ITU', role: 'co-facilitator' },
      { organisation: 'UNEP', role: 'co-facilitator' }
    ]);
    const [c8] = await q(`SELECT role, statement FROM facilitation WHERE action_line = 'C8' AND organisation = 'ITU' AND from_year = 2006`);
    expect(c8).toEqual({ role: 'proposed', statement: 'C8 meeting, 12 May: Co-facilitator column: "ITU may be considered as co-facilitator"' });
    expect(await q(`SELECT role FROM facilitation WHERE action_line = 'C11' AND organisation = 'UN Regional Commissions'`)).toEqual([{ role: 'co-facilitator' }]);
    expect(await q(`SELECT title, other_titles FROM action_line WHERE id = 'C1'`)).toEqual([
      {
        title: 'The role of governments and all stakeholders in the promotion of ICTs for development',
        other_titles: expect.stringContaining('The role of public governance authorities and all stakeholders')
      }
    ]);
  });

  it('loads the 8 MDGs, the 21 targets of the 2008 list and the MDG indicators used here with their goal rules', async () => {
    expect(await q(`SELECT count(*)::INTEGER n FROM mdg_goal`)).toEqual([{ n: 8 }]);
    expect(await q(`SELECT title FROM mdg_goal WHERE goal = 4`)).toEqual([{ title: 'Reduce child mortality' }]);
    expect(await q(`SELECT count(*)::INTEGER n FROM mdg_target`)).toEqual([{ n: 21 }]);
    expect(await q(`SELECT text, base_year, horizon FROM mdg_target WHERE id = '4.A'`)).toEqual([
      { text: 'Reduce by two-thirds, between 1990 and 2015, the under-five mortality rate', base_year: 1990, horizon: 2015 }
    ]);
    expect(await q(`SELECT id, target, wb_code, goal_rule, goal_value, goal_fraction FROM mdg_indicator WHERE id IN ('2.2', '4.1', '5.1', '7.8', '8.16') ORDER BY id`)).toEqual([
      { id: '2.2', target: '2.A', wb_code: 'SE.PRM.CMPT.ZS', goal_rule: 'absolute', goal_value: 100, goal_fraction: null },
      { id: '4.1', target: '4.A', wb_code: 'SH.DYN.MORT', goal_rule: 'reduce', goal_value: null, goal_fraction: '2/3' },
      { id: '5.1', target: '5.A', wb_code: 'SH.STA.MMRT', goal_rule: 'reduce', goal_value: null, goal_fraction: '3/4' },
      { id: '7.8', target: '7.C', wb_code: 'SH.H2O.SAFE.ZS', goal_rule: 'reduce_shortfall', goal_value: null, goal_fraction: '1/2' },
      { id: '8.16', target: '8.F', wb_code: 'IT.NET.USER.ZS', goal_rule: null, goal_value: null, goal_fraction: null }
    ]);
    // Every row says how far it was checked (yes, partly, no) and, in verification_note, what was checked or that it was not.
    // No target is left as recalled: each was found in a document whose address its note gives.
    expect(await q(`SELECT count(*)::INTEGER n FROM mdg_target WHERE verified = 'no' OR verification_note LIKE '%as recalled%'`)).toEqual([{ n: 0 }]);
    expect(await q(`SELECT id FROM mdg_target WHERE verified = 'yes' AND NOT regexp_matches(verification_note, '[a-z0-9-]+\.[a-z]{2,}/') ORDER BY id`)).toEqual([]);
    const levels = async (table: string) => q(`SELECT verified, count(*)::INTEGER n FROM ${table} GROUP BY ALL ORDER BY verified`);
    expect(await levels('mdg_goal')).toEqual([{ verified: 'yes', n: 8 }]);
    expect(await levels('mdg_target')).toEqual([{ verified: 'partly', n: 3 }, { verified: 'yes', n: 18 }]);
    expect(await levels('mdg_indicator')).toEqual([{ verified: 'partly', n: 3 }, { verified: 'yes', n: 12 }]);
    // 8.C in full, as UNDP's MDG Monitor quotes it (it was cut before the parenthesis).
    expect(await q(`SELECT text, verified FROM mdg_target WHERE id = '8.C'`)).toEqual([
      {
        text: 'Address the special needs of landlocked developing countries and small island developing States (through the Programme of Action for the Sustainable Development of Small Island Developing States and the outcome of the twenty-second special session of the General Assembly)',
        verified: 'yes'
      }
    ]);
    expect(await q(`SELECT verification_note FROM mdg_target WHERE id = '6.B'`)).toEqual([{ verification_note: expect.stringContaining('mdgs.un.org/unsd/mi/wiki/6-5-') }]);
    expect(await q(`SELECT verified, verification_note FROM mdg_target WHERE id = '2.A'`)).toEqual([
      { verified: 'partly', verification_note: expect.stringContaining('the base year 1990 is the framework') }
    ]);
  });

  it('links e-health to MDGs 4, 5 and 6, each with a rationale and its source', async () => {
    const rows = await q(`SELECT link_id, rationale, source FROM action_line_link WHERE action_line = 'C7-e-health' AND link_type = 'mdg_goal' ORDER BY link_id`);
    expect(rows.map((r) => r.link_id)).toEqual(['4', '5', '6']);
    expect(rows[2].rationale).toContain('HIV/AIDS, malaria and tuberculosis');
    expect(rows[2].source).toContain('wsis/wsis-sdg-matrix/actions.json');
    expect(rows[0].rationale).toMatch(/^Project reasoning/);
  });

  it('links C2 to targets 1-6 and 10, to MDG 8.14-8.16 and to MDG 8', async () => {
    const rows = await q(`SELECT link_type || ':' || link_id AS l FROM action_line_link WHERE action_line = 'C2' ORDER BY link_type, length(link_id), link_id`);
    expect(rows.map((r) => r.l)).toEqual(['mdg:8.14', 'mdg:8.15', 'mdg:8.16', 'mdg_goal:8', 'wsis_target:1', 'wsis_target:2', 'wsis_target:3', 'wsis_target:4', 'wsis_target:5', 'wsis_target:6', 'wsis_target:10']);
  });

  it('loads the 7 stakeholder types and reports every row', async () => {
    expect((await q(`SELECT id FROM stakeholder_type ORDER BY id`)).map((r) => r.id)).toEqual([
      'academia', 'civil_society', 'government', 'international_organisation', 'not_stated', 'other', 'private_sector'
    ]);
    expect(report.files).toBe(10);
    expect(report.rowsLoaded).toBe(19 + 10 + 39 + 25 + 81 + 8 + 21 + 15 + 39 + 7); // 25 series links: 9 from the reference rebuild, 10 for ITU's codes, 6 for the UN/UIS/E-Gov/GDL/Common Crawl series; 7 stakeholder types (not_stated)
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

  /** The error reading the reference files gives when one file's text is changed. */
  async function refusal(file: string, change: (text: string) => string): Promise<InputError> {
    await copyWith(file, change);
    return failure();
  }

  it('refuses a duplicate action-line id', async () => {
    const e = await refusal('data/reference/action_lines.csv', (t) => t + 'C2,,Duplicate,,ITU,,20,test\n');
    expect(e.message).toBe('data/reference/action_lines.csv, row 21: duplicate id "C2" (first on row 3)');
  });

  it('refuses a link to an action line that does not exist', async () => {
    const e = await refusal('data/reference/action_line_links.csv', (t) => t + 'C12,wsis_target,1,why,test\n');
    expect([e.file, e.row, e.reason]).toEqual(['data/reference/action_line_links.csv', 41, 'action line "C12" does not exist']);
  });

  it('refuses a target indicator for target 11, a malformed series code and a verified row without a quote', async () => {
    expect((await refusal('data/reference/target_indicators.csv', (t) => t + '11.1,11,x,%,,,,false,no,not checked,,test\n')).reason).toBe('target 11 is not a WSIS target (1-10)');
    expect((await refusal('data/reference/target_indicator_series.csv', (t) => t.replace('IT.CEL.SETS.P2', 'it.cel.sets'))).reason).toBe('series_code "it.cel.sets" is not a publisher series code');
    expect((await refusal('data/reference/target_indicators.csv', (t) => t + '10.6,10,x,%,,,,false,yes,checked,,test\n')).reason).toBe('verified is "yes" but no citation is quoted');
  });

  it('refuses a facilitator that no facilitation statement backs', async () => {
    const e = await refusal('data/reference/action_lines.csv', (t) => t.replace('C5,,Building confidence and security in the use of ICTs,,ITU,', 'C5,,Building confidence and security in the use of ICTs,,ITU; WHO,'));
    expect([e.file, e.row, e.reason]).toEqual(['data/reference/action_lines.csv', 6, 'facilitators names "WHO" but facilitation.csv has no facilitator statement for C5 and WHO']);
  });

  it('refuses an MDG goal rule that cannot be computed, and a link to MDG 9', async () => {
    expect((await refusal('data/reference/mdg_indicators.csv', (t) => t.replace('SH.DYN.MORT,same,reduce,,2/3', 'SH.DYN.MORT,same,reduce,,3/2'))).reason).toBe('goal_fraction must be a fraction between 0 and 1 like 2/3, found "3/2"');
    expect((await refusal('data/reference/mdg_indicators.csv', (t) => t.replace('SH.DYN.MORT,same,reduce,,2/3', 'SH.DYN.MORT,same,halve,,2/3'))).reason).toBe('goal_rule must be one of absolute, parity, reduce, reduce_shortfall or empty, found "halve"');
    const e = await refusal('data/reference/action_line_links.csv', (t) => t + 'C7-e-health,mdg_goal,9,why,test\n');
    expect([e.row, e.reason]).toEqual([41, 'MDG "9" is not a goal 1-8']);
  });

  it('refuses an MDG row whose verified is free text rather than yes, partly or no', async () => {
    const e = await refusal('data/reference/mdg_goals.csv', (t) => t.replace(',yes,"goal titles checked', ',checked,"goal titles checked'));
    expect([e.file, e.row, e.reason]).toEqual(['data/reference/mdg_goals.csv', 2, 'verified "checked" must be one of yes, partly, no']);
  });

  it('refuses a file missing a column', async () => {
    const e = await refusal('data/reference/stakeholder_types.csv', (t) => t.replace('id,name,description,source', 'id,name,source'));
    expect([e.row, e.reason]).toEqual([1, 'missing column(s): description']);
  });
});
