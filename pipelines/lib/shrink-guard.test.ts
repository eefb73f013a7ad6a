import { describe, expect, it } from 'vitest';
import { shrinkProblems, type BuildSize } from './shrink-guard';

const served: BuildSize = {
  sources: { 'worldbank-api': { status: 'ok', rowsLoaded: 10127 }, 'wsis-matrix': { status: 'ok', rowsLoaded: 287 }, m49: { status: 'ok', rowsLoaded: 496 }, reference: { status: 'ok', rowsLoaded: 93 } },
  tables: { observation: 84941, economy: 296, action_line_link: 313 }
};

describe('shrinkProblems', () => {
  it('passes a build of the same size, a slightly smaller one, and a source new since the served build', () => {
    expect(shrinkProblems(served, served)).toEqual([]);
    const slightly: BuildSize = { sources: { ...served.sources, m49: { status: 'ok', rowsLoaded: 480 }, extra: { status: 'failed', rowsLoaded: 0 } }, tables: { ...served.tables, observation: 80000 } };
    expect(shrinkProblems(served, slightly)).toEqual([]);
  });

  it('refuses an unreachable API (0 observations), a truncated matrix (0 links) and M49 cut in half', () => {
    // The defects: each of these published a smaller warehouse over a good one with status "ok".
    const offline: BuildSize = { sources: { ...served.sources, 'worldbank-api': { status: 'failed', rowsLoaded: 0 } }, tables: { ...served.tables, observation: 0 } };
    expect(shrinkProblems(served, offline)).toEqual([
      'source worldbank-api failed (it loaded 10127 rows in the served build)',
      'table observation would hold 0 rows, 84941 in the served build'
    ]);
    const truncated: BuildSize = { sources: { ...served.sources, 'wsis-matrix': { status: 'ok', rowsLoaded: 0 } }, tables: { ...served.tables, action_line_link: 26 } };
    expect(shrinkProblems(served, truncated)).toHaveLength(2);
    const halved: BuildSize = { sources: { ...served.sources, m49: { status: 'ok', rowsLoaded: 212 } }, tables: served.tables };
    expect(shrinkProblems(served, halved)).toEqual(['source m49 loaded 212 rows, 496 in the served build']);
  });
});
