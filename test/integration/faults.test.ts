// The fault suite: a copy of the real mirror (in a temp folder; ../shared/data is never
// touched) damaged in each way a probe found, then the whole pipeline, then what the
// published build holds. One run carries every file-level fault at once (they hit different
// files), so the suite stays within a few pipeline runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, chmodSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadOnly, runPipeline, type RunResult } from '../../pipelines/run';
import { allSources, finishers } from '../../pipelines/sources/index';
import { sharedMirror } from '../../pipelines/lib/paths';

const dir = mkdtempSync(join(tmpdir(), 'wsis-faults-'));
const mirror = join(dir, 'mirror');
const out = join(dir, 'build', 'wsis.duckdb');
const WB = join(mirror, 'worldbank');

const CUT = 'worldbank/API_IT.CEL.SETS.P2_DS2_en_csv_v2_4903391.csv';
const EMPTY = 'worldbank/API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv';
const UTF16 = 'worldbank/API_SP.POP.TOTL_DS2_en_csv_v2_85.csv';
const ZIP = 'worldbank/zip/Population.zip';
const ATLANTIS = 'worldbank/API_IT.NET.USER.ZS_DS2_en_csv_v2_3930944.csv';
const ABSURD = 'worldbank/API_IT.CEL.SETS.P2_DS2_en_csv_v2_2987.csv';

function writable(path: string) {
  chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
}

