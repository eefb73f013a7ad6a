// Economies (countries and World Bank aggregates) and their World Bank region / income group,
// from the Metadata_Country_* files (newest vintage wins), the API country list (iso2,
// aggregates) and the data files themselves (every code they use must be known).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { unzipSync } from 'fflate';
import { insertRows } from '../../lib/warehouse';
import { sha256 } from '../../lib/checksum';
import { csvObjects, parseCsv } from './csv-text';
import { detectLayout } from './layout';
import { listMirrorDataFiles } from './files';
import { listMirrorMetadataFiles, type MetadataFile } from './metadata-files';

export const COUNTRY_LIST_FILE = 'worldbank/api/country_list_per_page_400.json';

interface ApiCountry {
  id: string;
  iso2Code: string;
  name: string;
  region: { id: string; value: string };
  incomeLevel: { id: string; value: string };
}

export interface EconomyRow {
  code: string;
  name: string;
  is_aggregate: boolean;
  iso2: string | null;
  wb_region: string | null;
  wb_income_group: string | null;
  source: string;
}

export interface GroupRow {
  classification: 'wb_region' | 'wb_income';
  group_code: string;
  group_name: string;
  economy: string;
  source: string;
}

/** The API list as an array of economies; throws if the shape is not the API's. */
export function apiCountries(label: string, json: unknown): ApiCountry[] {
  if (!Array.isArray(json) || !Array.isArray(json[1])) throw new Error(`${label}: not a World Bank API country list ([meta, [economies]])`);
  return (json[1] as ApiCountry[]).map((c, i) => {
    if (typeof c?.id !== 'string' || c.id.length !== 3) throw new Error(`${label}, economy ${i + 1}: no 3-letter id`);
    return c;
  });
}

/** Codes and names used in the data files (so none is refused as unknown). */
export async function dataFileEconomies(mirror: string): Promise<Map<string, { name: string; file: string }>> {
  const found = new Map<string, { name: string; file: string }>();
  const collect = (file: string, text: string) => {
    const det = detectLayout(file, text.slice(0, 65536));
    const records = parseCsv(text);
    const headerAt = det.layout === 'databank' ? 0 : det.headerLine - 1;
    const header = records.find((r) => r.line === headerAt + 1)?.fields.map((f) => f.trim()) ?? [];
    const codeAt = header.indexOf('Country Code');
    const nameAt = header.indexOf('Country Name');
    for (const r of records) {
      if (r.line <= headerAt + 1) continue;
      const code = (r.fields[codeAt] ?? '').trim();
      if (/^[A-Z0-9]{3}$/.test(code) && !found.has(code)) found.set(code, { name: (r.fields[nameAt] ?? code).trim(), file });
    }
  };
  for (const f of await listMirrorDataFiles(mirror)) {
    const bytes = await readFile(f.path);
    if (/\.zip$/i.test(f.path)) {
      const members = unzipSync(bytes, { filter: (m) => /\.csv$/i.test(m.name) && !/metadata/i.test(m.name) });
      for (const [name, m] of Object.entries(members)) collect(`${f.file}!${name}`, new TextDecoder().decode(m));
    } else collect(f.file, new TextDecoder().decode(bytes));
  }
  return found;
}

