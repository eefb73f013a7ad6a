// Where ITU's files come from. Mirror mode: <mirror>/itu/<dataset>/<file>, the file names as ITU
// published them. Online mode: the same names under ITU's statistics documents folder
// (https://www.itu.int/en/ITU-D/Statistics/Documents/statistics/<year>/<file>, the pattern of
// ITU's published file URLs for 2015-2023 files; ITU has since moved its data to the DataHub,
// so these 2019 URLs may no longer answer). An unreachable file is reported, not fatal: the
// source's report names the URL and why, as the World Bank API reader does.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceContext, SourceSetting } from '../../lib/context';
import { sha256 } from '../../lib/checksum';
import { getWithRetry } from '../worldbank/api';

export const ITU_URL_SETTING: SourceSetting = {
  env: 'WSIS_ITU_URL',
  description: "Base URL of ITU's statistics files online (default https://www.itu.int/en/ITU-D/Statistics/Documents/statistics/2019/)"
};
export const DEFAULT_ITU_URL = 'https://www.itu.int/en/ITU-D/Statistics/Documents/statistics/2019/';

export interface InputFile {
  /** Path relative to the mirror, or the URL online. */
  file: string;
  /** The published file name. */
  name: string;
  bytes: Uint8Array;
  checksum: string;
}

export interface Inputs {
  files: InputFile[];
  /** Files that could not be read or fetched, with the reason. */
  problems: string[];
}

/** The published URL of a file (online mode). */
export function ituUrl(ctx: SourceContext, name: string): string {
  const base = ctx.setting(ITU_URL_SETTING.env) || DEFAULT_ITU_URL;
  return `${base.replace(/\/?$/, '/')}${encodeURIComponent(name)}`;
}

/** The files of one dataset: from the mirror folder (every .xls/.xlsx in it), or fetched by name online. */
export async function loadInputs(ctx: SourceContext, dataset: string, onlineNames: string[]): Promise<Inputs> {
  const out: Inputs = { files: [], problems: [] };
  if (ctx.mirror) {
    const dir = join(ctx.mirror, 'itu', dataset);
    let names: string[] = [];
    try {
      names = (await readdir(dir)).filter((n) => /\.xlsx?$/i.test(n)).sort();
    } catch {
      return out; // no folder: the caller reports nothing to read
    }
    for (const name of names) {
      const bytes = new Uint8Array(await readFile(join(dir, name)));
      out.files.push({ file: `itu/${dataset}/${name}`, name, bytes, checksum: sha256(bytes) });
    }
    return out;
  }
  for (const name of onlineNames) {
    const url = ituUrl(ctx, name);
    try {
      const res = await getWithRetry(url, { ...ctx.online, fetch: ctx.fetch, cacheDir: null, log: ctx.log });
      out.files.push({ file: url, name, bytes: res.bytes, checksum: res.checksum });
    } catch (err) {
      // getWithRetry words its errors for the World Bank API; say ITU.
      const text = err instanceof Error ? err.message : String(err);
      const refused = text.startsWith('World Bank API refused: ');
      out.problems.push(`ITU file ${refused ? 'not served' : 'unreachable'}: ${text.replace(/^World Bank API (unreachable|refused): /, '')}`);
    }
  }
  return out;
}