function copyMirror() {
  cpSync(sharedMirror, mirror, { recursive: true });
  // The shared mirror is read-only; the copy must be writable to be damaged and removed.
  const walk = (p: string) => {
    writable(p);
    if (statSync(p).isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
  };
  walk(mirror);
}

function damageFiles() {
  const cut = readFileSync(join(mirror, CUT));
  writeFileSync(join(mirror, CUT), cut.subarray(0, Math.floor(cut.length * 0.6)));
  writeFileSync(join(mirror, EMPTY), '');
  const text = readFileSync(join(mirror, UTF16), 'utf8');
  writeFileSync(join(mirror, UTF16), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const zip = readFileSync(join(mirror, ZIP));
  writeFileSync(join(mirror, ZIP), Buffer.concat([zip.subarray(0, Math.floor(zip.length / 2)), Buffer.from('garbage')]));
  // An absurd value for an indicator without a natural bound: Aruba's first value becomes 1e308.
  const mobile = readFileSync(join(mirror, ABSURD), 'utf8');
  writeFileSync(join(mirror, ABSURD), mobile.replace('"Aruba","ABW","Mobile cellular subscriptions (per 100 people)","IT.CEL.SETS.P2","0"', '"Aruba","ABW","Mobile cellular subscriptions (per 100 people)","IT.CEL.SETS.P2","1e308"'));
  // A country that does not exist, and a line that is a spreadsheet formula.
  const text8 = readFileSync(join(mirror, ATLANTIS), 'utf8');
  const eol = text8.includes('\r\n') ? '\r\n' : '\n';
  const header = text8.split(eol).find((l) => l.startsWith('"Country Name"'))!;
  const years = header.split(',').length - 4 - 1;
  appendFileSync(join(mirror, ATLANTIS), `"Atlantis","XYZ","Individuals using the Internet (% of population)","IT.NET.USER.ZS",${Array(years).fill('"50"').join(',')},${eol}`);
  // A formula where the country code goes: refused, and its text (kept in quarantine.raw) starts with "=".
  appendFileSync(join(mirror, ATLANTIS), `"Formula","=HYPERLINK(1)","Individuals using the Internet (% of population)","IT.NET.USER.ZS",${Array(years).fill('"1"').join(',')},${eol}`);
}

async function rows(sql: string, params: (string | number)[] = []): Promise<unknown[][]> {
  const { instance, conn } = await openReadOnly(out);
  try {
    return (await conn.runAndReadAll(sql, params)).getRows();
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

let damaged: RunResult;

beforeAll(async () => {
  copyMirror();
  damageFiles();
  damaged = await runPipeline({ out, mirror, sources: allSources(), finishers: finishers(), log: () => {} });
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('damaged World Bank files', () => {
  it('still publish: each damaged file is quarantined by name, the rest of the source loads', async () => {
    expect(damaged.published).toBe(true);
    for (const file of [EMPTY, UTF16, ZIP]) {
      const q = await rows(`SELECT reason FROM quarantine WHERE file = $1 AND row_number IS NULL`, [file]);
      expect(q.length, file).toBe(1);
      expect(String(q[0][0]), file).toMatch(/^unreadable file: /);
    }
    // The file cut at 60 % loses its cut line (quarantined with its number) or the whole file, never the run.
    expect(Number((await rows(`SELECT count(*) FROM quarantine WHERE file = $1`, [CUT]))[0][0])).toBeGreaterThan(0);
    // Known values from the undamaged files are still served.
    expect((await rows(`SELECT value FROM observation WHERE indicator = 'IT.CEL.SETS.P2' AND economy = 'KEN' AND year = 2015`))[0][0]).toBeCloseTo(80.50105901, 6);
    expect((await rows(`SELECT value FROM observation WHERE indicator = 'IT.NET.USER.ZS' AND economy = 'WLD' AND year = 2015`))[0][0]).toBe(39.9);
    console.log(
      `faults, damaged files: published ${damaged.tableCounts.observation} observations, ${damaged.tableCounts.economy} economies, ${damaged.tableCounts.quarantine} quarantine rows; ` +
        (await rows(`SELECT file, coalesce(row_number::VARCHAR, 'whole file'), left(reason, 60) FROM quarantine WHERE file IN ($1, $2, $3, $4) OR reason LIKE '%XYZ%' OR reason LIKE '%HYPERLINK%' ORDER BY 1`, [CUT, EMPTY, UTF16, ZIP]))
          .map((r) => r.join(' | '))
          .join('; ')
    );
    const files = damaged.outcomes.find((o) => o.source === 'worldbank-files')!;
    expect(files.status).toBe('partial');
    for (const file of [EMPTY, UTF16, ZIP]) expect(files.message).toContain(file);
  });

  it('quarantine an unknown country code with file and row instead of publishing a country', async () => {
    expect(await rows(`SELECT count(*)::INTEGER FROM economy WHERE code = 'XYZ'`)).toEqual([[0]]);
    expect(await rows(`SELECT count(*)::INTEGER FROM observation_all WHERE economy = 'XYZ'`)).toEqual([[0]]);
    const [[row, reason]] = await rows(`SELECT row_number, reason FROM quarantine WHERE file = $1 AND reason LIKE '%XYZ%'`, [ATLANTIS]);
    expect(reason).toBe('unknown economy code: XYZ');
    expect(Number(row)).toBeGreaterThan(200);
  });

  it('quarantine a value outside the indicator\'s range (1e308 mobile subscriptions per 100 people)', async () => {
    // The defect: 1e308 for an indicator without an upper bound was served, formatValue threw on
    // Infinity and region pages answered 500. Every indicator now has a range.
    expect(await rows(`SELECT reason FROM quarantine WHERE file = $1 AND reason LIKE 'out of range: 1e308%'`, [ABSURD])).toEqual([['out of range: 1e308 (allowed 0..1000) (economy ABW, year 1960)']]);
    expect(await rows(`SELECT count(*)::INTEGER FROM observation_all WHERE value > 1000 AND indicator = 'IT.CEL.SETS.P2'`)).toEqual([[0]]);
  });

  it('publish no server path in the quarantine reasons', async () => {
    const reasons = await rows(`SELECT reason || coalesce(raw, '') FROM quarantine`);
    for (const [r] of reasons) expect(String(r)).not.toContain(dir);
  });

  it('export a formula line from the data as text, not as a formula', async () => {
    const [[exportsDir]] = await rows('SELECT exports_dir FROM build_info');
    const csv = readFileSync(join(String(exportsDir), 'quarantine.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(1),Formula: 1960=1`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

describe('a failed or shrunken source over a good build: its last good rows are reused', () => {
  const count = async (table: string, where = 'true') => Number((await rows(`SELECT count(*) FROM "${table}" WHERE ${where}`))[0][0]);
  const record = async (source: string) => {
    const [r] = await rows('SELECT status, reused_from, run_id, message FROM run_record WHERE source = $1', [source]);
    return { status: String(r[0]), reusedFrom: r[1] == null ? null : String(r[1]), runId: String(r[2]), message: String(r[3]) };
  };
  const MATRIX_LINKS = "source LIKE 'WSIS-SDG Matrix%'";
  const M49_COUNTRIES = 'm49 IS NOT NULL AND NOT is_aggregate';
  const WLD_2015 = `SELECT o.value, b.pipeline_source, b.source FROM observation o JOIN observation_batch b USING (batch_id)
    WHERE o.indicator = 'IT.NET.USER.ZS' AND o.economy = 'WLD' AND o.year = 2015`;
  const refused = (async () => {
    throw new TypeError('fetch failed: ECONNREFUSED');
  }) as unknown as typeof fetch;
  const offline = { baseUrl: 'http://127.0.0.1:9/v2', timeoutMs: 200, retries: 0, backoffMs: 10 };

  it('an online run without network publishes every source\'s last good rows, not an empty warehouse', async () => {
    // The defect: with the World Bank API unreachable, a run over a warehouse of 84,941
    // observations published one with 0. Now every source that fails (or, online, is skipped:
    // M49 and the matrix are read from a mirror only) gives back its rows of the served build.
    // Every table a source owns, by the rule it declares (README: "How rows belong to a source").
    const OWNED: [string, string][] = [
      ['observation', 'true'], ['observation_all', 'true'], ['observation_note', 'true'], ['economy', 'true'], ['economy', 'm49 IS NOT NULL'],
      ['economy_group', 'true'], ['action_line_link', 'true'], ['event', 'true'], ['participation', 'true'],
      ['stocktaking_entry', 'true'], ['stocktaking_action_line', 'true'], ['stocktaking_total', 'true'], ['data_quality_flag', 'true']
    ];
    const sizes = async () => Object.fromEntries(await Promise.all(OWNED.map(async ([t, w]) => [`${t} where ${w}`, await count(t, w)] as const)));
    const sizesBefore = await sizes();
    const before = { observation: await count('observation') };
    expect(before.observation).toBeGreaterThan(50_000);
    const run = await runPipeline({ out, mirror: null, sources: allSources(), finishers: finishers(), fetch: refused, online: offline, cacheDir: join(dir, 'cache'), log: () => {} });
    expect(run.published).toBe(true);
    expect(await sizes()).toEqual(sizesBefore);
    expect(await rows("SELECT value FROM observation WHERE indicator = 'IT.NET.USER.ZS' AND economy = 'WLD' AND year = 2015")).toEqual([[39.9]]);
    for (const source of ['worldbank-countries', 'm49', 'worldbank-files', 'worldbank-api', 'un-sdg', 'itu-wtid', 'wsis-matrix']) {
      expect(await record(source), source).toMatchObject({ status: 'reused', reusedFrom: damaged.runId });
    }
    expect((await record('worldbank-api')).message).toMatch(/^today's fetch failed: the rows of build .* are served\. This run: /);
    expect((await record('reference')).status).toBe('ok');
    console.log(`faults, offline run: published ${await count('observation')} observations (served before: ${before.observation}); reused: ${(await rows("SELECT string_agg(source, ', ') FROM run_record WHERE status = 'reused'"))[0][0]}`);
  }, 600_000);

  it('World Bank files emptied, a truncated WSIS-SDG matrix and M49 files cut in half: each source\'s served rows are reused, the others publish fresh; --accept-shrink publishes the smaller sources', async () => {
    expect(await count('action_line_link', MATRIX_LINKS)).toBe(287);
    expect(await count('economy', M49_COUNTRIES)).toBe(248);
    for (const f of readdirSync(join(mirror, 'wsis', 'wsis-sdg-matrix'))) {
      const p = join(mirror, 'wsis', 'wsis-sdg-matrix', f);
      writeFileSync(p, readFileSync(p, 'utf8').slice(0, 40));
    }
    for (const f of readdirSync(join(mirror, 'un', 'm49'))) {
      const p = join(mirror, 'un', 'm49', f);
      const lines = readFileSync(p, 'utf8').split('\n');
      writeFileSync(p, lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n');
    }
    // Every World Bank data file (bulk CSV, DataBank, zip) emptied; the country metadata and API responses stay.
    const emptied: string[] = [];
    const walk = (p: string) => {
      for (const e of readdirSync(p)) {
        const q = join(p, e);
        if (statSync(q).isDirectory()) {
          if (e !== 'api') walk(q);
        } else if (!e.startsWith('Metadata_')) {
          writeFileSync(q, '');
          emptied.push(q);
        }
      }
    };
    walk(WB);
    expect(emptied.length).toBeGreaterThan(20);

    const run = await runPipeline({ out, mirror, sources: allSources(), finishers: finishers(), log: () => {} });
    expect(run.published).toBe(true);
    // The World Bank's served values are the reused ones, with their citation and source.
    const [[value, owner, citation]] = await rows(WLD_2015);
    expect(value).toBe(39.9);
    expect(owner).toBe('worldbank-files');
    expect(String(citation)).toContain(`rows reused from build ${damaged.runId}`);
    const files = await record('worldbank-files');
    expect(files).toMatchObject({ status: 'reused', reusedFrom: damaged.runId, runId: run.runId });
    expect(files.message).toMatch(/^today's fetch loaded 0 rows, \d+ in the served build \(less than 90 %\): the rows of build /);
    // Each emptied data file (all but the DataBank's series metadata, which is no data file) is quarantined by name as a whole file.
    const [[dataFiles]] = await rows(`SELECT files FROM run_record WHERE source = 'worldbank-files'`);
    expect(Number(dataFiles)).toBe(emptied.length - 1);
    expect(await count('quarantine', `source = 'worldbank' AND row_number IS NULL AND reason LIKE 'unreadable file: %'`)).toBe(Number(dataFiles));
    expect(await count('action_line_link', MATRIX_LINKS)).toBe(287);
    expect((await record('wsis-matrix')).status).toBe('reused');
    expect(await count('economy', M49_COUNTRIES)).toBe(248);
    expect((await record('m49')).message).toMatch(/^today's fetch loaded \d+ rows, 496 in the served build/);
    // The sources that loaded fine publish this run's rows.
    for (const source of ['itu-wtid', 'un-sdg', 'meetings', 'stocktaking']) expect(await record(source), source).toMatchObject({ status: 'ok', reusedFrom: null, runId: run.runId });
    expect(await count('observation_batch', "pipeline_source = 'itu-wtid' AND source LIKE '%rows reused%'")).toBe(0);
    console.log(
      `faults, emptied World Bank files, truncated matrix, halved M49: published ${run.tableCounts.observation} observations, WLD IT.NET.USER.ZS 2015 = ${value} (${owner}), ` +
        `${await count('action_line_link', MATRIX_LINKS)} matrix links, ${await count('economy', M49_COUNTRIES)} M49 countries; reused: ${(await rows("SELECT string_agg(source || ' from ' || reused_from, ', ') FROM run_record WHERE status = 'reused'"))[0][0]}`
    );

    const accepted = await runPipeline({ out, mirror, sources: allSources(), finishers: finishers(), log: () => {}, acceptShrink: true });
    expect(accepted.published).toBe(true);
    expect(await count('action_line_link', MATRIX_LINKS)).toBe(0);
    expect(await count('economy', M49_COUNTRIES)).toBeLessThan(248);
    expect(await rows(WLD_2015)).toEqual([]);
    expect(await count('run_record', "status = 'reused'")).toBe(0);
    console.log(`faults, --accept-shrink: published ${await count('action_line_link', MATRIX_LINKS)} matrix links (before: 287), ${await count('economy', M49_COUNTRIES)} M49 countries (before: 248), ${accepted.tableCounts.observation} observations`);
  }, 600_000); // three whole-pipeline runs: minutes on a loaded 2-core machine
});
