// A damaged UN M49 file takes nothing from the other sources. A copy of the real mirror (in a
// temp folder; ../shared/data is never touched) is built once whole, then again with both M49
// files cut in half over that build: M49's served rows are reused, and every other source
// publishes exactly the rows of the first build. The defect: the harmoniser read country names
// from the M49 files themselves, so the halved files cost the E-Government Survey and ITU's
// WTID 909 observations (12,728 -> 12,135 and 15,907 -> 15,591) and the stocktaking 5 prize
// entries, although M49 itself was correctly reused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadOnly, runPipeline, type RunResult } from '../../pipelines/run';
import { allSources, finishers } from '../../pipelines/sources/index';
import { sharedMirror } from '../../pipelines/lib/paths';
import { M49_COMMA, M49_SEMICOLON } from '../../pipelines/sources/m49';

const dir = mkdtempSync(join(tmpdir(), 'wsis-fault-m49-'));
const mirror = join(dir, 'mirror');
const out = join(dir, 'build', 'wsis.duckdb');

function copyMirror() {
  cpSync(sharedMirror, mirror, { recursive: true });
  // The shared mirror is read-only; the copy must be writable to be damaged and removed.
  const walk = (p: string) => {
    chmodSync(p, statSync(p).isDirectory() ? 0o755 : 0o644);
    if (statSync(p).isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
  };
  walk(mirror);
}

function halveM49() {
  for (const file of [M49_SEMICOLON, M49_COMMA]) {
    const lines = readFileSync(join(mirror, file), 'utf8').split('\n');
    writeFileSync(join(mirror, file), lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n');
  }
}

async function rows(sql: string): Promise<unknown[][]> {
  const { instance, conn } = await openReadOnly(out);
  try {
    return (await conn.runAndReadAll(sql)).getRows();
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** What each source other than M49 published: observations per source, its run record, its quarantine, and the WSIS tables. */
async function otherSources() {
  const text = async (sql: string) => (await rows(sql)).map((r) => r.map(String).join(' '));
  return {
    observations: await text(`SELECT b.pipeline_source, count(*) FROM observation_all a JOIN observation_batch b USING (batch_id) GROUP BY 1 ORDER BY 1`),
    served: await text(`SELECT count(*) FROM observation`),
    runRecord: await text(`SELECT source, status, rows_read, rows_loaded, rows_quarantined FROM run_record WHERE source <> 'm49' ORDER BY source`),
    quarantine: await text(`SELECT source, count(*) FROM quarantine WHERE source <> 'm49' GROUP BY 1 ORDER BY 1`),
    tables: await text(`SELECT (SELECT count(*) FROM stocktaking_entry), (SELECT count(*) FROM participation), (SELECT count(*) FROM action_line_link), (SELECT count(*) FROM economy)`)
  };
}

let whole: Awaited<ReturnType<typeof otherSources>>;
let halved: RunResult;

beforeAll(async () => {
  copyMirror();
  await runPipeline({ out, mirror, sources: allSources(), finishers: finishers(), log: () => {} });
  whole = await otherSources();
  halveM49();
  halved = await runPipeline({ out, mirror, sources: allSources(), finishers: finishers(), log: () => {} });
}, 600_000); // two whole-pipeline runs
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('M49 files cut in half over a good build', () => {
  it('reuse M49\'s served rows and say why in the run record', async () => {
    expect(halved.published).toBe(true);
    const [[status, message, reusedFrom]] = await rows(`SELECT status, message, reused_from FROM run_record WHERE source = 'm49'`);
    expect(status).toBe('reused');
    expect(reusedFrom).not.toBeNull();
    expect(String(message)).toMatch(/^today's fetch loaded \d+ rows, 496 in the served build \(less than 90 %\): the rows of build .* are served/);
    expect(await rows(`SELECT count(*)::INTEGER FROM economy WHERE m49 IS NOT NULL AND NOT is_aggregate`)).toEqual([[248]]);
    // The M49 names the harmoniser matches come back with the reused rows, also for the countries
    // in the lost second half of the files (the World Bank spells them otherwise).
    expect(await rows(`SELECT code, name, m49_name FROM economy WHERE code IN ('GBR', 'KOR') ORDER BY code`)).toEqual([
      ['GBR', 'United Kingdom', 'United Kingdom of Great Britain and Northern Ireland'],
      ['KOR', 'Korea, Rep.', 'Republic of Korea']
    ]);
  });

  it('publish every other source\'s rows exactly as the build from the whole mirror', async () => {
    const now = await otherSources();
    console.log(`fault m49 halved: observations per source, whole mirror: ${whole.observations.join(', ')}; M49 halved: ${now.observations.join(', ')}`);
    expect(now).toEqual(whole);
    expect(whole.observations).toContain('egov 12728');
    expect(whole.observations).toContain('itu-wtid 15907');
    // Values matched by M49 name only, lost before the fix: EGOV_DATA_2022.csv line 174
    // "United Kingdom of Great Britain and Northern Ireland" and line 76 "Republic of Korea ".
    expect(await rows(`SELECT o.economy, o.value FROM observation_all o JOIN observation_batch b USING (batch_id)
      WHERE b.pipeline_source = 'egov' AND o.indicator = 'EGOV_EGDI' AND o.year = 2022 AND o.economy IN ('GBR', 'KOR') ORDER BY 1`)).toEqual([
      ['GBR', 0.9138],
      ['KOR', 0.9529]
    ]);
  });
});
