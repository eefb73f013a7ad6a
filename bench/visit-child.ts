// The client of a first-visit run, in a process of its own:
//   node --expose-gc --import tsx bench/visit-child.ts <job.json>
// job: { base, paths: string[], warm: string[] }. Prints one JSON line: { healthz: number[], visits: [{ path, status, ms }] }.
//
// Client and server share this machine's two cores, so the client's own garbage collection
// (parallel, on both cores) lands inside the timings it takes. Read from the kernel's per-thread
// run times (/proc/<pid>/task/*/schedstat) during 300 first visits at scale: in the slowest
// visits the client used 20-30 ms of CPU against 3-4 ms in a typical one, while the server's
// render took its usual 5-7 ms. Hence a process of its own (the bench's process holds a built
// warehouse's figures and its garbage) and a young-generation collection before each
// /healthz-and-page pair, outside both timings; /healthz, the baseline, is requested the same
// way. Not a full collection: its sweeping goes on in the background after it returns and
// slowed the /healthz that followed (bench/README.md, "First visits: the client's share").
import { readFileSync } from 'node:fs';

interface Job {
  base: string;
  paths: string[];
  /** Pages already in the server's page cache (the indexes the URLs were read from): fetched to warm the client only. */
  warm: string[];
}

type Collect = (options?: { type: 'minor' | 'major' }) => void;
const collect = (globalThis as { gc?: Collect }).gc;
if (!collect) throw new Error('visit-child: run with --expose-gc (the client collects before each timed pair)');

async function timed(url: string): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t0 };
}

const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Job;
// Warm the client and the connection on the trivial route, then the client's path for a large
// gzipped page on pages the server answers from its page cache (no render, nothing measured):
// warmed on /healthz only, the first page visited paid for the client's first inflation of a
// large body (the run's first visit took 25-32 ms at scale against 7 ms for the next ones).
for (let i = 0; i < 20; i++) await timed(`${job.base}/healthz`);
for (let i = 0; i < 3; i++) for (const path of job.warm) await timed(job.base + path);
const healthz: number[] = [];
const visits: { path: string; status: number; ms: number }[] = [];
for (const path of job.paths) {
  collect({ type: 'minor' });
  healthz.push((await timed(`${job.base}/healthz`)).ms);
  const r = await timed(job.base + path);
  visits.push({ path, status: r.status, ms: r.ms });
}
process.stdout.write(JSON.stringify({ healthz, visits }) + '\n');
