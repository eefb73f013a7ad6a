// One pipeline run: every source in order, into a new warehouse file, with a run record,
// then an atomic swap. A required source that fails aborts the run and the previous
// warehouse stays published; an optional source that fails (e.g. the API is unreachable)
// is recorded and reported, and the other sources still load.
import { DuckDBInstance } from '@duckdb/node-api';
import { resolve } from 'node:path';
import type { Source, SourceContext, SourceReport } from './lib/context';
import { createWarehouse, insertRows } from './lib/warehouse';
import { createSourceContext, settingInputDirs } from './lib/source-context';
import { buildPathFor, discard, prepareBuildDir, publish } from './lib/publish';
import { projectRoot } from './lib/paths';
import { fingerprintInputs, type Fingerprint } from './lib/fingerprint';
import { readManifest, writeManifest } from './lib/build-manifest';
import { failedReport } from './lib/report';
import { existsSync } from 'node:fs';
import { shrinkProblems, type BuildSize } from './lib/shrink-guard';
import { attachServed, stagedEconomies, stampStagedBatches, type ServedBuild } from './lib/reuse';
import { originOf, reuseReason } from './lib/snapshot';

export interface RunOptions {
  out: string;
  mirror: string | null;
  sources: Source[];
  cacheDir?: string;
  log?: (line: string) => void;
  fetch?: typeof fetch;
  online?: Partial<SourceContext['online']>;
  /** Steps run on the finished warehouse before it is published (exports, checks). */
  finishers?: Finisher[];
  /** Rebuild even when no input changed since the published build. */
  force?: boolean;
  /**
   * Publish what this run loaded even when a source failed or shrank past the threshold against
   * the served build: no source reuses its served rows (lib/snapshot.ts) and the whole-build
   * guard (lib/shrink-guard.ts) is off.
   */
  acceptShrink?: boolean;
}

/** A step on the finished warehouse before publishing; discard undoes its side effects if the run fails. */
export interface Finisher {
  id: string;
  run: (ctx: SourceContext, out: string, runId: string) => Promise<string | void>;
  discard?: (out: string, runId: string) => void;
  afterPublish?: (out: string, runId: string) => void;
  /** Whether the published build still has what this step made (a run with unchanged inputs rebuilds if not). */
  upToDate?: (build: PublishedBuild) => boolean;
}

export interface PublishedBuild {
  runId: string;
  fingerprint: string | null;
  exportsDir: string | null;
  tableCounts: Record<string, number>;
  /** rows_loaded and status per source in the build's run record. */
  sources: BuildSize['sources'];
}

export interface SourceOutcome extends SourceReport {
  source: string;
  seconds: number;
  /** For status reused: the build whose rows of the source are served. */
  reusedFrom?: string;
}

export interface RunResult {
  runId: string;
  ok: boolean;
  published: boolean;
  out: string;
  outcomes: SourceOutcome[];
  seconds: number;
  error?: string;
  tableCounts: Record<string, number>;
  /** True when nothing changed since the published build, which was kept as it is. */
  unchanged?: boolean;
}

export class RunFailed extends Error {
  constructor(
    message: string,
    public result: RunResult
  ) {
    super(message);
  }
}

