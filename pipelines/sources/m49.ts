// Source `m49`: UNSD M49 "Standard country or area codes for statistical use", from the two
// exports in <mirror>/un/m49/. The semicolon edition carries ISO-alpha2 and the newer LDC list
// (it no longer lists Vanuatu, Bhutan and Sao Tome and Principe, which left the LDC category in
// 2020, 2023 and 2024), so its LDC / LLDC / SIDS flags are used; the comma edition adds the
// "Developed / Developing Countries" column. Where the two editions disagree on a flag, the
// difference is kept as a data_quality_flag rather than silently resolved.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCsv, CsvError } from '../lib/csv';
import { sha256 } from '../lib/checksum';
import { needsMirror, sourceReport } from '../lib/report';
import type { QuarantineRow, Source, SourceContext } from '../lib/context';
import { InputError } from '../lib/context';
import { insertRows } from '../lib/warehouse';

export const M49_SEMICOLON = 'un/m49/UNSD-Methodology_semicolon_with-alpha2.csv';
export const M49_COMMA = 'un/m49/UNSD-Methodology_comma_with-developed-developing.csv';
const CITATION = 'UNSD, Standard country or area codes for statistical use (M49)';

export interface M49Country {
  file: string;
  line: number;
  name: string;
  iso3: string;
  iso2: string | null;
  m49: string;
  regionCode: string | null;
  regionName: string | null;
  subregionCode: string | null;
  subregionName: string | null;
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
  /** null when the file has no Developed / Developing column. */
  developed: boolean | null;
}

export interface M49File {
  file: string;
  checksum: string;
  rowsRead: number;
  countries: M49Country[];
  quarantined: QuarantineRow[];
}

/** M49 codes are three-digit strings ('004' for Afghanistan). */
const code3 = (s: string) => (s.trim() === '' ? null : s.trim().padStart(3, '0'));
const flag = (s: string | undefined) => (s ?? '').trim().toLowerCase() === 'x';

/** Parse one M49 export; rows without a valid ISO-alpha3 code are quarantined, not dropped. */
export async function readM49File(mirror: string, file: string, delimiter: string): Promise<M49File> {
  const bytes = await readFile(resolve(mirror, file));
  let table;
  try {
    table = parseCsv(bytes.toString('utf8'), { delimiter });
  } catch (e) {
    if (e instanceof CsvError) throw new InputError(file, e.line, e.reason);
    throw e;
  }
  for (const col of ['Country or Area', 'M49 Code', 'ISO-alpha3 Code', 'Region Code', 'Sub-region Code']) {
    if (!table.header.includes(col)) throw new InputError(file, table.headerLine, `missing column "${col}"`);
  }
  const hasDevelopment = table.header.includes('Developed / Developing Countries');
  const countries: M49Country[] = [];
  const quarantined: QuarantineRow[] = [];
  for (const { line, values, record: r } of table.rows) {
    const iso3 = r['ISO-alpha3 Code'].trim();
    const raw = values.join(delimiter);
    const refuse = (reason: string) => quarantined.push({ source: 'm49', file, row_number: line, reason, raw });
    if (iso3 === '') {
      refuse(`missing ISO-alpha3 code for "${r['Country or Area']}" (M49 ${r['M49 Code']})`);
      continue;
    }
    if (!/^[A-Z]{3}$/.test(iso3)) {
      refuse(`invalid ISO-alpha3 code "${iso3}" for "${r['Country or Area']}"`);
      continue;
    }
    const m49 = code3(r['M49 Code']);
    if (m49 === null || !/^\d{3}$/.test(m49)) {
      refuse(`invalid M49 code "${r['M49 Code']}" for ${iso3}`);
      continue;
    }
    const development = (r['Developed / Developing Countries'] ?? '').trim();
    countries.push({
      file,
      line,
      name: r['Country or Area'].trim(),
      iso3,
      iso2: (r['ISO-alpha2 Code'] ?? '').trim() || null,
      m49,
      regionCode: code3(r['Region Code']),
      regionName: r['Region Name']?.trim() || null,
      subregionCode: code3(r['Sub-region Code']),
      subregionName: r['Sub-region Name']?.trim() || null,
      ldc: flag(r['Least Developed Countries (LDC)']),
      lldc: flag(r['Land Locked Developing Countries (LLDC)']),
      sids: flag(r['Small Island Developing States (SIDS)']),
      developed: !hasDevelopment || development === '' ? null : development === 'Developed'
    });
  }
  return { file, checksum: sha256(bytes), rowsRead: table.rows.length, countries, quarantined };
}

