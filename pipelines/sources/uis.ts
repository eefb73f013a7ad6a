// Source `uis`: UNESCO UIS school infrastructure (UIS.Stat, via the open-numbers DDF copy in
// <mirror>/uis/school-infrastructure-ddf/), 2012-2018: a second, older vintage of SDG 4.a.1
// beside the UN SDG database copy (source `un-sdg`). Its files schbsp_<level>_w<what> are
// staged as batches of the same SDG codes (wintern -> SE_ACS_INTNT, wcomput -> SE_ACS_CMPTR,
// welec -> SE_ACS_ELECT) and the same disaggregation (level 1 -> education_level=primary,
// 2 -> lower_secondary, 3 -> upper_secondary, 2t3 -> secondary), with their own vintage: both
// are kept in observation_all, the newest serves, and the reconciliation step
// (sources/reconcile-4a1.ts) compares them. Locations: lower-case ISO3 (to the harmoniser) or
// numeric UIS region codes (declared as UIS_<code> aggregates with the entity file's names).
import type { Source, SourceContext, SourceReport, QuarantineInput } from '../lib/context';
import { declareAggregates, disaggregation, type ObservationInput } from '../observations';
import { readDdfDatapoints } from './ddf/read';
import { isUnreachable } from './inputs';
import { ddfOrigin, openDdfAreas, readDdfFile, ddfReport, stageDdfBatch, type DdfPackage } from './ddf/package';
import { OBSERVATIONS } from '../lib/snapshot';

const UIS_PACKAGE: DdfPackage = {
  sourceId: 'uis',
  layout: 'uis-ddf',
  dir: 'uis/school-infrastructure-ddf',
  raw: 'https://raw.githubusercontent.com/open-numbers/ddf--uis--stats/master/',
  service: 'UIS.Stat (open-numbers DDF copy)',
  publisher: 'UNESCO Institute for Statistics (UIS.Stat)',
  /**
   * datapackage.json "created" of open-numbers/ddf--uis--stats as stored at commit 3cd00ea
   * (2019-09-03); the mirror's copy is from commit 6fc5662, whose own date was not checked.
   * Either way older than the SDG database copy (2023-12-17), which therefore serves.
   */
  vintage: '2019-09-03'
};
export const UIS_DIR = UIS_PACKAGE.dir;

const WHAT: Record<string, string> = { wintern: 'SE_ACS_INTNT', wcomput: 'SE_ACS_CMPTR', welec: 'SE_ACS_ELECT' };
const LEVEL: Record<string, string> = { '1': 'primary', '2': 'lower_secondary', '3': 'upper_secondary', '2t3': 'secondary' };

/** The files of the mirror (welec has no 2t3 file). */
export const UIS_CONCEPTS = ['1', '2', '3', '2t3'].flatMap((l) => ['wintern', 'wcomput', 'welec'].map((w) => `schbsp_${l}_${w}`)).filter((c) => c !== 'schbsp_2t3_welec');
export const uisFile = (concept: string) => `${UIS_DIR}/ddf--datapoints--${concept}--by--location--time.csv`;
const LOCATION_FILE = `${UIS_DIR}/ddf--entities--location.csv`;

export const uis: Source = {
  snapshot: OBSERVATIONS,
  id: 'uis',
  description: 'UNESCO UIS school infrastructure 2012-2018 (Internet, computers, electricity by level): a second vintage of SDG 4.a.1',
  required: false,
  origin: ddfOrigin(UIS_PACKAGE, {
    url: 'http://data.uis.unesco.org/',
    licence: "UIS data, UIS's own terms (the DDF repository states none)",
    mirror: [`${UIS_DIR}/ddf--datapoints--schbsp_*--by--location--time.csv`, LOCATION_FILE]
  }),
  run: loadUis
};

export async function loadUis(ctx: SourceContext): Promise<SourceReport> {
  const opened = await openDdfAreas(ctx, UIS_PACKAGE, LOCATION_FILE, 'location', 'UIS series', {
    // Numeric locations are UIS regions (declared as UIS_<code>), the others lower-case ISO3.
    region: (loc) => (/^\d+$/.test(loc) ? `UIS_${loc}` : null),
    unnamedRegion: (loc) => `UIS region ${loc}`,
    countryNames: (loc, name) => [loc.toUpperCase(), name],
    context: 'UIS'
  });
  if (!('resolve' in opened)) return opened;
  const { entityFile: locText, entities: locations, names, resolve: economyOf, regions } = opened;

  let rowsRead = 0;
  const refused: QuarantineInput[] = [];
  const checksums = [locText.checksum];
  const pending: { code: string; file: string; checksum: string; rows: ObservationInput[] }[] = [];
  const problems: string[] = [];
  for (const concept of UIS_CONCEPTS) {
    const [, level, what] = concept.split('_');
    const path = uisFile(concept);
    let input;
    try {
      input = await readDdfFile(ctx, UIS_PACKAGE, path);
    } catch (err) {
      if (isUnreachable(err) || (err as Error).name === 'InputError') {
        problems.push((err as Error).message);
        continue;
      }
      throw err;
    }
    checksums.push(input.checksum);
    const { points } = readDdfDatapoints(input.text, input.file, concept, ['location', 'time']);
    rowsRead += points.length;
    const d = disaggregation({ education_level: LEVEL[level] });
    const rows: ObservationInput[] = [];
    for (const p of points) {
      const economy = economyOf(p.keys.location);
      if (!economy) {
        refused.push({ file: input.file, row_number: p.line, reason: `unmatched location: "${p.keys.location}" (${locations.get(p.keys.location)?.name ?? 'not in the entity file'})`, raw: `${p.keys.location},${p.keys.time},${p.value}` });
        continue;
      }
      rows.push({ economy, economyName: locations.get(p.keys.location)?.name ?? null, year: p.keys.time, value: p.value, disaggregation: d, rowNumber: p.line });
    }
    pending.push({ code: WHAT[what], file: input.file, checksum: input.checksum, rows });
  }
  await declareAggregates(ctx.conn, [...regions].map(([code, name]) => ({ code, name, source: `UIS region ${code.slice(4)} (${LOCATION_FILE})` })));
  let staged = 0;
  for (const b of pending) {
    await stageDdfBatch(
      ctx,
      UIS_PACKAGE,
      {
        indicator: b.code,
        file: b.file,
        checksum: b.checksum,
        source: `UNESCO UIS.Stat school infrastructure (open-numbers/ddf--uis--stats, package created ${UIS_PACKAGE.vintage}): a second vintage of SDG 4.a.1`
      },
      b.rows
    );
    staged += b.rows.length;
  }
  const outcome = { failed: pending.length === 0, partial: problems.length > 0, files: pending.length + 1, rowsRead, rowsLoaded: staged, refused, checksums };
  return ddfReport(ctx, UIS_PACKAGE, { ...outcome, messages: [...problems, `${pending.length} files staged as SE_ACS_INTNT / SE_ACS_CMPTR / SE_ACS_ELECT by level`, `${regions.size} UIS regions declared`, `locations: ${names.summary()}`] });
}
