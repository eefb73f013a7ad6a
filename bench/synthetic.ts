// SYNTHETIC data for the scale benchmark only: World Bank bulk CSVs in the native layout
// (4-line preamble, quoted cells, trailing comma, BOM), written to a temp dir and never
// published. Every file says so in its "Data Source" line and its name; the indicator codes
// are made up (SYN.BENCH.*). A seeded PRNG (mulberry32) makes every run write the same bytes.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SYNTHETIC_SEED = 20_030_612;
export const SYNTHETIC_VINTAGE = '2099-01-01';
export const SYNTHETIC_LABEL = 'SYNTHETIC benchmark data (bench/synthetic.ts), not real';

/** mulberry32: a tiny 32-bit PRNG, good enough to vary benchmark values. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  dir: string;
  indicators: number;
  /** Economy codes and names (real codes, so they validate). */
  economies: { code: string; name: string }[];
  firstYear?: number;
  years?: number;
  seed?: number;
}

export interface SyntheticIndicator {
  code: string;
  name: string;
}

export const syntheticCode = (i: number) => `SYN.BENCH.${String(i + 1).padStart(5, '0')}`;

/** Rows for the warehouse's indicator table (percentages, bounded 0..100), clearly labelled synthetic. */
export function syntheticIndicatorRows(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    code: syntheticCode(i),
    name: `Synthetic benchmark indicator ${i + 1} (not real data)`,
    unit: '%',
    topic: 'synthetic',
    wsis_targets: null,
    mdg_indicator: null,
    higher_is_better: true,
    upper_bound: 100,
    source_organisation: 'none (synthetic)',
    source: SYNTHETIC_LABEL
  }));
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Write one file per indicator; returns their paths in indicator order. Values follow a
 * random walk within 0..100; each economy starts reporting in a random year (earlier years
 * empty, as in real files) and about 3 % of later cells are empty too.
 */
export async function writeSyntheticFiles(opts: SyntheticOptions): Promise<{ file: string; path: string }[]> {
  const { dir, indicators, economies } = opts;
  const firstYear = opts.firstYear ?? 1960;
  const years = opts.years ?? 64;
  const rand = mulberry32(opts.seed ?? SYNTHETIC_SEED);
  await mkdir(dir, { recursive: true });
  const yearHeader = Array.from({ length: years }, (_, k) => quote(String(firstYear + k))).join(',');
  const out: { file: string; path: string }[] = [];
  for (let i = 0; i < indicators; i++) {
    const code = syntheticCode(i);
    const name = `Synthetic benchmark indicator ${i + 1} (not real data)`;
    const lines = [
      `\uFEFF${quote('Data Source')},${quote(SYNTHETIC_LABEL)},`,
      '',
      `${quote('Last Updated Date')},${quote(SYNTHETIC_VINTAGE)},`,
      '',
      `${quote('Country Name')},${quote('Country Code')},${quote('Indicator Name')},${quote('Indicator Code')},${yearHeader},`
    ];
    for (const e of economies) {
      const start = Math.floor(rand() * years * 0.6);
      let v = rand() * 20;
      const cells: string[] = [];
      for (let k = 0; k < years; k++) {
        if (k < start || rand() < 0.03) {
          cells.push('""');
          continue;
        }
        v = Math.min(100, Math.max(0, v + (rand() - 0.3) * 3));
        cells.push(`"${v.toFixed(6).replace(/\.?0+$/, '')}"`);
      }
      lines.push(`${quote(e.name)},${quote(e.code)},${quote(name)},${quote(code)},${cells.join(',')},`);
    }
    const file = `SYNTHETIC_API_${code}_bench.csv`;
    const path = join(dir, file);
    await writeFile(path, lines.join('\r\n') + '\r\n');
    out.push({ file: `synthetic/${file}`, path });
  }
  return out;
}
