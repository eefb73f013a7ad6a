import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStocktaking, readEntries } from './stocktaking';
import { readTemplate } from './stocktaking/template';
import { contextFor, testContext, ACTION_LINE_IDS } from '../lib/test-context';
import { worldbankCountries } from './worldbank/sources';
import { m49 } from './m49';
import { stocktaking } from './stocktaking';
import { insertRows } from '../lib/warehouse';
import { projectRoot, sharedMirror } from '../lib/paths';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
  delete process.env.WSIS_STOCKTAKING_DIR;
});

const HEADER = 'id,title,lead_organisation,stakeholder_type,countries,action_lines,wsis_targets,mdg_links,status,start_year,source';

/** A project root holding only the template and the given export files. */
function rootWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'wsis-stocktaking-'));
  mkdirSync(join(root, 'data/stocktaking'), { recursive: true });
  copyFileSync(join(projectRoot, 'data/stocktaking/schema.json'), join(root, 'data/stocktaking/schema.json'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'data/stocktaking', name), text);
  return root;
}

async function load(root: string, mirror: string | null = null, economies: string[] | 'mirror' = []) {
  const t = await testContext({ root, mirror, source: stocktaking, env: { ...process.env, WSIS_AS_OF_YEAR: '2026' } });
  cleanup = t.close;
  // 'mirror': the countries the World Bank and M49 sources load, as in a real run.
  if (economies === 'mirror') for (const s of [worldbankCountries, m49]) await s.run(contextFor(t.conn, { mirror, root: projectRoot, source: s }).ctx);
  else if (economies.length > 0) await insertRows(t.conn, 'economy', economies.map((code) => ({ code, name: code, is_aggregate: false })));
  const report = await loadStocktaking(t.ctx);
  return { ...t, report };
}

describe('stocktaking: the real entries the seeds name', () => {
  it('loads every seed entry, the WSIS Prizes 2015 list and the published totals from the mirror', async () => {
    const { query, quarantined, report } = await load(projectRoot, sharedMirror, 'mirror');
    // 301 of the 302 nominated projects; one row's country column holds the tail of its organisation's name.
    expect(quarantined.map((q) => [q.file, q.row_number, q.reason])).toEqual([
      ['wsis/prizes-2015/wsis-prizes-2015-nominated-projects.csv', 238, 'country name not recognised: "Ltd., THAILAND"']
    ]);
    expect(report.status).toBe('ok');
    expect(await query('SELECT count(*)::INTEGER AS n FROM stocktaking_entry WHERE id LIKE \'ST-SEED-%\'')).toEqual([{ n: 22 }]);
    // ST-SEED-014 and ST-SEED-022: the two 2006 meetings the seed keeps apart (joint ILO/UNCTAD/ITC meeting, then the expert meeting).
    expect(await query("SELECT id, lead_organisation FROM stocktaking_entry WHERE id IN ('ST-SEED-014', 'ST-SEED-022') ORDER BY id")).toEqual([
      { id: 'ST-SEED-014', lead_organisation: 'ILO; UNCTAD; ITC' },
      { id: 'ST-SEED-022', lead_organisation: 'UNCTAD; OECD; ILO' }
    ]);
    expect(await query("SELECT count(*)::INTEGER AS n FROM stocktaking_entry WHERE id LIKE 'WSIS-PRIZES-2015-%'")).toEqual([{ n: 301 }]);
    expect(await query("SELECT title, lead_organisation, stakeholder_type, stakeholder_type_rule, countries, status, reported_year FROM stocktaking_entry WHERE id = 'WSIS-PRIZES-2015-168'")).toEqual([
      {
        title: 'Integrated Education Management and Recruitment System',
        lead_organisation: 'Zakład Usług Informatycznych OTAGO Sp. z o.o.',
        stakeholder_type: 'private_sector',
        stakeholder_type_rule: 'company-suffix',
        countries: 'POL',
        status: 'unknown',
        reported_year: 2015
      }
    ]);
    expect(await query("SELECT action_line, count(*)::INTEGER AS n FROM stocktaking_action_line WHERE entry LIKE 'WSIS-PRIZES-%' AND action_line IN ('C3', 'C7-e-government') GROUP BY 1 ORDER BY 1")).toEqual([
      { action_line: 'C3', n: 46 },
      { action_line: 'C7-e-government', n: 43 }
    ]);
    // Warnings as of 2026: the planned seed entries whose start year passed.
    expect(await query("SELECT entry FROM stocktaking_warning WHERE rule = 'planned-start-passed' ORDER BY entry")).toEqual(
      ['ST-SEED-012', 'ST-SEED-013', 'ST-SEED-014', 'ST-SEED-020', 'ST-SEED-021', 'ST-SEED-022'].map((entry) => ({ entry }))
    );
    expect(await query("SELECT id, lead_organisation, stakeholder_type, status FROM stocktaking_entry WHERE title = 'e-trade bridge project'")).toEqual([
      { id: 'ST-SEED-011', lead_organisation: 'ITC', stakeholder_type: 'international_organisation', status: 'ongoing' }
    ]);
    expect(await query("SELECT action_line FROM stocktaking_action_line WHERE entry = 'ST-SEED-012' ORDER BY action_line")).toEqual([
      { action_line: 'C7-e-business' },
      { action_line: 'C7-e-employment' }
    ]);
    expect(await query('SELECT id, year, entries, qualifier FROM stocktaking_total ORDER BY id')).toEqual([
      { id: 'F15', year: 2007, entries: 3300, qualifier: 'more than' },
      { id: 'F16', year: 2008, entries: 3812, qualifier: 'exact' },
      { id: 'F17', year: 2013, entries: 20000, qualifier: 'exact' },
      { id: 'F18', year: 2015, entries: 7000, qualifier: 'more than' },
      { id: 'F19', year: null, entries: 10000, qualifier: 'more than' }
    ]);
    const f19 = await query("SELECT quote, source FROM stocktaking_total WHERE id = 'F19'");
    expect(f19).toEqual([
      {
        quote: 'The WSIS Stocktaking database was introduced in 2010 and currently has more than 10,000 entries and a growing community more than 350,000 stakeholders.',
        source: 'https://www.itu.int/net4/wsis/stocktaking/Home/About (wsis/published_figures_transcribed.csv F19)'
      }
    ]);
    // F16 counts government submissions only, F17 counts stakeholders: kept, with an info flag.
    expect(await query("SELECT subject_id FROM data_quality_flag WHERE subject_table = 'stocktaking_total' ORDER BY 1")).toEqual([
      { subject_id: 'F16' },
      { subject_id: 'F17' }
    ]);
  });

  it('skips the published totals in online mode, with a message', async () => {
    const { query, report } = await load(projectRoot, null);
    expect(await query('SELECT count(*)::INTEGER AS n FROM stocktaking_total')).toEqual([{ n: 0 }]);
    expect(report.message).toContain('online mode');
  });
});

