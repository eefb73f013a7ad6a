// An open-numbers DDF package (uis, un-sdg, gdl): in the mirror under `dir`, online under `raw`
// with the same file names. The entity files come first: without them no datapoint can be placed.
import type { SourceContext, SourceReport } from '../../lib/context';
import { failedReport, skippedReport } from '../../lib/report';
import { inMirror, isUnreachable, readInput, type InputText } from '../inputs';

export interface DdfPackage {
  /** Folder in the mirror, e.g. uis/school-infrastructure-ddf. */
  dir: string;
  /** URL of the same files online, ending in '/'. */
  raw: string;
  /** The service named in errors, e.g. 'UIS.Stat (open-numbers DDF copy)'. */
  service: string;
}

/** Where a mirror path of the package is online. */
export const ddfUrl = (pkg: DdfPackage, path: string): string => pkg.raw + path.slice(pkg.dir.length + 1);

/** One file of the package, from the mirror or else online. */
export const readDdfFile = (ctx: SourceContext, pkg: DdfPackage, path: string): Promise<InputText> => readInput(ctx, { path, url: ddfUrl(pkg, path) }, pkg.service);

/**
 * The package's entity files, or the report that ends the source: skipped when the mirror lacks
 * the package, failed (`what` not loaded) when the files cannot be reached.
 */
export async function readDdfEntityFiles(ctx: SourceContext, pkg: DdfPackage, files: string[], what: string): Promise<InputText[] | SourceReport> {
  if (ctx.mirror && !inMirror(ctx, files[0])) return skippedReport(`no ${pkg.dir}/ in the mirror`);
  const texts: InputText[] = [];
  try {
    for (const file of files) texts.push(await readDdfFile(ctx, pkg, file));
  } catch (err) {
    if (isUnreachable(err)) return failedReport(`${err.message}; no ${what} loaded`);
    throw err;
  }
  return texts;
}

/**
 * Area codes resolved once each: the publisher's own region (`regionCode`; its name kept in
 * `regions` for declaring the aggregate), else a country matched by `country`, else null.
 */
export function areaResolver(
  entities: Map<string, Record<string, string>>,
  regionCode: (area: string) => string | null,
  unnamedRegion: (area: string) => string,
  country: (area: string, name: string) => string | null
) {
  const resolved = new Map<string, string | null>();
  const regions = new Map<string, string>();
  const resolve = (area: string): string | null => {
    if (resolved.has(area)) return resolved.get(area)!;
    const name = entities.get(area)?.name?.trim() ?? '';
    const region = regionCode(area);
    if (region !== null) regions.set(region, name || unnamedRegion(area));
    const code = region ?? country(area, name);
    resolved.set(area, code);
    return code;
  };
  return { resolve, regions };
}
