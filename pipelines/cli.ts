// npm run pipeline -- [--out FILE] [--mirror DIR] [--timeout MS] [--retries N]
// Builds the warehouse from every source and publishes it atomically.
import { parseArgs } from 'node:util';
import { cliOptions } from './lib/cli-options';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { runPipeline, RunFailed, type RunResult } from './run';
import { allSources, finishers } from './sources/index';
import { projectRoot } from './lib/paths';

const HELP = `Build the WSIS warehouse (DuckDB) from every source.

Usage: npm run pipeline -- [options]

  --out FILE       where the warehouse goes (default data/build/wsis.duckdb)
  --mirror DIR     read online sources from a local folder organised by source
                   (worldbank/, un/, owid/, itu/, wsis/), e.g. ../shared/data;
                   also settable as WSIS_MIRROR. Without it the World Bank API is used.
  --timeout MS     per-request timeout for online sources (default 20000)
  --retries N      retries for online sources (default 3)
  --force          rebuild even when no input changed since the published build
                   (a mirror run with the same inputs and code keeps the published warehouse)
  --accept-shrink  publish what this run loaded even when a source failed, was skipped or lost
                   more than 10 % of its rows (or economies) against the build being served;
                   without it such a source's rows of the served build are reused (run_record
                   status "reused") and the other sources publish fresh data
  -h, --help       this text
`;

async function main() {
  const { values } = parseArgs({ options: cliOptions(['out', 'mirror', 'timeout', 'retries'], ['force', 'accept-shrink']) });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const out = resolve(values.out ?? resolve(projectRoot, 'data/build/wsis.duckdb'));
  const mirror = values.mirror ?? process.env.WSIS_MIRROR ?? null;
  const online: Record<string, number> = {};
  if (values.timeout) online.timeoutMs = positiveInt('--timeout', values.timeout);
  if (values.retries) online.retries = positiveInt('--retries', values.retries, true);
  if (mirror) {
    if (!existsSync(mirror)) throw new Error(`--mirror ${mirror}: no such folder`);
    const missing = ['worldbank', 'un', 'wsis'].filter((d) => !existsSync(join(mirror, d)));
    if (missing.length) console.log(`note: the mirror has no ${missing.map((d) => `${d}/`).join(', ')} folder; sources that need them will fail or be skipped`);
  }
  console.log(`WSIS pipeline: ${mirror ? `mirror ${resolve(mirror)}` : 'online (World Bank API)'} -> ${out}`);
  try {
    const result = await runPipeline({ out, mirror, sources: allSources(), finishers: finishers(), online, force: values.force, acceptShrink: values['accept-shrink'] });
    if (result.unchanged) {
      console.log(`Up to date: ${out} (${Object.entries(result.tableCounts).map(([t, n]) => `${t} ${n}`).join(', ')})`);
      return 0;
    }
    printSummary(result);
    return 0;
  } catch (err) {
    if (err instanceof RunFailed) {
      printSummary(err.result);
      console.error(`\nERROR: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

function positiveInt(flag: string, text: string, allowZero = false): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new Error(`${flag} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got "${text}"`);
  return n;
}

function printSummary(result: RunResult) {
  const rows = result.outcomes.map((o) => [
    o.source,
    o.status,
    String(o.files),
    String(o.rowsRead),
    String(o.rowsLoaded),
    String(o.rowsQuarantined),
    o.seconds.toFixed(2),
    o.vintage ?? ''
  ]);
  const header = ['source', 'status', 'files', 'read', 'loaded', 'quarantined', 'seconds', 'vintage'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log('\nRun summary');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  const problems = result.outcomes.filter((o) => o.status === 'failed' || o.status === 'partial' || o.status === 'reused');
  if (problems.length) {
    console.log('\nMissing, incomplete or reused from an earlier build:');
    for (const o of problems) console.log(`  - ${o.source} (${o.status}): ${o.message}`);
  }
  // The quarantine table's own count: the sources' counts are values (one refused line of an
  // unknown country holds dozens), so their sum said 177 where the table held 6 rows.
  const refusedValues = result.outcomes.reduce((n, o) => n + o.rowsQuarantined, 0);
  const quarantineRows = result.tableCounts.quarantine;
  if (Object.keys(result.tableCounts).length) {
    console.log('\nTables: ' + Object.entries(result.tableCounts).map(([t, n]) => `${t} ${n}`).join(', '));
  }
  console.log(
    `\n${result.published ? 'Published' : 'NOT published'}: ${result.out} (${quarantineRows === undefined ? `${refusedValues} value(s) refused` : `${quarantineRows} row(s) in the quarantine table for ${refusedValues} refused value(s)`}; wall time ${result.seconds.toFixed(1)} s)`
  );
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`ERROR: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
);
