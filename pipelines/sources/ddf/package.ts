// An open-numbers DDF package (uis, un-sdg, gdl): in the mirror under `dir`, online under `raw`
// with the same file names. The entity files come first: without them no datapoint can be placed.
import type { QuarantineInput, SourceContext, SourceOrigin, SourceReport } from '../../lib/context';
import { failedReport, skippedReport, sourceReport } from '../../lib/report';
import { inMirror, isUnreachable, readInput, type InputText } from '../inputs';
import { createHarmoniser, type Harmoniser } from '../../harmonise';
import { readDdfEntities } from './read';
import { stageObservations, type ObservationInput } from '../../observations';

export interface DdfPackage {
  /** The source that reads it (quarantine and batches name it). */
  sourceId: string;
  /** observation_batch.layout of its batches, e.g. uis-ddf. */
  layout: string;
  /** Folder in the mirror, e.g. uis/school-infrastructure-ddf. */
  dir: string;
  /** URL of the same files online, ending in '/'. */
  raw: string;
  /** The service named in errors, e.g. 'UIS.Stat (open-numbers DDF copy)'. */
  service: string;
  /** Publisher of the values, for the batches and the source's origin. */
  publisher: string;
  /** Release date of the copy (its datapackage.json "created"), null when undated. */
  vintage: string | null;
}

/** A DDF source's origin: the package's publisher, the dataset's page and licence, the mirror files read and their online copy. */
export function ddfOrigin(pkg: DdfPackage, o: { url: string; licence: string; mirror: string[] }): SourceOrigin {
  return { publisher: pkg.publisher, url: o.url, licence: o.licence, inputs: [...o.mirror, `${pkg.raw}<same file names>`] };
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
  const names = await createHarmoniser(ctx.conn, { root: ctx.root });
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

/** One file's observations staged as a batch of the package (its vintage, publisher, layout and source). */
export function stageDdfBatch(ctx: SourceContext, pkg: DdfPackage, input: { indicator: string; file: string; checksum: string; source: string }, rows: ObservationInput[]) {
  return stageObservations(ctx.conn, { ...input, vintage: pkg.vintage, publisher: pkg.publisher, layout: pkg.layout, sourceId: pkg.sourceId }, rows);
}

/** What a DDF source did, for its report (refused rows are quarantined first). */
export interface DdfOutcome {
  /** Nothing staged: the report says failed. */
  failed: boolean;
  /** Some files could not be used: the report says partial. */
  partial: boolean;
  files: number;
  rowsRead: number;
  rowsLoaded: number;
  refused: QuarantineInput[];
  checksums: string[];
  messages: string[];
}

/** Quarantine the refused rows and report, with the package's vintage when anything was staged. */
export async function ddfReport(ctx: SourceContext, pkg: DdfPackage, o: DdfOutcome): Promise<SourceReport> {
  await ctx.quarantine(o.refused);
  const status = o.failed ? 'failed' : o.partial ? 'partial' : 'ok';
  const vintages = o.failed ? [] : [pkg.vintage];
  return sourceReport({ status, files: o.files, rowsRead: o.rowsRead, rowsLoaded: o.rowsLoaded, rowsQuarantined: o.refused.length, checksums: o.checksums, vintages, messages: o.messages });
}
