// The indicator catalog (data/indicators.csv) and old-code aliases
// (data/reference/indicator_aliases.csv): small reviewed files, validated row by row.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../../lib/context';
import { insertRows } from '../../lib/warehouse';
import { combineChecksums, sha256 } from '../../lib/checksum';
import { tableSpec, type RowOf } from '../../schema';
import { isDisaggregation } from '../../observations/disaggregation';
import { csvObjects } from './csv-text';

export const INDICATORS_FILE = 'data/indicators.csv';
export const ALIASES_FILE = 'data/reference/indicator_aliases.csv';

/** One catalog row as loaded into table indicator (the schema's row type). */
export type IndicatorRow = RowOf<'indicator'>;
/** One alias row as loaded into table indicator_alias. */
export type AliasRow = RowOf<'indicator_alias'>;

/** World Bank codes (IT.NET.USER.ZS); UN SDG series codes (IT_MOB_2GNTWK) and other publishers' (ITU_HH6, EGOV_EGDI). */
const CODE = /^([A-Z]{2}\.[A-Z0-9.]+|[A-Z][A-Z0-9]*_[A-Z0-9_]+)$/;
const ACTION_LINE = /^C([1-9]|1[01])(-e-[a-z]+)?$/;
/** ict: the WSIS series; population: weights and context; mdg: the Millennium Development Goal series beside them. */
export const TOPICS = ['ict', 'population', 'mdg'];

/**
 * The headline list a code ranks in: ITU's own codes lead ITU aggregate pages (ITU publishes no
 * World Bank codes), the others the country and World Bank aggregate pages.
 */
export const headlineList = (code: string): 'ITU' | 'World Bank' => (code.startsWith('ITU_') ? 'ITU' : 'World Bank');

function checkHeader(file: string, text: string, table: string) {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const expected = tableSpec(table).columns.map((c) => c.name).join(',');
  if (header !== expected) throw new InputError(file, 1, `header must be exactly "${expected}", found "${header}"`);
}

function required(file: string, line: number, row: Record<string, string>, col: string): string {
  const v = (row[col] ?? '').trim();
  if (v === '') throw new InputError(file, line, `${col} is empty`);
  return v;
}