export interface FlagDifference {
  iso3: string;
  flag: 'ldc' | 'lldc' | 'sids';
  primary: boolean;
  secondary: boolean;
}

/** Merge the editions by ISO3: the primary (semicolon) row wins, the other adds `developed`. */
export function mergeM49(primary: M49Country[], secondary: M49Country[]): { countries: M49Country[]; differences: FlagDifference[] } {
  const other = new Map(secondary.map((c) => [c.iso3, c]));
  const differences: FlagDifference[] = [];
  const countries = primary.map((c) => {
    const s = other.get(c.iso3);
    if (!s) return c;
    for (const f of ['ldc', 'lldc', 'sids'] as const) {
      if (c[f] !== s[f]) differences.push({ iso3: c.iso3, flag: f, primary: c[f], secondary: s[f] });
    }
    return { ...c, developed: c.developed ?? s.developed };
  });
  const inPrimary = new Set(primary.map((c) => c.iso3));
  for (const s of secondary) if (!inPrimary.has(s.iso3)) countries.push(s);
  return { countries, differences };
}

/** Group memberships (economy_group rows) for one country. */
export function groupRows(c: M49Country): Record<string, unknown>[] {
  const source = `${CITATION}: ${c.file}, line ${c.line}`;
  const rows: Record<string, unknown>[] = [];
  const add = (classification: string, group_code: string, group_name: string) =>
    rows.push({ classification, group_code, group_name, economy: c.iso3, source });
  if (c.regionCode) add('m49_region', c.regionCode, c.regionName ?? c.regionCode);
  if (c.subregionCode) add('m49_subregion', c.subregionCode, c.subregionName ?? c.subregionCode);
  if (c.ldc) add('ldc', 'LDC', 'Least developed countries');
  if (c.lldc) add('lldc', 'LLDC', 'Land-locked developing countries');
  if (c.sids) add('sids', 'SIDS', 'Small island developing States');
  if (c.developed === true) add('development', 'DEVELOPED', 'Developed countries');
  if (c.developed === false) add('development', 'DEVELOPING', 'Developing countries');
  return rows;
}

async function updateEconomies(ctx: SourceContext, countries: M49Country[]): Promise<{ updated: number; inserted: number }> {
  const existing = new Set(
    (await ctx.conn.runAndReadAll(`SELECT code FROM economy`)).getRowObjectsJS().map((r) => String(r.code))
  );
  const update = await ctx.conn.prepare(
    `UPDATE economy SET iso2 = $1, m49 = $2, un_region = $3, un_subregion = $4, ldc = $5, lldc = $6, sids = $7, developed = $8, m49_name = $9 WHERE code = $10`
  );
  const missing: M49Country[] = [];
  try {
    for (const c of countries) {
      if (!existing.has(c.iso3)) {
        missing.push(c);
        continue;
      }
      update.clearBindings();
      const values = [c.iso2, c.m49, c.regionName, c.subregionName, c.ldc, c.lldc, c.sids, c.developed, c.name, c.iso3];
      values.forEach((v, i) => {
        if (v === null) update.bindNull(i + 1);
        else if (typeof v === 'boolean') update.bindBoolean(i + 1, v);
        else update.bindVarchar(i + 1, v);
      });
      await update.run();
    }
  } finally {
    update.destroySync();
  }
  await insertRows(
    ctx.conn,
    'economy',
    missing.map((c) => ({
      code: c.iso3, name: c.name, m49_name: c.name, is_aggregate: false, iso2: c.iso2, m49: c.m49, un_region: c.regionName,
      un_subregion: c.subregionName, ldc: c.ldc, lldc: c.lldc, sids: c.sids, developed: c.developed,
      source: `${CITATION}: ${c.file}, line ${c.line} (not listed by the World Bank source)`
    }))
  );
  return { updated: countries.length - missing.length, inserted: missing.length };
}

