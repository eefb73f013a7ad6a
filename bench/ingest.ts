// Ingest figures: the pipeline's World Bank load (stage + validate + publish) against bare
// DuckDB (bench/bare.ts) on the same files, each run in a child process on a fresh copy of
// a prepared warehouse (catalog + countries already loaded).
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { createWarehouse, insertRows } from '../pipelines/lib/warehouse';
import { projectRoot } from '../pipelines/lib/paths';
import { loadCatalog } from '../pipelines/sources/worldbank/catalog';
import { loadCountries } from '../pipelines/sources/worldbank/countries';
import { listMirrorDataFiles } from '../pipelines/sources/worldbank/files';
import { slowest } from './statements';
import { syntheticIndicatorRows } from './synthetic';
import { median } from './stats';

export interface IngestRun {
  seconds: number;
  stageSeconds: number;
  publishSeconds: number;
  values: number;
  maxRssMb: number;
  /** CPU seconds of the ingest, all threads. */
  cpuSeconds: number;
  statements?: { sql: string; seconds: number }[];
}

export type DataFile = { file: string; path: string };

/** Build the warehouse every ingest run starts from: schema, indicator catalog (plus synthetic codes), economies. */
export async function prepareTemplate(path: string, mirror: string, syntheticIndicators = 0): Promise<{ code: string; name: string }[]> {
  rmSync(path, { force: true });
  const { instance, conn } = await createWarehouse(path);
  try {
    await loadCatalog(conn, projectRoot);
    await loadCountries(conn, mirror);
    if (syntheticIndicators > 0) await insertRows(conn, 'indicator', syntheticIndicatorRows(syntheticIndicators));
    const economies = (await conn.runAndReadAll('SELECT code, name FROM economy ORDER BY code')).getRows();
    await conn.run('CHECKPOINT');
    return economies.map(([code, name]) => ({ code: String(code), name: String(name ?? code) }));
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/**
 * The real World Bank data files of the mirror. Zip members are extracted to dir first so
 * both sides read the same CSV bytes (the bare baseline cannot read zips).
 */
export async function realFiles(mirror: string, dir: string): Promise<DataFile[]> {
  const out: DataFile[] = [];
  for (const f of await listMirrorDataFiles(mirror)) {
    if (!/\.zip$/i.test(f.path)) {
      out.push(f);
      continue;
    }
    const members = unzipSync(readFileSync(f.path), { filter: (m) => /\.csv$/i.test(m.name) && !/metadata/i.test(basename(m.name)) });
    for (const [name, bytes] of Object.entries(members)) {
      const path = join(dir, `zip-${basename(name)}`);
      await writeFile(path, bytes);
      out.push({ file: `${f.file}!${name}`, path });
    }
  }
  return out;
}

let jobCounter = 0;

/** One ingest in a child process, on a fresh copy of the template warehouse. */
export async function ingestOnce(mode: 'pipeline' | 'bare' | 'shape', template: string, files: DataFile[], work: string, profile = false): Promise<IngestRun> {
  mkdirSync(work, { recursive: true });
  const n = ++jobCounter;
  const warehouse = join(work, `ingest-${n}.duckdb`);
  copyFileSync(template, warehouse);
  const jobFile = join(work, `job-${n}.json`);
  writeFileSync(jobFile, JSON.stringify({ mode, warehouse, files, profile }));
  try {
    const stdout = await new Promise<string>((ok, fail) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', resolve(projectRoot, 'bench/ingest-child.ts'), jobFile],
        { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 },
        (err, out, errOut) => (err ? fail(new Error(`${mode} ingest failed: ${errOut || err.message}`)) : ok(out))
      )
    );
    return JSON.parse(stdout.trim().split('\n').pop()!) as IngestRun;
  } finally {
    rmSync(warehouse, { force: true });
    rmSync(`${warehouse}.wal`, { force: true });
    rmSync(jobFile, { force: true });
  }
}

export interface IngestComparison {
  files: number;
  values: number;
  pipeline: IngestRun[];
  bare: IngestRun[];
  /** Bare DuckDB writing observation's eight columns (bareObservationSql): context, not a goal. */
  shape: IngestRun[];
  /** Medians. */
  pipelineSeconds: number;
  stageSeconds: number;
  publishSeconds: number;
  bareSeconds: number;
  shapeSeconds: number;
  ratio: number;
  /** Pipeline against bare DuckDB writing the same eight columns unchecked. */
  shapeRatio: number;
  /** The same ratio in CPU seconds (medians): steadier than wall time when the machine is shared. */
  cpuRatio: number;
  pipelineRssMb: number;
  bareRssMb: number;
}

/** Alternate pipeline and bare runs (so machine noise hits both alike); medians of `runs`. */
export async function compareIngest(template: string, files: DataFile[], work: string, runs: number, log: (s: string) => void): Promise<IngestComparison> {
  const pipeline: IngestRun[] = [];
  const bare: IngestRun[] = [];
  const shape: IngestRun[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(await ingestOnce('bare', template, files, work));
    pipeline.push(await ingestOnce('pipeline', template, files, work));
    shape.push(await ingestOnce('shape', template, files, work));
    log(`      run ${i + 1}/${runs}: pipeline ${pipeline[i].seconds.toFixed(2)} s (stage ${pipeline[i].stageSeconds.toFixed(2)}, publish ${pipeline[i].publishSeconds.toFixed(2)}), bare ${bare[i].seconds.toFixed(2)} s, bare with observation's columns ${shape[i].seconds.toFixed(2)} s`);
  }
  const m = (xs: IngestRun[], k: keyof IngestRun) => median(xs.map((x) => Number(x[k])));
  return {
    files: files.length,
    values: pipeline[0].values,
    pipeline,
    bare,
    shape,
    pipelineSeconds: m(pipeline, 'seconds'),
    stageSeconds: m(pipeline, 'stageSeconds'),
    publishSeconds: m(pipeline, 'publishSeconds'),
    bareSeconds: m(bare, 'seconds'),
    shapeSeconds: m(shape, 'seconds'),
    ratio: m(pipeline, 'seconds') / m(bare, 'seconds'),
    shapeRatio: m(pipeline, 'seconds') / m(shape, 'seconds'),
    cpuRatio: m(pipeline, 'cpuSeconds') / m(bare, 'cpuSeconds'),
    pipelineRssMb: m(pipeline, 'maxRssMb'),
    bareRssMb: m(bare, 'maxRssMb')
  };
}

/** The slowest statements of one profiled pipeline run, summed by their first words. */
export function topStatements(run: IngestRun, n = 10): { sql: string; seconds: number; count: number }[] {
  return slowest(run.statements ?? [], n);
}
