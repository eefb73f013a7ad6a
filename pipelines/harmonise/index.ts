// Country names and codes from any publisher to ISO3, in one place (as OWID's ETL does):
//
//   const h = await createHarmoniser(ctx.conn, { root: ctx.root });
//   h.toIso3('Georgia (Country) ', 'UN DESA')  // 'GEO'
//   h.toIso3('KOREA (REP. OF)')                // 'KOR'
//   h.toIso3('404') / h.toIso3('KE')           // 'KEN' (M49 numeric, ISO2)
//   h.toIso3('Atlantis')                       // null: quarantine it with file and row, never guess
//   h.report()                                 // { matched, unmatched: [{ name, context, count }] }
//
// What it knows, in the order it tries:
//   1. codes: an ISO3 or World Bank aggregate code in the economy table, an ISO2 code, an M49
//      numeric code (economy.m49, '4' = '004');
//   2. the reviewed mapping file data/reference/country_names.csv (name, context, iso3, source,
//      note): names that differ from every name below, each with where it was found; a row
//      with a context (publisher) applies to that publisher only;
//   3. names: the economy table's: the World Bank's (name) and UN M49's (m49_name).
// Everything comes from this build's tables, never from the input files: when M49's files are
// damaged and its served rows are reused (lib/snapshot.ts), the other sources still match the
// names and codes the served build knew, so a damaged M49 takes no rows from any other source.
// Names compare normalised: trimmed, case and diacritics folded, '&' read as 'and', other
// punctuation as spaces. A normalised name that two economies share matches neither (only a
// mapping row can settle it). Only countries are matched by name, never aggregates: a
// publisher's aggregate is declared with its own code (pipelines/observations/aggregates.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { parseCsv } from '../lib/csv';
import { projectRoot } from '../lib/paths';

export const COUNTRY_NAMES_FILE = 'data/reference/country_names.csv';

export interface HarmoniseReport {
  matched: number;
  unmatched: { name: string; context: string; count: number }[];
}

export interface Harmoniser {
  /** ISO3 (or aggregate code given as a code) for a name or code; null when nothing matches. */
  toIso3(nameOrCode: string, context?: string): string | null;
  /**
   * The first of several spellings of one economy that matches (a publisher's code, then its
   * name: M49 '412' then 'Kosovo'), counted once; unmatched, it is recorded as "code / name".
   */
  match(candidates: string[], context?: string): string | null;
  /** Names matched and unmatched so far (unmatched with how often each was asked). */
  report(): HarmoniseReport;
  /** One line for a run summary: "12 names matched, 1 unmatched: Atlantis". */
  summary(): string;
}

/** 'Côte d’Ivoire ' -> 'cote d ivoire'; 'Turks & Caicos Is.' -> 'turks and caicos is'. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface MappingRow {
  name: string;
  context: string;
  iso3: string;
}

/** The reviewed mapping file: name, context (publisher, or empty for any), iso3, source (where the name was found), note. */
export function readCountryNames(root: string = projectRoot): MappingRow[] {
  const path = join(root, COUNTRY_NAMES_FILE);
  const table = parseCsv(readFileSync(path, 'utf8'));
  for (const col of ['name', 'context', 'iso3', 'source']) {
    if (!table.header.includes(col)) throw new Error(`${COUNTRY_NAMES_FILE}: missing column "${col}"`);
  }
  return table.rows.map(({ line, record }) => {
    if (!/^[A-Z]{3}$/.test(record.iso3)) throw new Error(`${COUNTRY_NAMES_FILE}, row ${line}: iso3 "${record.iso3}" is not an ISO 3166-1 alpha-3 code`);
    if (!record.source?.trim()) throw new Error(`${COUNTRY_NAMES_FILE}, row ${line}: no source`);
    return { name: record.name, context: record.context.trim(), iso3: record.iso3 };
  });
}

export async function createHarmoniser(conn: DuckDBConnection, options: { root?: string } = {}): Promise<Harmoniser> {
  const economies = (await conn.runAndReadAll('SELECT code, name, iso2, m49, is_aggregate, m49_name FROM economy')).getRows();
  const codes = new Set(economies.map((r) => String(r[0])));
  const byIso2 = new Map(economies.filter((r) => r[2]).map((r) => [String(r[2]), String(r[0])]));
  const byM49 = new Map(economies.filter((r) => r[3]).map((r) => [String(r[3]), String(r[0])]));

  // Normalised name -> the codes it names (more than one = ambiguous).
  const byName = new Map<string, Set<string>>();
  const addName = (name: string, code: string) => {
    const key = normaliseName(name);
    if (!key) return;
    byName.set(key, (byName.get(key) ?? new Set()).add(code));
  };
  for (const [code, name, , , isAggregate, m49Name] of economies) {
    if (isAggregate === true) continue;
    if (name) addName(String(name), String(code));
    if (m49Name) addName(String(m49Name), String(code));
  }

  const mapping = new Map<string, string>(); // `${context}\u0000${normalised}` -> iso3
  // A row whose country is not in this run's economy table (online mode has no M49 rows for
  // territories) is skipped: its name stays unmatched and is reported.
  for (const row of readCountryNames(options.root)) {
    if (codes.has(row.iso3)) mapping.set(`${row.context}\u0000${normaliseName(row.name)}`, row.iso3);
  }

  let matched = 0;
  const unmatched = new Map<string, { name: string; context: string; count: number }>();

  const lookup = (raw: string, context: string): string | null => {
    const text = raw.trim();
    if (/^[A-Z]{3}$/.test(text) && codes.has(text)) return text;
    if (/^[A-Z]{2}$/.test(text) && byIso2.has(text)) return byIso2.get(text)!;
    if (/^\d{1,3}$/.test(text)) return byM49.get(text.padStart(3, '0')) ?? null;
    const key = normaliseName(text);
    const mapped = mapping.get(`${context}\u0000${key}`) ?? mapping.get(`\u0000${key}`);
    if (mapped) return mapped;
    const named = byName.get(key);
    return named?.size === 1 ? [...named][0] : null;
  };

  const record = (code: string | null, label: string, context: string) => {
    if (code) matched++;
    else {
      const k = `${context}\u0000${label}`;
      const u = unmatched.get(k) ?? { name: label, context, count: 0 };
      u.count++;
      unmatched.set(k, u);
    }
    return code;
  };

  return {
    toIso3(nameOrCode, context = '') {
      return record(lookup(nameOrCode, context), nameOrCode.trim(), context);
    },
    match(candidates, context = '') {
      const given = candidates.map((c) => c.trim()).filter((c) => c !== '');
      let code: string | null = null;
      for (const c of given) if ((code = lookup(c, context))) break;
      return record(code, given.join(' / '), context);
    },
    report: () => ({ matched, unmatched: [...unmatched.values()].sort((a, b) => a.name.localeCompare(b.name)) }),
    summary() {
      const u = [...unmatched.values()];
      return `${matched} names matched, ${u.length} unmatched${u.length ? `: ${u.map((x) => x.name).sort().join(', ')}` : ''}`;
    }
  };
}