export function parseIndicators(file: string, text: string): IndicatorRow[] {
  checkHeader(file, text, 'indicator');
  const seen = new Set<string>();
  const ranks = new Map<string, Map<string, string>>();
  return csvObjects(text).map(({ line, row }) => {
    const code = required(file, line, row, 'code');
    if (!CODE.test(code)) throw new InputError(file, line, `code "${code}" is neither a World Bank code (IT.NET.USER.ZS) nor a publisher code (IT_MOB_2GNTWK, EGOV_EGDI)`);
    if (seen.has(code)) throw new InputError(file, line, `duplicate code ${code}`);
    seen.add(code);
    const topic = required(file, line, row, 'topic');
    if (!TOPICS.includes(topic)) throw new InputError(file, line, `topic must be one of ${TOPICS.join(', ')}, found "${topic}"`);
    const targets = row.wsis_targets.trim();
    for (const t of targets ? targets.split(';') : []) {
      const n = Number(t);
      if (!Number.isInteger(n) || n < 1 || n > 10) throw new InputError(file, line, `wsis_targets: "${t}" is not a target number 1-10`);
    }
    const mdg = row.mdg_indicator.trim();
    if (mdg && !/^\d+\.\d+$/.test(mdg)) throw new InputError(file, line, `mdg_indicator "${mdg}" is not like 8.16`);
    const hib = row.higher_is_better.trim();
    if (hib !== '' && hib !== 'true' && hib !== 'false') throw new InputError(file, line, `higher_is_better must be true, false or empty, found "${hib}"`);
    const ub = row.upper_bound.trim();
    if (ub !== '' && !Number.isFinite(Number(ub))) throw new InputError(file, line, `upper_bound "${ub}" is not a number`);
    // Every indicator has a range, so an absurd value (1e308) is quarantined, never served.
    const pm = row.plausible_max.trim();
    if (pm !== '' && !(Number.isFinite(Number(pm)) && Number(pm) > 0)) throw new InputError(file, line, `plausible_max "${pm}" is not a positive number`);
    if (ub === '' && pm === '') throw new InputError(file, line, `${code} has no range: give upper_bound (from its unit) or plausible_max (with the evidence in range_basis)`);
    const sdg = (row.sdg_indicator ?? '').trim();
    if (sdg && !/^\d{1,2}\.[0-9a-z]{1,2}\.\d$/.test(sdg)) throw new InputError(file, line, `sdg_indicator "${sdg}" is not like 9.c.1`);
    const wsisIndicators = (row.wsis_indicators ?? '').split(';').map((x) => x.trim()).filter(Boolean);
    for (const w of wsisIndicators) if (!/^\d{1,2}\.\d{1,2}$/.test(w)) throw new InputError(file, line, `wsis_indicators: "${w}" is not a target indicator id like 10.3`);
    const lines = (row.action_lines ?? '').trim();
    for (const a of lines ? lines.split(';') : []) {
      if (!ACTION_LINE.test(a)) throw new InputError(file, line, `action_lines: "${a}" is not an action-line id (C1..C11, C7-e-government)`);
    }
    const measure = (row.measure ?? '').trim();
    if (measure !== '' && measure !== 'direct' && measure !== 'proxy') throw new InputError(file, line, `measure must be direct, proxy or empty, found "${measure}"`);
    const measureNote = (row.measure_note ?? '').trim();
    const headline = (row.headline_disaggregation ?? '').trim();
    if (!isDisaggregation(headline)) throw new InputError(file, line, `headline_disaggregation "${headline}" is not key=value pairs in key order (e.g. education_level=primary)`);
    if (measure === 'proxy' && !measureNote) throw new InputError(file, line, 'a proxy needs a measure_note saying what it stands for');
    const rank = (row.headline_order ?? '').trim();
    if (rank !== '' && !/^[1-9]\d{0,2}$/.test(rank)) throw new InputError(file, line, `headline_order "${rank}" is not a rank (1, 2, ...) or empty`);
    const list = headlineList(code);
    if (rank !== '' && ranks.get(list)?.has(rank)) throw new InputError(file, line, `headline_order ${rank} is taken twice in the ${list} list (${ranks.get(list)!.get(rank)} and ${code})`);
    if (rank !== '') ranks.set(list, (ranks.get(list) ?? new Map()).set(rank, code));
    return {
      code,
      name: required(file, line, row, 'name'),
      unit: required(file, line, row, 'unit'),
      topic,
      wsis_targets: targets || null,
      mdg_indicator: mdg || null,
      higher_is_better: hib === '' ? null : hib === 'true',
      upper_bound: ub === '' ? null : Number(ub),
      plausible_max: pm === '' ? null : Number(pm),
      range_basis: required(file, line, row, 'range_basis'),
      source_organisation: required(file, line, row, 'source_organisation'),
      source: required(file, line, row, 'source'),
      sdg_indicator: sdg || null,
      wsis_indicators: wsisIndicators.length ? wsisIndicators.join(';') : null,
      action_lines: lines || null,
      measure: measure || null,
      measure_note: measureNote || null,
      licence: (row.licence ?? '').trim() || null,
      headline_disaggregation: headline,
      headline_order: rank === '' ? null : Number(rank)
    };
  });
}

export function parseAliases(file: string, text: string, indicators: IndicatorRow[]): AliasRow[] {
  checkHeader(file, text, 'indicator_alias');
  const known = new Set(indicators.map((i) => i.code));
  return csvObjects(text).map(({ line, row }) => {
    const old_code = required(file, line, row, 'old_code');
    const code = required(file, line, row, 'code');
    if (!known.has(code)) throw new InputError(file, line, `alias target ${code} is not in ${INDICATORS_FILE}`);
    if (known.has(old_code)) throw new InputError(file, line, `old code ${old_code} is itself a current indicator`);
    return { old_code, code, note: required(file, line, row, 'note'), source: required(file, line, row, 'source') };
  });
}

export interface CatalogLoad {
  indicators: number;
  aliases: number;
  checksum: string;
}

/** Validate both files, then load tables indicator and indicator_alias. */
export async function loadCatalog(conn: DuckDBConnection, root: string): Promise<CatalogLoad> {
  const indicatorText = await readFile(join(root, INDICATORS_FILE), 'utf8');
  const aliasText = await readFile(join(root, ALIASES_FILE), 'utf8');
  const indicators = parseIndicators(INDICATORS_FILE, indicatorText);
  const aliases = parseAliases(ALIASES_FILE, aliasText, indicators);
  await insertRows(conn, 'indicator', indicators);
  await insertRows(conn, 'indicator_alias', aliases);
  return { indicators: indicators.length, aliases: aliases.length, checksum: combineChecksums([sha256(indicatorText), sha256(aliasText)])! };
}
