// npm run bench [-- --quick] [--only ingest,scale,rerun,first,serve,weight] [--port 5301] [--build]
// Benchmarks as ratios: every figure is measured with its baseline in the same run (the
// machine is shared and noisy; the ratio is what we track), medians of several runs.
// Prints a table and writes bench/output/<timestamp>.json (git-ignored). See bench/README.md.
import { parseArgs } from 'node:util';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { projectRoot } from '../pipelines/lib/paths';
import { insertRows } from '../pipelines/lib/warehouse';
import { runPipeline } from '../pipelines/run';
import { allSources, finishers } from '../pipelines/sources/index';
import { stageAndPublishFiles } from '../pipelines/sources/worldbank/sources';
import { compareIngest, ingestOnce, prepareTemplate, realFiles, topStatements, type IngestComparison, type IngestRun } from './ingest';
import { syntheticIndicatorRows, writeSyntheticFiles } from './synthetic';
import { linearFit } from './stats';
import { ensureBuild, startServer } from './server';
import { measureServing, PAGES, type ServeFigures } from './serve';
import { firstVisitUrls, measureFirstVisits, waitForWarmup, type FirstVisitFigures, type WarmupFigures } from './first-visit';
import { lighthouseScores, pageWeight, type LighthouseScores, type PageWeight } from './weight';
import { renderTable, type Row } from './table';
import { slowest, timeStatements } from './statements';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    only: { type: 'string' },
    port: { type: 'string' },
    build: { type: 'boolean' },
    mirror: { type: 'string' },
    keep: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' }
  }
});
if (args.help) {
  console.log('npm run bench [-- --quick] [--only ingest,scale,rerun,first,serve,weight] [--port 5301] [--build] [--mirror DIR] [--keep]');
  process.exit(0);
}

const quick = !!args.quick;
const only = new Set((args.only ?? 'ingest,scale,rerun,first,serve,weight').split(',').map((s) => s.trim()));
const mirror = resolve(args.mirror ?? process.env.WSIS_MIRROR ?? join(projectRoot, '../shared/data'));
const port = Number(args.port ?? 5301);
const plan = quick
  ? { ingestRuns: 3, scale: [[20, 1], [50, 1], [100, 1]] as [number, number][], economies: 266, years: 64, serveSeconds: 3, lighthousePages: ['/'] }
  : { ingestRuns: 5, scale: [[100, 3], [300, 1], [1000, 1]] as [number, number][], economies: 266, years: 64, serveSeconds: 10, lighthousePages: PAGES };
const maxFiles = Math.max(...plan.scale.map(([n]) => n));

const started = performance.now();
const log = (s: string) => console.log(`${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s ${s}`);
const work = mkdtempSync(join(tmpdir(), 'wsis-bench-'));
const rows: Row[] = [];
const report: Record<string, unknown> = {
  startedAt: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  mirror,
  machine: { node: process.version, platform: process.platform },
  plan
};

const secs = (s: number) => `${s.toFixed(2)} s`;

