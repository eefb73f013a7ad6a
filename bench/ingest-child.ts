// One measured ingest, in its own process so its peak memory (maxRSS) is its own:
//   node --import tsx bench/ingest-child.ts <job.json>
// job: { mode: 'pipeline' | 'bare' | 'shape', warehouse, files: [{file, path}], profile?: boolean }
// Prints one JSON line: { seconds, stageSeconds, publishSeconds, values, maxRssMb, cpuSeconds, statements? }.
import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { stageWorldBankFiles } from '../pipelines/sources/worldbank/files';
import { publishObservations } from '../pipelines/observations';
import { bareIngestSql, bareObservationSql } from './bare';

interface Job {
  mode: 'pipeline' | 'bare' | 'shape';
  warehouse: string;
  files: { file: string; path: string }[];
  profile?: boolean;
}

/** Time every statement a connection runs (for --profile): [first words of the SQL, seconds]. */
function profileConnection(conn: DuckDBConnection, log: { sql: string; seconds: number }[]) {
  for (const method of ['run', 'runAndReadAll'] as const) {
    const original = conn[method].bind(conn) as (...args: unknown[]) => Promise<unknown>;
    (conn as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
  const t0 = performance.now();
      try {
        return await original(...args);
      } finally {
        const sql = String(args[0]).replace(/\s+/g, ' ').trim().slice(0, 90);
        log.push({ sql, seconds: (performance.now() - t0) / 1000 });
      }
    };
  }
}

async function main() {
  const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Job;
  const instance = await DuckDBInstance.create(job.warehouse);
  const conn = await instance.connect();
  const statements: { sql: string; seconds: number }[] = [];
  if (job.profile) profileConnection(conn, statements);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let t1 = t0;
  let values = 0;
  if (job.mode === 'pipeline') {
    // Exactly what stageAndPublishFiles does, timed in its two steps.
    await stageWorldBankFiles(conn, job.files);
    t1 = performance.now();
    const p = await publishObservations(conn);
    values = p.valuesLoaded;
  } else {
    await conn.run(job.mode === 'shape' ? await bareObservationSql(job.files) : await bareIngestSql(job.files));
    t1 = performance.now();
    values = Number((await conn.runAndReadAll('SELECT count(*)::INTEGER FROM bare_observation')).getRows()[0][0]);
  }
  await conn.run('CHECKPOINT');
  const t2 = performance.now();
  conn.closeSync();
  instance.closeSync();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  // CPU time of the ingest, every thread (DuckDB's too): moves less than wall time on a shared machine.
  const cpu = process.cpuUsage(cpu0);
  const result = {
    seconds: (t2 - t0) / 1000,
    stageSeconds: (t1 - t0) / 1000,
    publishSeconds: (t2 - t1) / 1000,
    values,
    maxRssMb,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    statements: job.profile ? statements : undefined
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