export async function runPipeline(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const runId = new Date().toISOString().replace(/[:.]/g, '-');
  const log = options.log ?? ((line: string) => console.log(line));
  const out = resolve(options.out);
  const mirror = options.mirror ? resolve(options.mirror) : null;
  // Online sources can change at any time; only a mirror run can know nothing changed.
  // The manifest beside the published warehouse holds its description and its inputs' hashes,
  // so an unchanged re-run neither reads every input nor opens DuckDB (lib/build-manifest.ts).
  const manifest = readManifest(out);
  const inputs: Fingerprint | null = mirror
    ? fingerprintInputs({ root: projectRoot, mirror, extraDirs: settingInputDirs(options.sources) }, manifest?.inputs)
    : null;
  const fingerprint = inputs?.fingerprint ?? null;
  const published = manifest?.build ?? (await publishedBuild(out));
  // Same inputs, but the served build reused some source's rows: --accept-shrink asks for this run's smaller data.
  const replaceReused = options.acceptShrink && Object.values(published?.sources ?? {}).some((s) => s.status === 'reused');
  if (fingerprint && !options.force && !replaceReused) {
    const missing = published ? (options.finishers ?? []).filter((f) => f.upToDate && !f.upToDate(published)).map((f) => f.id) : [];
    if (published && missing.length) log(`build ${published.runId} has the same inputs but its ${missing.join(', ')} are missing or incomplete: rebuilding`);
    if (published?.fingerprint === fingerprint && missing.length === 0) {
      // Hashes read again (files touched but not changed) or a manifest missing: keep them for next time.
      if (inputs && (!manifest || inputs.hashed > 0)) writeManifest(out, published, inputs.files);
      const seconds = (performance.now() - started) / 1000;
      log(`nothing changed since build ${published.runId} (same inputs and pipeline code): keeping ${out}; use --force to rebuild`);
      return { runId: published.runId, ok: true, published: false, unchanged: true, out, outcomes: [], seconds, tableCounts: published.tableCounts };
    }
  }
  prepareBuildDir(out);
  const buildPath = buildPathFor(out, runId);
  const { instance, conn } = await createWarehouse(buildPath);
  const { ctx, enter } = createSourceContext({
    conn,
    mirror,
    root: projectRoot,
    cacheDir: options.cacheDir,
    log: (message) => log(`    ${message}`),
    fetch: options.fetch,
    online: options.online
  });
  const outcomes: SourceOutcome[] = [];
  const result: RunResult = { runId, ok: false, published: false, out, outcomes, seconds: 0, tableCounts: {} };
  let served: ServedBuild | null = null;
  try {
    // Each source's last good rows, reused when it fails or shrinks (lib/snapshot.ts).
    if (published && !options.acceptShrink) served = await attachServed(conn, out, (line) => log(`    ${line}`));
    const total = options.sources.length;
    for (const [i, source] of options.sources.entries()) {
      log(`[${i + 1}/${total}] ${source.id}: ${source.description}`);
      const t0 = performance.now();
      const startedAt = new Date();
      let report: SourceReport;
      enter(source);
      try {
        report = await source.run(ctx);
      } catch (err) {
        report = failedReport(err instanceof Error ? err.message : String(err));
      }
      await stampStagedBatches(conn, source.id);
      let outcome: SourceOutcome = { ...report, source: source.id, seconds: (performance.now() - t0) / 1000 };
      if (served && source.snapshot) outcome = await reuseIfNeeded(served, source, outcome, ctx);
      outcomes.push(outcome);
      await recordOutcome(ctx, runId, outcome, startedAt);
      log(`    ${describeOutcome(outcome)}`);
      const required = typeof source.required === 'function' ? source.required(ctx) : source.required;
      if (outcome.status === 'failed' && required) {
        throw new Error(`required source "${source.id}" failed: ${outcome.message}`);
      }
    }
    await served?.detach();
    served = null;
    await dropStaging(ctx);
    await insertRows(conn, 'build_info', [
      { run_id: runId, built_at: new Date().toISOString(), mode: mirror ? 'mirror' : 'online', mirror, exports_dir: null, fingerprint }
    ]);
    for (const finisher of options.finishers ?? []) {
      log(`[publish] ${finisher.id}`);
      const note = await finisher.run(ctx, out, runId);
      if (note) log(`    ${note}`);
    }
    result.tableCounts = await countTables(ctx);
    if (published && !options.acceptShrink) {
      const sources = Object.fromEntries(outcomes.map((o) => [o.source, { status: o.status, rowsLoaded: o.rowsLoaded }]));
      const problems = shrinkProblems({ sources: published.sources, tables: published.tableCounts }, { sources, tables: result.tableCounts });
      if (problems.length) {
        throw new Error(
          `not published, the served build ${published.runId} keeps the last good data: ${problems.join('; ')}. ` +
            'Run with --accept-shrink to publish the smaller build on purpose'
        );
      }
    }
    const exportsDir = (await conn.runAndReadAll('SELECT exports_dir FROM build_info LIMIT 1')).getRows()[0]?.[0];
    await conn.run('CHECKPOINT');
    conn.closeSync();
    instance.closeSync();
    publish(buildPath, out);
    const sources = Object.fromEntries(outcomes.map((o) => [o.source, { status: o.status, rowsLoaded: o.rowsLoaded }]));
    const build: PublishedBuild = { runId, fingerprint, exportsDir: exportsDir == null ? null : String(exportsDir), tableCounts: result.tableCounts, sources };
    writeManifest(out, build, inputs?.files ?? {});
    for (const finisher of options.finishers ?? []) finisher.afterPublish?.(out, runId);
    result.ok = true;
    result.published = true;
    result.seconds = (performance.now() - started) / 1000;
    log(`published ${out} in ${result.seconds.toFixed(1)} s`);
    return result;
  } catch (err) {
    try {
      await served?.detach();
    } catch {
      /* closed below */
    }
    try {
      conn.closeSync();
      instance.closeSync();
    } catch {
      /* already closed */
    }
    discard(buildPath);
    for (const finisher of options.finishers ?? []) finisher.discard?.(out, runId);
    result.error = err instanceof Error ? err.message : String(err);
    result.seconds = (performance.now() - started) / 1000;
    throw new RunFailed(`pipeline failed: ${result.error}; the previous warehouse (if any) is unchanged: ${out}`, result);
  }
}