async function main() {
  log(`benchmark (${quick ? 'quick' : 'full'}), work dir ${work}`);
  const template = join(work, 'template.duckdb');
  const economies = await prepareTemplate(template, mirror, maxFiles);
  const ingestWork = join(work, 'ingest');

  // 1. Ingest of the real World Bank files.
  if (only.has('ingest')) {
    log('1. ingest: the mirror\'s World Bank files, pipeline (stageAndPublishFiles) vs bare DuckDB');
    const files = await realFiles(mirror, mkdirP(join(work, 'real')));
    const c = await compareIngest(template, files, ingestWork, plan.ingestRuns, log);
    const profiled = await ingestOnce('pipeline', template, files, ingestWork, true);
    report.ingest = { ...stripRuns(c), slowestStatements: topStatements(profiled, 12) };
    rows.push({ figure: `ingest: mirror (${c.files} files, ${c.values} values)`, value: secs(c.pipelineSeconds), baseline: `${secs(c.bareSeconds)} bare`, ratio: c.ratio, goal: '<= 2', met: c.ratio <= 2 });
    rows.push({ figure: '  of which staging / validate+publish', value: `${secs(c.stageSeconds)} / ${secs(c.publishSeconds)}`, baseline: '', ratio: null, goal: '', met: null });
    rows.push({ figure: '  CPU seconds (all threads), pipeline vs bare', value: '', baseline: '', ratio: c.cpuRatio, goal: '', met: null });
    rows.push(shapeRow(c));
  }

  // 2. Scale: synthetic files.
  let synthetic: { file: string; path: string }[] = [];
  const needSynthetic = only.has('scale') || (!quick && (only.has('serve') || only.has('weight') || only.has('first')));
  if (needSynthetic) {
    log(`2. scale: writing ${maxFiles} SYNTHETIC files (${plan.economies} economies x ${plan.years} years, seeded)`);
    synthetic = await writeSyntheticFiles({ dir: join(work, 'synthetic'), indicators: maxFiles, economies: economies.slice(0, plan.economies), years: plan.years });
  }
  if (only.has('scale')) {
    const points: IngestComparison[] = [];
    for (const [n, runs] of plan.scale) {
      log(`   ${n} files, ${runs} run(s)`);
      const c = await compareIngest(template, synthetic.slice(0, n), ingestWork, runs, log);
      points.push(c);
      rows.push({ figure: `scale: ${n} files (${(c.values / 1e6).toFixed(2)} M values)`, value: secs(c.pipelineSeconds), baseline: `${secs(c.bareSeconds)} bare`, ratio: c.ratio, goal: '<= 2', met: c.ratio <= 2 });
      rows.push({ figure: '  CPU seconds (all threads), pipeline vs bare', value: '', baseline: '', ratio: c.cpuRatio, goal: '', met: null });
      rows.push(shapeRow(c));
    }
    // Linear growth: a straight line through (files, seconds) fits (R²), and its slope (time
    // per extra file) is compared with bare DuckDB's slope over the same points.
    const fit = linearFit(points.map((p) => [p.files, p.pipelineSeconds]));
    const bareFit = linearFit(points.map((p) => [p.files, p.bareSeconds]));
    const last = points[points.length - 1];
    rows.push({
      figure: `scale: time per extra file (fit over ${points.map((p) => p.files).join('/')} files, R² ${fit.r2.toFixed(3)})`,
      value: `${(fit.slope * 1000).toFixed(1)} ms`,
      baseline: `${(bareFit.slope * 1000).toFixed(1)} ms bare`,
      ratio: fit.slope / bareFit.slope,
      goal: 'R² >= 0.95 (linear)',
      met: fit.r2 >= 0.95
    });
    rows.push({ figure: `scale: peak RSS at ${last.files} files`, value: `${last.pipelineRssMb.toFixed(0)} MB`, baseline: `${last.bareRssMb.toFixed(0)} MB bare`, ratio: last.pipelineRssMb / last.bareRssMb, goal: '', met: null });
    const profiled = await ingestOnce('pipeline', template, synthetic.slice(0, plan.scale[0][0]), ingestWork, true);
    report.scale = { points: points.map(stripRuns), linearFit: fit, bareLinearFit: bareFit, slowestStatements: topStatements(profiled, 12) };
  }

  // 5. Re-run with nothing changed (before serving: its warehouse is the one served in --quick).
  const real = join(work, 'real-warehouse', 'wsis.duckdb');
  if (only.has('rerun') || only.has('serve') || only.has('weight') || only.has('first')) {
    log('5. pipeline run on the mirror, then again with nothing changed');
    const quiet = () => undefined;
    const opts = { out: real, mirror, sources: allSources(), finishers: finishers(), cacheDir: join(work, 'cache'), log: quiet };
    const stopTiming = timeStatements();
    const first = await runPipeline(opts);
    const statements = slowest(stopTiming(), 12);
    const second = await runPipeline(opts);
    const forced = quick ? null : await runPipeline({ ...opts, force: true });
    log(`      first ${secs(first.seconds)}, second ${secs(second.seconds)} (${second.unchanged ? 'skipped: nothing changed' : 'rebuilt'}), ${forced ? `forced ${secs(forced.seconds)}` : 'no forced run in --quick'}`);
    const perSource = first.outcomes.map((o) => ({ source: o.source, status: o.status, seconds: o.seconds, rowsLoaded: o.rowsLoaded }));
    for (const o of [...perSource].sort((a, b) => b.seconds - a.seconds)) log(`      ${o.source}: ${secs(o.seconds)} (${o.status}, ${o.rowsLoaded} rows)`);
    for (const st of statements.slice(0, 5)) log(`      slowest: ${secs(st.seconds)} x${st.count} ${st.sql}`);
    report.rerun = { firstSeconds: first.seconds, secondSeconds: second.seconds, secondSkipped: !!second.unchanged, forcedSeconds: forced?.seconds ?? null, perSource, slowestStatements: statements };
    if (only.has('rerun')) {
      // One row per source (and the total): the pipeline's wall time on the mirror, each source's share of it.
      rows.push({ figure: 'pipeline on the mirror: total', value: secs(first.seconds), baseline: '', ratio: null, goal: '', met: null });
      for (const o of perSource) {
        rows.push({ figure: `pipeline: ${o.source}`, value: secs(o.seconds), baseline: `${secs(first.seconds)} total`, ratio: o.seconds / first.seconds, goal: '', met: null });
      }
      rows.push({
        figure: `re-run, nothing changed (${second.unchanged ? 'skipped' : 'rebuilt'})`,
        value: secs(second.seconds),
        baseline: `${secs(first.seconds)} first`,
        ratio: second.seconds / first.seconds,
        goal: '< 1 % of the first run',
        met: !!second.unchanged && second.seconds / first.seconds < 0.01
      });
      if (forced) rows.push({ figure: 're-run forced (--force)', value: secs(forced.seconds), baseline: `${secs(first.seconds)} first`, ratio: forced.seconds / first.seconds, goal: '', met: null });
    }
  }

  // 3 and 4. First visits, serving, weight and first paint on the production build.
  if (only.has('serve') || only.has('weight') || only.has('first')) {
    let served = real;
    if (!quick) {
      log(`   serving warehouse: the mirror's plus ${synthetic.length} SYNTHETIC indicators`);
      served = join(work, 'scale-warehouse', 'wsis.duckdb');
      mkdirP(join(work, 'scale-warehouse'));
      copyFileSync(real, served);
      await addSynthetic(served, synthetic);
    }
    report.servedWarehouse = quick ? 'mirror' : `mirror + ${synthetic.length} synthetic indicators`;
    const built = ensureBuild(log, !!args.build);
    report.build = built ?? 'up to date';
    // First visits need a server whose page cache is empty: a server of their own. They are
    // measured on the mirror's warehouse (the real data a reviewer opens, what the goal is
    // about), and in a full run again on the scale warehouse, reported as its own rows: there
    // country and region pages carry a menu of 1,000 more indicators and /methodology and /data
    // list them.
    if (only.has('first')) {
      const targets: [string, string][] = quick ? [['', real]] : [['', real], [' (scale warehouse)', served]];
      const firstVisits: Record<string, unknown> = {};
      for (const [label, warehouse] of targets) {
        // Read before the server opens the file (one process at a time).
        const types = await stakeholderTypeIds(warehouse);
        const fresh = await startServer(warehouse, port + 1);
        try {
          log(`6. first visits${label}: every detail page and filter variant once, on a fresh server (${fresh.url}), after its warm-up`);
          const warm = await waitForWarmup(fresh.url, quick ? 600_000 : 1_800_000, log);
          const urls = await firstVisitUrls(fresh.url, types);
          const f = await measureFirstVisits(fresh.url, urls, log);
          firstVisits[label ? 'scale' : 'mirror'] = { ...f, warmup: warm, visits: f.visits };
          warmupRow(warm, label);
          firstVisitRows(f, label);
        } finally {
          await fresh.stop();
        }
      }
      report.firstVisit = firstVisits.mirror;
      if (firstVisits.scale) report.firstVisitScale = firstVisits.scale;
    }
    const server = await startServer(served, port);
    try {
      if (only.has('serve')) {
        log(`3. serving: autocannon, 20 connections, ${plan.serveSeconds} s per route, against ${server.url}/healthz`);
        const s = await measureServing(server.url, 20, plan.serveSeconds, log);
        report.serve = s;
        serveRows(s);
      }
      if (only.has('weight')) {
        log('4. weight (gzip) and Lighthouse');
        const weights: PageWeight[] = [];
        for (const p of PAGES) weights.push(await pageWeight(server.url, p));
        const scores = await lighthouseScores(server.url, plan.lighthousePages.filter((p) => weights.find((w) => w.path === p)?.status === 'ok'), log);
        report.weight = { weights, lighthouse: scores };
        weightRows(weights, scores);
      }
    } finally {
      await server.stop();
    }
  }

  report.seconds = (performance.now() - started) / 1000;
  report.table = rows;
  const outDir = mkdirP(join(projectRoot, 'bench', 'output'));
  const outFile = join(outDir, `${new Date().toISOString().replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`);
  writeFileSync(outFile, JSON.stringify(report, null, 2));
  console.log('\n' + renderTable(rows));
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; figures in ${outFile}`);
}

function mkdirP(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

function stripRuns(c: IngestComparison) {
  const strip = (runs: IngestRun[]) => runs.map(({ statements: _s, ...r }) => r);
  return { ...c, pipeline: strip(c.pipeline), bare: strip(c.bare), shape: strip(c.shape) };
}

/**
 * Context for the ingest ratio, not a goal: bare DuckDB reading the same files but writing
 * observation's eight columns (bareObservationSql), unchecked. Its own ratio to bare is the part
 * of the ingest ratio that the served table's shape costs before any check or provenance.
 */
function shapeRow(c: IngestComparison): Row {
  return {
    figure: `  reference: bare writing observation's 8 columns, unchecked (pipeline ${c.shapeRatio.toFixed(2)}x this)`,
    value: secs(c.shapeSeconds),
    baseline: `${secs(c.bareSeconds)} bare`,
    ratio: c.shapeSeconds / c.bareSeconds,
    goal: '',
    met: null
  };
}

