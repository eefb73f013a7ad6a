// One input file of a source, read from the mirror (a path relative to it) or, online, from
// the URL where the publisher (or the repository the mirror copied) publishes it. Online
// reads go through the World Bank reader's HTTP client (timeout, retry with back-off, raw
// responses cached), so an unreachable publisher is reported the same way:
// "<service> unreachable: GET <url> failed after N attempts (...)".
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceContext } from '../lib/context';
import { InputError } from '../lib/context';
import { sha256 } from '../lib/checksum';
import { ApiError, ApiUnreachable, getWithRetry } from './worldbank/api';

export interface InputSpec {
  /** Path relative to the mirror, e.g. 'un/egov/EGOV_DATA_2022.csv'. */
  path: string;
  /** Where it is published (read when there is no mirror). */
  url: string;
}

export interface InputText {
  /** The mirror path, or the URL online: what quarantine rows and batches name. */
  file: string;
  text: string;
  checksum: string;
}

/** Read one input as UTF-8 text; a missing mirror file is an InputError, an unreachable URL an ApiUnreachable / ApiError. */
export async function readInput(ctx: SourceContext, input: InputSpec, service: string): Promise<InputText> {
  if (ctx.mirror) {
    const full = join(ctx.mirror, input.path);
    if (!existsSync(full)) throw new InputError(input.path, null, 'not found in the mirror');
    const bytes = await readFile(full);
    return { file: input.path, text: bytes.toString('utf8'), checksum: sha256(bytes) };
  }
  const res = await getWithRetry(input.url, { ...ctx.online, fetch: ctx.fetch, cacheDir: ctx.cacheDir, log: ctx.log, service });
  return { file: input.url, text: new TextDecoder().decode(res.bytes), checksum: res.checksum };
}

/** True for the errors that mean "the publisher could not be reached or refused": reported, not thrown. */
export function isUnreachable(err: unknown): err is Error {
  return err instanceof ApiUnreachable || err instanceof ApiError;
}

/** Does the mirror hold this input? (A source without its folder in the mirror is skipped, not failed.) */
export function inMirror(ctx: SourceContext, path: string): boolean {
  return ctx.mirror != null && existsSync(join(ctx.mirror, path));
}