export function describeOutcome(o: SourceOutcome): string {
  const parts = [
    o.status.toUpperCase(),
    `${o.files} file(s)`,
    `${o.rowsRead} read`,
    `${o.rowsLoaded} loaded`,
    `${o.rowsQuarantined} quarantined`,
    `${o.seconds.toFixed(2)} s`
  ];
  if (o.vintage) parts.push(`vintage ${o.vintage}`);
  return parts.join(', ') + (o.message ? ` — ${o.message}` : '');
}

/** The served rows of a source in place of this run's, when this run's failed, were skipped or shrank; else the outcome as it is. */
async function reuseIfNeeded(served: ServedBuild, source: Source, outcome: SourceOutcome, ctx: SourceContext): Promise<SourceOutcome> {
  const snapshot = source.snapshot!;
  const record = served.records.get(source.id);
  if (!record || (snapshot.observations && !served.observationsReusable)) return outcome;
  const fetched = outcome.status !== 'failed' && outcome.status !== 'skipped';
  const economies = snapshot.observations && fetched ? { now: await stagedEconomies(ctx.conn, source.id), served: await served.economies(source.id) } : undefined;
  const reason = reuseReason(record, { status: outcome.status, rowsLoaded: outcome.rowsLoaded, economies });
  if (!reason) return outcome;
  const origin = originOf(record);
  await served.reuse(source.id, snapshot, origin);
  return {
    ...outcome,
    status: 'reused',
    rowsLoaded: record.rowsLoaded,
    checksum: record.checksum,
    vintage: record.vintage,
    reusedFrom: origin,
    message: `${reason}: the rows of build ${origin} are served${outcome.message ? `. This run: ${outcome.message}` : ''}`
  };
}

async function recordOutcome(ctx: SourceContext, runId: string, o: SourceOutcome, startedAt: Date) {
  await insertRows(ctx.conn, 'run_record', [
    {
      run_id: runId,
      source: o.source,
      status: o.status,
      files: o.files,
      rows_read: o.rowsRead,
      rows_loaded: o.rowsLoaded,
      rows_quarantined: o.rowsQuarantined,
      checksum: o.checksum,
      vintage: o.vintage,
      seconds: o.seconds,
      message: o.message,
      started_at: startedAt.toISOString(),
      reused_from: o.reusedFrom ?? null
    }
  ]);
}

async function dropStaging(ctx: SourceContext) {
  const rows = await ctx.conn.runAndReadAll(
    "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'stg\\_%' ESCAPE '\\'"
  );
  for (const [name] of rows.getRows()) await ctx.conn.run(`DROP TABLE IF EXISTS "${String(name)}"`);
}

async function countTables(ctx: SourceContext): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const tables = await ctx.conn.runAndReadAll(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type IN ('BASE TABLE', 'VIEW') ORDER BY table_name"
  );
  const names = tables.getRows().map(([name]) => String(name));
  if (names.length === 0) return counts;
  // One statement for every table: a statement costs a few milliseconds of its own, and the
  // unchanged re-run (which counts the published build's tables) should cost almost nothing.
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const literal = (name: string) => `'${name.replace(/'/g, "''")}'`;
  const r = await ctx.conn.runAndReadAll(names.map((n) => `SELECT ${literal(n)} AS t, count(*)::INTEGER AS n FROM ${quote(n)}`).join(' UNION ALL '));
  for (const [name, n] of r.getRows()) counts[String(name)] = Number(n);
  return counts;
}

/** The published build's id, fingerprint and table counts, or null when there is none (or it is unreadable). */
async function publishedBuild(out: string): Promise<PublishedBuild | null> {
  if (!existsSync(out)) return null;
  try {
    const { instance, conn } = await openReadOnly(out);
    try {
      const info = (await conn.runAndReadAll('SELECT run_id, fingerprint, exports_dir FROM build_info LIMIT 1')).getRows()[0];
      if (!info) return null;
      const tableCounts = await countTables({ conn } as SourceContext);
      const text = (v: unknown) => (v == null ? null : String(v));
      const records = (await conn.runAndReadAll('SELECT source, status, rows_loaded FROM run_record WHERE run_id = $1', [String(info[0])])).getRows();
      const sources = Object.fromEntries(records.map((r) => [String(r[0]), { status: String(r[1]), rowsLoaded: Number(r[2]) }]));
      return { runId: String(info[0]), fingerprint: text(info[1]), exportsDir: text(info[2]), tableCounts, sources };
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  } catch {
    return null;
  }
}

/** Open an existing warehouse read-only (for tests and checks). */
export async function openReadOnly(path: string) {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  return { instance, conn: await instance.connect() };
}
