// An open-numbers DDF package (uis, un-sdg, gdl): in the mirror under `dir`, online under `raw`
// with the same file names. The entity files come first: without them no datapoint can be placed.
import type { SourceContext, SourceReport } from '../../lib/context';
import { failedReport, skippedReport } from '../../lib/report';
import { inMirror, isUnreachable, readInput, type InputText } from '../inputs';
import { createHarmoniser, type Harmoniser } from '../../harmonise';
import { readDdfEntities } from './read';

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

/** How a package's area codes resolve: the publisher's own regions first, else a country by its names. */
export interface AreaRules {
  /** The aggregate code of an area that is one of the publisher's regions, else null. */
  region: (area: string) => string | null;
  /** The name of a region the entity file leaves unnamed. */
  unnamedRegion: (area: string) => string;
  /** The codes and names the harmoniser tries for a country, in order. */
  countryNames: (area: string, name: string) => string[];
  /** The harmoniser's context (the publisher's name list), e.g. 'UIS'. */
  context: string;
}

export interface DdfAreas {
  entityFile: InputText;
  /** The entity file's rows by area code. */
  entities: Map<string, Record<string, string>>;
  names: Harmoniser;
  /** Area code to economy code (null: unmatched), each resolved once. */
  resolve: (area: string) => string | null;
  /** The regions met so far, code to name, for declaring the aggregates. */
  regions: Map<string, string>;
}

/** The package's area entity file and a resolver over it, or the report that ends the source (see readDdfEntityFiles). */
export async function openDdfAreas(ctx: SourceContext, pkg: DdfPackage, file: string, keyColumn: string, what: string, rules: AreaRules): Promise<DdfAreas | SourceReport> {
  const opened = await readDdfEntityFiles(ctx, pkg, [file], what);
  if (!Array.isArray(opened)) return opened;
  const [entityFile] = opened;
  const entities = readDdfEntities(entityFile.text, entityFile.file, keyColumn);
  const names = await createHarmoniser(ctx.conn, { mirror: ctx.mirror, root: ctx.root });
  const resolved = new Map<string, string | null>();
  const regions = new Map<string, string>();
  const resolve = (area: string): string | null => {
    if (resolved.has(area)) return resolved.get(area)!;
    const name = entities.get(area)?.name?.trim() ?? '';
    const region = rules.region(area);
    if (region !== null) regions.set(region, name || rules.unnamedRegion(area));
    const code = region ?? names.match(rules.countryNames(area, name), rules.context);
    resolved.set(area, code);
    return code;
  };
  return { entityFile, entities, names, resolve, regions };
}
