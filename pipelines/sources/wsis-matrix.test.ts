import { describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { projectRoot, sharedMirror } from '../lib/paths';
import type { QuarantineRow } from '../lib/context';
import { contextFor } from '../lib/test-context';
import { actionLineId, htmlToText, matrixLinks, wsisMatrix } from './wsis-matrix';
import { reference } from './reference';
import { useTestWarehouse } from '../lib/test-warehouse';

const context = (conn: DuckDBConnection, mirror: string | null, quarantined: QuarantineRow[]) =>
  contextFor(conn, { mirror, root: projectRoot, source: wsisMatrix, quarantined }).ctx;

describe('matrix parsing helpers', () => {
  it('maps the matrix names to our action-line ids', () => {
    const names = [
      'C2: Information and communication infrastructure: an essential foundation for the Information Society',
      'C7 ICT Applications I, e-government',
      'C7 ICT Applications: IV. e-health',
      'C11: International and regional cooperation',
      'C12: Something else',
      'C7 ICT Applications'
    ];
    expect(names.map((n) => actionLineId(n))).toEqual(['C2', 'C7-e-government', 'C7-e-health', 'C11', null, null]);
  });

  it('strips HTML to plain text', () => {
    expect(htmlToText('Impact: <br/>Education: women &amp; children&#39;s <b>health</b>')).toBe("Impact:\nEducation: women & children's health");
  });

  it('quarantines an entry it cannot map and an unknown target id, with the reason', () => {
    const { links, refused } = matrixLinks(
      [
        { id: 0, name: 'C12: Unknown', goals: [] },
        { id: 1, name: 'C2: Infrastructure', goals: [{ goalId: 8, subgoals: [{ subId: '9.1, 9.z', rationale: '<p>why</p>' }] }] }
      ],
      new Set(['9.1'])
    );
    expect(links.map((l) => `${l.link_type}:${l.link_id}:${l.rationale}`)).toEqual(['sdg_target:9.1:why', 'sdg_goal:9:null']);
    expect(refused.map((r) => [r.row_number, r.reason])).toEqual([
      [1, 'action entry "C12: Unknown" cannot be mapped to an action line (C1..C11 or a C7 sub-line)'],
      [2, '"9.z" (in subId "9.1, 9.z" of SDG 9 for C2) is not an SDG or SDG target in wsis/wsis-sdg-matrix/sdgs.json']
    ]);
  });
});

describe('wsis-matrix source on the real matrix', () => {
  const quarantined: QuarantineRow[] = [];
  let report: Awaited<ReturnType<typeof wsisMatrix.run>>;
  const w = useTestWarehouse(async (conn) => {
    await reference.run(context(conn, sharedMirror, []));
    report = await wsisMatrix.run(context(conn, sharedMirror, quarantined));
  });
  const q = w.q;

  it('links C2 to SDGs 1, 8, 9, 11 and to targets 1.4, 8.2, 9.1, 9.a, 9.c, 11.5, 11.b', async () => {
    const rows = await q(`SELECT link_type, link_id FROM action_line_link WHERE action_line = 'C2' AND link_type LIKE 'sdg%' ORDER BY link_type, link_id`);
    expect(rows.map((r) => `${r.link_type}:${r.link_id}`)).toEqual([
      'sdg_goal:1', 'sdg_goal:11', 'sdg_goal:8', 'sdg_goal:9',
      'sdg_target:1.4', 'sdg_target:11.5', 'sdg_target:11.b', 'sdg_target:8.2', 'sdg_target:9.1', 'sdg_target:9.a', 'sdg_target:9.c'
    ]);
    const [r] = await q(`SELECT rationale, source FROM action_line_link WHERE action_line = 'C2' AND link_id = '9.1'`);
    expect(r.rationale).toMatch(/^[^<>]+$/);
    expect(r.source).toContain('wsis/wsis-sdg-matrix/actions.json, entry id 1');
  });

  it('maps all 18 entries, C1-C11 and the 8 C7 sub-lines, quarantining nothing', async () => {
    expect(await q(`SELECT count(DISTINCT action_line)::INTEGER n FROM action_line_link WHERE link_type LIKE 'sdg%'`)).toEqual([{ n: 18 }]);
    expect(await q(`SELECT count(*)::INTEGER n FROM action_line_link WHERE link_type = 'sdg_goal' AND action_line = 'C3'`)).toEqual([{ n: 16 }]);
    expect(quarantined).toEqual([]);
    expect([report.status, report.rowsQuarantined]).toEqual(['ok', 0]);
  });

  it('splits comma lists that reach into other goals (e-agriculture lists 13.1 under SDG 1)', async () => {
    const rows = await q(`SELECT link_id FROM action_line_link WHERE action_line = 'C7-e-agriculture' AND link_type = 'sdg_target' ORDER BY link_id`);
    expect(rows.map((r) => r.link_id)).toEqual(['1.5', '12.8', '13.1', '13.3', '17.16', '17.17', '2.3', '2.4', '2.a', '3.d', '5.5', '8.2', '9.1', '9.c']);
  });
});