/** The stakeholder types a warehouse defines (the action-line pages' filter offers them), for the first-visit URLs. */
async function stakeholderTypeIds(path: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const reader = await conn.runAndReadAll('SELECT id FROM stakeholder_type ORDER BY id');
    return reader.getRowObjects().map((r) => String(r.id));
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** The served warehouse at scale: synthetic indicators staged and published into a copy of the real one. */
async function addSynthetic(path: string, files: { file: string; path: string }[]) {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  try {
    await insertRows(conn, 'indicator', syntheticIndicatorRows(files.length));
    // The publish moves the served values aside and picks again over real + synthetic.
    await stageAndPublishFiles(conn, files);
    for (const t of ['stg_batch', 'stg_observation', 'stg_bulk_value']) await conn.run(`DROP TABLE IF EXISTS ${t}`);
    await conn.run('CHECKPOINT');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

function serveRows(s: ServeFigures) {
  const t = s.trivial;
  rows.push({ figure: 'serve: /healthz (trivial route, baseline)', value: `${t.rps.toFixed(0)} req/s`, baseline: `p50 ${t.p50.toFixed(1)} / p95 ${t.p95.toFixed(1)} ms`, ratio: null, goal: '', met: null });
  for (const r of s.routes) {
    if (r.status === 'missing') {
      rows.push({ figure: `serve: ${r.path}`, value: 'missing (404)', baseline: '', ratio: null, goal: '', met: null });
      continue;
    }
    const share = r.rps / t.rps;
    const p95 = r.p95 / t.p95;
    const note = r.status === 'error' ? ` HTTP ${r.httpStatus}, ${r.non2xx} non-2xx, ${r.errors} errors/timeouts` : '';
    if (r.requests === 0) {
      rows.push({ figure: `serve: ${r.path}`, value: `no response within the ${plan.serveSeconds} s run`, baseline: `${t.rps.toFixed(0)} req/s`, ratio: 0, goal: '>= 0.2; p95 <= 10x', met: false });
      continue;
    }
    rows.push({
      figure: `serve: ${r.path}`,
      value: `${r.rps.toFixed(0)} req/s, p95 ${r.p95.toFixed(0)} ms${note}`,
      baseline: `${t.rps.toFixed(0)} req/s`,
      ratio: share,
      goal: '>= 0.2; p95 <= 10x',
      met: r.status === 'ok' && share >= 0.2 && p95 <= 10,
      extra: `p95 ${p95.toFixed(1)}x`
    });
  }
}

/** The warm-up is the cost moved from first visits to the server's start: reported as it is, with no goal. */
function warmupRow(w: WarmupFigures, label = '') {
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
  rows.push({
    figure: `warm-up at server start${label} (${w.items} pages${w.failed ? `, ${w.failed} failed` : ''})`,
    value: secs(w.ms / 1000),
    baseline: `charts ${w.charts.entries} / ${mb(w.charts.bytes)}, RSS ${mb(w.rssBytes)} -> ${mb(w.rssSettledBytes)}`,
    ratio: null,
    goal: 'page cache empty after it',
    met: w.pageCacheEntries === 0 && w.failed === 0
  });
}

function firstVisitRows(f: FirstVisitFigures, label = '') {
  const h = f.healthzMedian;
  rows.push({ figure: `first visits${label}: ${f.urls} distinct URLs, /healthz median (baseline)`, value: `${h.toFixed(2)} ms`, baseline: `${f.healthzSamples} samples`, ratio: null, goal: '>= 200 URLs', met: f.urls >= 200 });
  for (const t of f.types) {
    const medianRatio = t.median / h;
    const p95Ratio = t.p95 / h;
    rows.push({
      figure: `first visit${label}: ${t.type} (${t.urls})`,
      value: `median ${t.median.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms${t.failures ? `, ${t.failures} failed` : ''}`,
      baseline: `${h.toFixed(2)} ms`,
      ratio: medianRatio,
      goal: 'median <= 5x, p95 <= 10x',
      met: t.failures === 0 && medianRatio <= 5 && p95Ratio <= 10,
      extra: `p95 ${p95Ratio.toFixed(1)}x`
    });
  }
}

function weightRows(weights: PageWeight[], scores: LighthouseScores[]) {
  for (const w of weights) {
    if (w.status !== 'ok') {
      rows.push({ figure: `weight: ${w.path}`, value: w.status === 'missing' ? 'missing (404)' : `HTTP ${w.httpStatus}`, baseline: '', ratio: null, goal: '', met: w.status === 'missing' ? null : false });
      continue;
    }
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
    rows.push({ figure: `weight: ${w.path} JS (gzip)`, value: kb(w.jsBytes), baseline: `${kb(w.totalBytes)} total`, ratio: w.jsBytes / 102400, goal: '<= 100 KB', met: w.jsBytes <= 102400 });
    const s = scores.find((x) => x.path === w.path);
    if (s) {
      rows.push({
        figure: `lighthouse: ${w.path}`,
        value: `perf ${s.performance ?? '-'}, a11y ${s.accessibility ?? '-'}`,
        baseline: s.fcpMs == null ? '' : `FCP ${s.fcpMs.toFixed(0)} ms`,
        ratio: null,
        goal: 'perf >= 95, a11y 100',
        met: s.performance != null && s.accessibility != null && s.performance >= 95 && s.accessibility === 100
      });
    }
  }
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    if (!args.keep) rmSync(work, { recursive: true, force: true });
  });
