// Source `gdl`: Global Data Lab Area Database (household surveys: DHS, MICS and similar),
// from the open-numbers DDF copy in <mirror>/gdl/area-db/ (online: the same files from the
// open-numbers repository). Series: tv -> GDL_TV (national, and urban/rural as the
// disaggregation location=urban / location=rural), computer -> GDL_COMPUTER, internet ->
// GDL_INTERNET (national). Keys are GDL codes (`kent` Kenya total; `kentu` / `kentr` its urban
// and rural parts); the entity files give each national code its iso_code, which goes to the
// harmoniser; an urban/rural code goes through its national code. A code the entity files do
// not know, or whose ISO3 the harmoniser does not match, is quarantined with file and row.
import type { Source, SourceContext, SourceReport, QuarantineInput } from '../lib/context';
import { InputError } from '../lib/context';
import { createHarmoniser } from '../harmonise';
import { disaggregation, type ObservationInput } from '../observations';
import { readDdfDatapoints, readDdfEntities } from './ddf/read';
import { isUnreachable } from './inputs';
import { ddfOrigin, readDdfEntityFiles, readDdfFile, ddfReport, stageDdfBatch, type DdfPackage } from './ddf/package';
import { OBSERVATIONS } from '../lib/snapshot';

const GDL_PACKAGE: DdfPackage = {
  sourceId: 'gdl',
  layout: 'gdl-ddf',
  dir: 'gdl/area-db',
  raw: 'https://raw.githubusercontent.com/open-numbers/ddf--gdl--area_db/0c02e43ea60590b5c3a15835a7a57510f757fa85/',
  service: 'Global Data Lab (open-numbers DDF copy)',
  publisher: 'Global Data Lab (Area Database)',
  /** Undated: neither the DDF copy nor its README gives a release date of the Area Database. */
  vintage: null
};
export const GDL_DIR = GDL_PACKAGE.dir;
const NATIONAL = `${GDL_DIR}/ddf--entities--level--national.csv`;
const URB_RUR = `${GDL_DIR}/ddf--entities--level--urb_rur.csv`;

export const GDL_SERIES = [
  { code: 'GDL_TV', concept: 'tv', key: 'national' },
  { code: 'GDL_TV', concept: 'tv', key: 'urb_rur' },
  { code: 'GDL_COMPUTER', concept: 'computer', key: 'national' },
  { code: 'GDL_INTERNET', concept: 'internet', key: 'national' }
] as const;
export const gdlFile = (concept: string, key: string) => `${GDL_DIR}/ddf--datapoints--${concept}--by--${key}--year.csv`;

export const gdl: Source = {
  snapshot: OBSERVATIONS,
  id: 'gdl',
  description: 'Global Data Lab Area Database: households with a television (national, urban, rural), a computer, Internet access',
  required: false,
  origin: ddfOrigin(GDL_PACKAGE, {
    url: 'https://globaldatalab.org/areadata/',
    licence: 'Global Data Lab: free to use with citation',
    mirror: [`${GDL_DIR}/ddf--datapoints--{tv,computer,internet}--by--*--year.csv`, NATIONAL, URB_RUR]
  }),
  run: loadGdl
};

export async function loadGdl(ctx: SourceContext): Promise<SourceReport> {
  const opened = await readDdfEntityFiles(ctx, GDL_PACKAGE, [NATIONAL, URB_RUR], 'Global Data Lab series');
  if (!Array.isArray(opened)) return opened;
  const [national, urbRur] = opened;
  const nationals = readDdfEntities(national.text, national.file, 'national');
  const parts = readDdfEntities(urbRur.text, urbRur.file, 'urb_rur');
  const names = await createHarmoniser(ctx.conn, { root: ctx.root });
  const resolved = new Map<string, string | null>();
  const iso3Of = (nationalCode: string): string | null => {
    if (resolved.has(nationalCode)) return resolved.get(nationalCode)!;
    const e = nationals.get(nationalCode);
    const code = e ? names.match([e.iso_code ?? '', e.name ?? ''], 'GDL') : null;
    resolved.set(nationalCode, code);
    return code;
  };

  let rowsRead = 0;
  let staged = 0;
  const refused: QuarantineInput[] = [];
  const checksums = [national.checksum, urbRur.checksum];
  const problems: string[] = [];
  let files = 2;
  for (const s of GDL_SERIES) {
    const path = gdlFile(s.concept, s.key);
    let input;
    try {
      input = await readDdfFile(ctx, GDL_PACKAGE, path);
    } catch (err) {
      if (isUnreachable(err) || err instanceof InputError) {
        problems.push(err.message);
        continue;
      }
      throw err;
    }
    files++;
    checksums.push(input.checksum);
    const { points } = readDdfDatapoints(input.text, input.file, s.concept, [s.key, 'year']);
    rowsRead += points.length;
    const rows: ObservationInput[] = [];
    for (const p of points) {
      const area = p.keys[s.key];
      const raw = `${area},${p.keys.year},${p.value}`;
      let nationalCode = area;
      let location: string | null = null;
      if (s.key === 'urb_rur') {
        const part = parts.get(area);
        location = part ? { u: 'urban', r: 'rural' }[area.slice(-1)] ?? null : null;
        if (!part || !location) {
          refused.push({ file: input.file, row_number: p.line, reason: `unknown urban/rural area code "${area}" (not in ${URB_RUR}, or not ending in u or r)`, raw });
          continue;
        }
        nationalCode = part.national;
      }
      const economy = iso3Of(nationalCode);
      if (!economy) {
        const e = nationals.get(nationalCode);
        refused.push({ file: input.file, row_number: p.line, reason: e ? `unmatched country: GDL ${nationalCode} (iso_code "${e.iso_code}", "${e.name}")` : `unknown GDL code "${nationalCode}" (not in ${NATIONAL})`, raw });
        continue;
      }
      rows.push({ economy, economyName: nationals.get(nationalCode)?.name ?? null, year: p.keys.year, value: p.value, disaggregation: disaggregation({ location }), rowNumber: p.line });
    }
    await stageDdfBatch(
      ctx,
      GDL_PACKAGE,
      {
        indicator: s.code,
        file: input.file,
        checksum: input.checksum,
        source: `Global Data Lab, Area Database, "${s.concept}" by ${s.key === 'national' ? 'country' : 'urban and rural area'} (open-numbers/ddf--gdl--area_db @ 0c02e43e; release date not stated)`
      },
      rows
    );
    staged += rows.length;
  }
  const outcome = { failed: staged === 0, partial: problems.length > 0, files, rowsRead, rowsLoaded: staged, refused, checksums };
  return ddfReport(ctx, GDL_PACKAGE, { ...outcome, messages: [...problems, 'undated: the Area Database copy gives no release date', `countries: ${names.summary()}`] });
}
