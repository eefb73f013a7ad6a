// Economies (countries and World Bank aggregates) and their World Bank region / income group,
// from the Metadata_Country_* files (newest vintage wins) and the API country list (iso2,
// aggregates); M49 completes them. These are the reference lists: a code found only in a data
// file (a line "Atlantis","XYZ") is not an economy, and its values are quarantined with the
// file and row when the observations are validated. Data files are not read here, so a
// damaged one cannot stop the country list from loading.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { insertRows } from '../../lib/warehouse';
import { sha256 } from '../../lib/checksum';
import { csvObjects } from './csv-text';
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

export function buildEconomies(
  metadata: MetadataFile[],
  api: { label: string; countries: ApiCountry[] } | null
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
  const { economies, groups } = buildEconomies(metadata, api);
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