describe('stocktaking: validation against the template', () => {
  it('quarantines each bad row with its row number and the exact reason', async () => {
    const csv = [
      HEADER,
      'ST-001,Good,ITU,international_organisation,CHE;FRA,C2;C5,1;3,8.16,ongoing,2006,test',
      'ST-001,Same id,ITU,international_organisation,,C2,,,ongoing,,test',
      'ST-002,Bad line,ITU,international_organisation,,C99,,,ongoing,,test',
      'ST-003,Bad year,ITU,international_organisation,,C1,,,ongoing,20x5,test',
      'ST-004,Old year,ITU,international_organisation,,C1,,,ongoing,1985,test',
      'ST-005,Bad type,ITU,ngo,,C1,,,ongoing,,test',
      'ST-006,Bad status,ITU,government,,C1,,,done,,test',
      'ST-007,,ITU,government,,C1,,,ongoing,,test',
      'ST-008,Bad country,ITU,government,XYZ,C1,,,ongoing,,test',
      'ST-009,Lower-case country,ITU,government,fra,C1,,,ongoing,,test',
      'ST-010,Bad target,ITU,government,,C1,11,,ongoing,,test',
      'ST-011,No action line,ITU,government,,,,,ongoing,,test'
    ].join('\n');
    const { quarantined, query } = await load(rootWith({ 'export.csv': csv }), null, ['CHE', 'FRA']);
    const f = 'data/stocktaking/export.csv';
    expect(quarantined.map((q) => [q.file, q.row_number, q.reason])).toEqual([
      [f, 3, 'duplicate key: id ST-001 (also at row 2)'],
      [f, 4, 'unknown action line: C99'],
      [f, 5, 'invalid start_year: "20x5"'],
      [f, 6, 'start_year out of range 1990..2030: 1985'],
      [f, 7, 'invalid stakeholder_type: "ngo" (allowed: government, private_sector, civil_society, international_organisation, academia, other, not_stated)'],
      [f, 8, 'invalid status: "done" (allowed: planned, ongoing, completed, unknown)'],
      [f, 9, 'missing required field: title'],
      [f, 10, 'unknown country code: XYZ'],
      [f, 11, 'invalid countries: "fra" (does not match ^[A-Z]{3}(;[A-Z]{3})*$)'],
      [f, 12, 'invalid wsis_targets: "11" (does not match ^([1-9]|10)(;([1-9]|10))*$)'],
      [f, 13, 'missing required field: action_lines']
    ]);
    expect(await query('SELECT id, countries, wsis_targets, mdg_links, start_year FROM stocktaking_entry')).toEqual([
      { id: 'ST-001', countries: 'CHE;FRA', wsis_targets: '1;3', mdg_links: '8.16', start_year: 2006 }
    ]);
    expect(await query('SELECT count(*)::INTEGER AS n FROM quarantine WHERE source = \'stocktaking\'')).toEqual([{ n: 11 }]);
  });

  it('quarantines a file that cannot be parsed as a whole, and names a duplicate in another file', async () => {
    const root = rootWith({
      'a.csv': `${HEADER}\nST-100,First,ITU,international_organisation,,C2,,,ongoing,,test\n`,
      'b.json': '[{"id": "ST-100", "title": "Again"',
      'c.csv': 'id,title\nST-1,x\n',
      'd.csv': `${HEADER}\n"ST-200,Never closed,ITU\n`
    });
    const ext = mkdtempSync(join(tmpdir(), 'wsis-stocktaking-ext-'));
    writeFileSync(join(ext, 'full.json'), JSON.stringify([{ id: 'ST-100', title: 'Dup', lead_organisation: 'ITU', stakeholder_type: 'other', action_lines: ['C1'], status: 'unknown', source: 'x' }, 42]));
    process.env.WSIS_STOCKTAKING_DIR = ext;
    const { quarantined } = await load(root);
    expect(quarantined.map((q) => [q.file, q.row_number, q.reason.replace(/JSON: .*/, 'JSON: …')])).toEqual([
      ['data/stocktaking/b.json', null, 'not readable as JSON: …'],
      ['data/stocktaking/c.csv', null, 'missing required column(s): lead_organisation, stakeholder_type, action_lines, status, source'],
      ['data/stocktaking/d.csv', null, 'not readable as CSV: line 2: quoted field is never closed'],
      [join(ext, 'full.json'), 1, 'duplicate key: id ST-100 (also at data/stocktaking/a.csv row 2)'],
      [join(ext, 'full.json'), 2, 'not an object']
    ]);
  });

  it('loads a JSON export and a CSV export of the same entries identically', () => {
    const csv = [
      HEADER,
      'ST-1,"Portal, national",Ministry,government,KEN;UGA,C1;C7-e-government,1;10,8.F;8.16,completed,2007,export 2008',
      'ST-2,Global thing,ITU,international_organisation,,C2,,,unknown,,export 2008'
    ].join('\r\n');
    const json = JSON.stringify([
      { id: 'ST-1', title: 'Portal, national', lead_organisation: 'Ministry', stakeholder_type: 'government', countries: ['KEN', 'UGA'], action_lines: 'C1; C7-e-government', wsis_targets: [1, 10], mdg_links: ['8.F', '8.16'], status: 'completed', start_year: 2007, source: 'export 2008' },
      { id: 'ST-2', title: 'Global thing', lead_organisation: 'ITU', stakeholder_type: 'international_organisation', countries: [], action_lines: ['C2'], status: 'unknown', start_year: null, source: 'export 2008' }
    ]);
    const root = rootWith({ 'x.csv': csv });
    const rootJson = rootWith({ 'x.json': json });
    const template = readTemplate(projectRoot);
    const refs = { actionLines: new Set(ACTION_LINE_IDS), countries: new Set(['KEN', 'UGA']) };
    const fromCsv = readEntries([{ label: 'x', path: join(root, 'data/stocktaking/x.csv') }], template, refs);
    const fromJson = readEntries([{ label: 'x', path: join(rootJson, 'data/stocktaking/x.json') }], template, refs);
    expect(fromCsv.refused).toEqual([]);
    expect(fromJson.refused).toEqual([]);
    expect(fromJson.entries).toEqual(fromCsv.entries);
    expect(fromJson.bridge).toEqual(fromCsv.bridge);
    expect(fromCsv.entries[0]).toEqual({
      id: 'ST-1',
      title: 'Portal, national',
      lead_organisation: 'Ministry',
      stakeholder_type: 'government',
      stakeholder_type_rule: null,
      countries: 'KEN;UGA',
      wsis_targets: '1;10',
      mdg_links: '8.F;8.16',
      status: 'completed',
      start_year: 2007,
      reported_year: null,
      source: 'export 2008',
      conversion_note: null
    });
  });
});