export const m49: Source = {
  // The economies only M49 lists, its groupings and flags, and the M49 columns it fills in on
  // the World Bank's countries (iso2 stays: the World Bank's country list gives it too). Its
  // country names are published too (m49_name): the harmoniser matches other sources' names
  // against them, so a build that reuses M49's rows matches exactly the names it served.
  snapshot: {
    rows: [
      { table: 'economy', where: `source LIKE '${CITATION}%'` },
      { table: 'economy_group', where: "classification IN ('m49_region', 'm49_subregion', 'ldc', 'lldc', 'sids', 'development')" },
      { table: 'data_quality_flag', where: "id LIKE 'm49-%'" }
    ],
    columns: [{ table: 'economy', key: 'code', columns: ['m49', 'm49_name', 'un_region', 'un_subregion', 'ldc', 'lldc', 'sids', 'developed'], where: 'NOT is_aggregate' }]
  },
  id: 'm49',
  description: 'UN M49 country codes, regions and LDC / LLDC / SIDS / developed groupings (UNSD)',
  required: false,
  origin: {
    publisher: 'UN Statistics Division',
    url: 'https://unstats.un.org/unsd/methodology/m49/',
    licence: 'UN terms of use',
    inputs: [M49_SEMICOLON, M49_COMMA]
  },
  run: needsMirror('M49 needs the mirror (un/m49/): UNSD offers no API used here', async (ctx, mirror) => {
    const semi = await readM49File(mirror, M49_SEMICOLON, ';');
    const comma = await readM49File(mirror, M49_COMMA, ',');
    const quarantined = [...semi.quarantined, ...comma.quarantined];
    if (quarantined.length) await ctx.quarantine(quarantined);

    const { countries, differences } = mergeM49(semi.countries, comma.countries);
    const { updated, inserted } = await updateEconomies(ctx, countries);
    const groups = countries.flatMap(groupRows);
    await insertRows(ctx.conn, 'economy_group', groups);
    await insertRows(
      ctx.conn,
      'data_quality_flag',
      differences.map((d) => ({
        id: `m49-${d.flag}-${d.iso3}`, subject_table: 'economy', subject_id: d.iso3, action_line: null, severity: 'info',
        message: `UNSD M49 editions disagree on ${d.flag.toUpperCase()} status of ${d.iso3}: ${M49_SEMICOLON} says ${d.primary ? 'yes' : 'no'} (used), ${M49_COMMA} says ${d.secondary ? 'yes' : 'no'}`,
        source: CITATION
      }))
    );
    const rowsRead = semi.rowsRead + comma.rowsRead;
    const message = [
      `${countries.length} countries (${updated} updated, ${inserted} added that the World Bank source does not list), ${groups.length} group memberships`,
      differences.length ? `editions disagree on ${differences.map((d) => `${d.flag.toUpperCase()} ${d.iso3}`).join(', ')} (semicolon edition used)` : '',
      quarantined.length ? `${quarantined.length} row(s) without a valid ISO3 code quarantined` : ''
    ].filter(Boolean).join('; ');
    ctx.log(`m49: ${message}`);
    return sourceReport({ files: 2, rowsRead, rowsQuarantined: quarantined.length, checksums: [semi.checksum, comma.checksum], messages: [message] });
  })
};