export function buildEconomies(
  metadata: MetadataFile[],
  api: { label: string; countries: ApiCountry[] } | null,
  dataCodes: Map<string, { name: string; file: string }>
): { economies: EconomyRow[]; groups: GroupRow[] } {
  const byCode = new Map<string, EconomyRow>();
  const groupSource = new Map<string, string>();
  // Newest vintage first (undated last), so the first file that has a code wins.
  const ordered = [...metadata].sort((a, b) => (b.vintage ?? '').localeCompare(a.vintage ?? '') || a.file.localeCompare(b.file));
  for (const m of ordered) {
    for (const { row } of csvObjects(m.text)) {
      const code = (row['Country Code'] ?? '').trim();
      if (!code || byCode.has(code)) continue;
      const region = (row.Region ?? '').trim();
      const income = (row.IncomeGroup ?? '').trim();
      byCode.set(code, {
        code,
        name: (row.TableName ?? code).trim(),
        is_aggregate: region === '',
        iso2: null,
        wb_region: region || null,
        wb_income_group: income || null,
        source: `World Bank country metadata ${m.file} (Last Updated ${m.vintage ?? 'not stated'})`
      });
      groupSource.set(code, m.file);
    }
  }
  const groupCodes = new Map<string, string>();
  for (const c of api?.countries ?? []) {
    if (c.region.value.trim() === 'Aggregates') groupCodes.set(c.name.trim(), c.id);
    const known = byCode.get(c.id);
    const aggregate = c.region.value.trim() === 'Aggregates';
    if (known) {
      if (!aggregate && !known.is_aggregate) {
        known.iso2 = c.iso2Code || null;
        known.source += `; iso2 from ${api!.label}`;
      }
      continue;
    }
    byCode.set(c.id, {
      code: c.id,
      name: c.name.trim(),
      is_aggregate: aggregate,
      iso2: aggregate ? null : c.iso2Code || null,
      wb_region: aggregate ? null : c.region.value.trim() || null,
      wb_income_group: aggregate || c.incomeLevel.value.trim() === 'Not classified' ? null : c.incomeLevel.value.trim() || null,
      source: `World Bank API country list ${api!.label}`
    });
    if (!aggregate) groupSource.set(c.id, api!.label);
  }
  for (const [code, d] of dataCodes) {
    if (byCode.has(code)) continue;
    byCode.set(code, {
      code,
      name: d.name,
      is_aggregate: false,
      iso2: null,
      wb_region: null,
      wb_income_group: null,
      source: `Name as in ${d.file}; in no World Bank country metadata file nor the API country list, so region, income group and aggregate status are unknown`
    });
  }
  const economies = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  const groups: GroupRow[] = [];
  const groupCode = (name: string) => groupCodes.get(name) ?? name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  for (const e of economies) {
    if (e.is_aggregate) continue;
    const source = `World Bank classification in ${groupSource.get(e.code) ?? 'unknown file'}; group code = World Bank aggregate code in ${api?.label ?? 'the API country list'}`;
    if (e.wb_region) groups.push({ classification: 'wb_region', group_code: groupCode(e.wb_region), group_name: e.wb_region, economy: e.code, source });
    if (e.wb_income_group)
      groups.push({ classification: 'wb_income', group_code: groupCode(e.wb_income_group), group_name: e.wb_income_group, economy: e.code, source });
  }
  return { economies, groups };
}

export interface CountriesLoad {
  economies: number;
  aggregates: number;
  groups: number;
  checksums: string[];
  files: number;
  vintages: string[];
}

/** Load economy and economy_group from the mirror (or from an API list fetched online). */
export async function loadCountries(
  conn: DuckDBConnection,
  mirror: string | null,
  onlineList?: { label: string; json: unknown; checksum: string }
): Promise<CountriesLoad> {
  const metadata = mirror ? await listMirrorMetadataFiles(mirror) : [];
  let api: { label: string; countries: ApiCountry[] } | null = null;
  const checksums = metadata.map((m) => m.checksum);
  if (mirror) {
    const text = await readFile(join(mirror, COUNTRY_LIST_FILE), 'utf8');
    api = { label: COUNTRY_LIST_FILE, countries: apiCountries(COUNTRY_LIST_FILE, JSON.parse(text)) };
    checksums.push(sha256(text));
  } else if (onlineList) {
    api = { label: onlineList.label, countries: apiCountries(onlineList.label, onlineList.json) };
    checksums.push(onlineList.checksum);
  }
  const dataCodes = mirror ? await dataFileEconomies(mirror) : new Map();
  const { economies, groups } = buildEconomies(metadata, api, dataCodes);
  await insertRows(conn, 'economy', economies as unknown as Record<string, unknown>[]);
  await insertRows(conn, 'economy_group', groups as unknown as Record<string, unknown>[]);
  return {
    economies: economies.length,
    aggregates: economies.filter((e) => e.is_aggregate).length,
    groups: groups.length,
    checksums,
    files: checksums.length,
    vintages: [...new Set(metadata.map((m) => m.vintage).filter((v): v is string => v != null))].sort()
  };
}
