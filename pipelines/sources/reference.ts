// Source `reference`: the reviewed reference facts in data/reference/*.csv (action lines and
// their facilitation history, WSIS targets, their indicators and the series that measure them,
// the MDG goals, targets and indicators used here, action-line links, stakeholder types). They are ours, so a bad row is a hard InputError naming file, row and reason: the
// run fails and the previous warehouse is kept. Nothing is inserted until every file passes.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { tableSpec } from '../schema';
import { parseCsv, CsvError } from '../lib/csv';
import { sha256 } from '../lib/checksum';
import { sourceReport } from '../lib/report';
import { InputError, type Source, type SourceContext, type SourceReport } from '../lib/context';
import { insertRows } from '../lib/warehouse';

type Row = Record<string, string | number | boolean | null>;

interface ReferenceFile {
  file: string; // relative to the project root
  table: string;
  key: string[];
  /** Columns that must not be empty. */
  required: string[];
}

export const REFERENCE_FILES: ReferenceFile[] = [
  { file: 'data/reference/action_lines.csv', table: 'action_line', key: ['id'], required: ['id', 'title', 'sort_order', 'source'] },
  { file: 'data/reference/wsis_targets.csv', table: 'wsis_target', key: ['target'], required: ['target', 'letter', 'text', 'short_title', 'source'] },
  { file: 'data/reference/target_indicators.csv', table: 'target_indicator', key: ['id'], required: ['id', 'target', 'name', 'unit', 'headline', 'verified', 'verification_note', 'source'] },
  {
    file: 'data/reference/target_indicator_series.csv',
    table: 'target_indicator_series',
    key: ['target_indicator', 'series_code'],
    required: ['target_indicator', 'series_code', 'relation', 'priority', 'note', 'source']
  },
  {
    file: 'data/reference/facilitation.csv',
    table: 'facilitation',
    key: ['id'],
    required: ['id', 'action_line', 'organisation', 'role', 'from_year', 'statement', 'verified', 'source']
  },
  { file: 'data/reference/mdg_goals.csv', table: 'mdg_goal', key: ['goal'], required: ['goal', 'title', 'source', 'verified', 'verification_note'] },
  { file: 'data/reference/mdg_targets.csv', table: 'mdg_target', key: ['id'], required: ['id', 'goal', 'text', 'source', 'verified', 'verification_note'] },
  { file: 'data/reference/mdg_indicators.csv', table: 'mdg_indicator', key: ['id'], required: ['id', 'target', 'name', 'wb_code', 'wb_match', 'goal_reasoning', 'source', 'verified', 'verification_note'] },
  { file: 'data/reference/action_line_links.csv', table: 'action_line_link', key: ['action_line', 'link_type', 'link_id'], required: ['action_line', 'link_type', 'link_id', 'rationale', 'source'] },
  { file: 'data/reference/stakeholder_types.csv', table: 'stakeholder_type', key: ['id'], required: ['id', 'name', 'source'] }
];

/** World Bank series codes: dot-separated upper-case parts, e.g. IT.NET.USER.ZS. */
export const WB_CODE = /^[A-Z]{2}(\.[A-Z0-9]+){1,4}$/;
/** Any publisher's series code: IT.NET.USER.ZS, IT_MOB_2GNTWK, ITU_HH6, EGOV_OSI, GDL_TV. It need not be in the
 *  indicator catalog: a link to a series no source loads yet is kept and shown as not loaded. */
export const SERIES_CODE = /^[A-Z][A-Z0-9]*([._][A-Z0-9]+)*$/;
const LINK_TYPES_IN_CSV = ['wsis_target', 'mdg', 'mdg_goal'];
const GOAL_RULES = ['absolute', 'parity', 'reduce', 'reduce_shortfall'];
const VERIFIED = ['yes', 'partly', 'no'];
const GOAL_BASES = ['target', 'project'];
const RELATIONS = ['direct', 'proxy'];
export const FACILITATION_ROLES = ['lead facilitator', 'facilitator', 'co-facilitator', 'partner', 'interim focal point', 'proposed'];

export interface LoadedFile {
  file: string;
  table: string;
  checksum: string;
  rows: { line: number; row: Row }[];
}

/** Read, type and check one reference file on its own (columns, required values, types, unique keys). */
export async function readReferenceFile(root: string, spec: ReferenceFile): Promise<LoadedFile> {
  const path = resolve(root, spec.file);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new InputError(spec.file, null, `cannot read file: ${(e as Error).message}`);
  }
  let table;
  try {
    table = parseCsv(bytes.toString('utf8'));
  } catch (e) {
    if (e instanceof CsvError) throw new InputError(spec.file, e.line, e.reason);
    throw e;
  }
  const columns = tableSpec(spec.table).columns;
  const names = columns.map((c) => c.name);
  const missing = names.filter((n) => !table.header.includes(n));
  if (missing.length) throw new InputError(spec.file, table.headerLine || 1, `missing column(s): ${missing.join(', ')}`);
  const extra = table.header.filter((h) => !names.includes(h));
  if (extra.length) throw new InputError(spec.file, table.headerLine, `unknown column(s): ${extra.join(', ')}`);

  const seen = new Map<string, number>();
  const rows = table.rows.map(({ line, values, record }) => {
    if (values.length !== table.header.length) {
      throw new InputError(spec.file, line, `expected ${table.header.length} fields, found ${values.length}`);
    }
    const row: Row = {};
    for (const col of columns) row[col.name] = typed(spec.file, line, col.name, col.type, record[col.name]);
    for (const name of spec.required) {
      if (row[name] === null) throw new InputError(spec.file, line, `required column ${name} is empty`);
    }
    const key = spec.key.map((k) => String(row[k])).join(' / ');
    const first = seen.get(key);
    if (first !== undefined) throw new InputError(spec.file, line, `duplicate ${spec.key.join(' + ')} "${key}" (first on row ${first})`);
    seen.set(key, line);
    return { line, row };
  });
  if (rows.length === 0) throw new InputError(spec.file, null, 'file has no rows');
  return { file: spec.file, table: spec.table, checksum: sha256(bytes), rows };
}

function typed(file: string, line: number, column: string, type: string, raw: string | undefined): string | number | boolean | null {
  const text = (raw ?? '').trim();
  if (text === '') return null;
  if (type === 'INTEGER') {
    if (!/^-?\d+$/.test(text)) throw new InputError(file, line, `${column} must be a whole number, found "${text}"`);
    return Number(text);
  }
  if (type === 'DOUBLE') {
    const n = Number(text);
    if (!Number.isFinite(n)) throw new InputError(file, line, `${column} must be a number, found "${text}"`);
    return n;
  }
  if (type === 'BOOLEAN') {
    if (text === 'true' || text === 'false') return text === 'true';
    throw new InputError(file, line, `${column} must be true or false, found "${text}"`);
  }
  return text;
}

/** Check the references between files (foreign keys) and value shapes. */
export function checkReferenceLinks(files: LoadedFile[]): void {
  const byTable = (t: string) => files.find((f) => f.table === t)!;
  const actionLines = new Set(byTable('action_line').rows.map((r) => r.row.id as string));
  const targets = new Set(byTable('wsis_target').rows.map((r) => r.row.target as number));
  const mdg = new Set(byTable('mdg_indicator').rows.map((r) => r.row.id as string));

  for (const { line, row } of byTable('action_line').rows) {
    if (!/^C([1-9]|1[01])(-e-[a-z]+)?$/.test(row.id as string)) fail('action_line', line, `id "${row.id}" is not C1..C11 or C7-e-<name>`);
    if (row.parent !== null && !actionLines.has(row.parent as string)) fail('action_line', line, `parent "${row.parent}" is not an action line`);
  }
  for (const { line, row } of byTable('wsis_target').rows) {
    const t = row.target as number;
    if (t < 1 || t > 10) fail('wsis_target', line, `target ${t} is outside 1-10`);
    if (row.letter !== 'abcdefghij'[t - 1]) fail('wsis_target', line, `letter "${row.letter}" does not match target ${t}`);
  }
  if (targets.size !== 10) fail('wsis_target', null, `expected the 10 WSIS targets, found ${targets.size}`);
  const indicators = new Set<string>();
  for (const { line, row } of byTable('target_indicator').rows) {
    indicators.add(row.id as string);
    if (!targets.has(row.target as number)) fail('target_indicator', line, `target ${row.target} is not a WSIS target (1-10)`);
    if (!String(row.id).startsWith(`${row.target}.`)) fail('target_indicator', line, `id "${row.id}" does not start with its target number ${row.target}`);
    if (row.goal_value !== null && row.goal_reasoning === null) fail('target_indicator', line, 'goal_value is set without goal_reasoning');
    if ((row.goal_value === null) !== (row.goal_basis === null)) fail('target_indicator', line, 'goal_value and goal_basis must be set together');
    if (row.goal_basis !== null && !GOAL_BASES.includes(row.goal_basis as string)) fail('target_indicator', line, `goal_basis "${row.goal_basis}" must be one of ${GOAL_BASES.join(', ')}`);
    oneOf('target_indicator', line, 'verified', row.verified, VERIFIED);
    if (row.verified !== 'no' && row.citation === null) fail('target_indicator', line, `verified is "${row.verified}" but no citation is quoted`);
  }
  for (const { line, row } of byTable('target_indicator_series').rows) {
    if (!indicators.has(row.target_indicator as string)) fail('target_indicator_series', line, `target indicator "${row.target_indicator}" does not exist`);
    if (!SERIES_CODE.test(String(row.series_code))) fail('target_indicator_series', line, `series_code "${row.series_code}" is not a publisher series code`);
    oneOf('target_indicator_series', line, 'relation', row.relation, RELATIONS);
    if ((row.priority as number) < 1) fail('target_indicator_series', line, `priority must be 1 or more, found ${row.priority}`);
  }
  checkFacilitation(byTable('facilitation'), byTable('action_line'), actionLines);
  // The MDG rows say how far they were checked in the words of target_indicator: yes, partly or no, the detail in verification_note.
  for (const table of ['mdg_goal', 'mdg_target', 'mdg_indicator']) for (const { line, row } of byTable(table).rows) oneOf(table, line, 'verified', row.verified, VERIFIED);
  const mdgGoals = new Set(byTable('mdg_goal').rows.map((r) => r.row.goal as number));
  for (const { line, row } of byTable('mdg_goal').rows) {
    if ((row.goal as number) < 1 || (row.goal as number) > 8) fail('mdg_goal', line, `goal ${row.goal} is outside 1-8`);
  }
  if (mdgGoals.size !== 8) fail('mdg_goal', null, `expected the 8 MDGs, found ${mdgGoals.size}`);
  const mdgTargets = new Map(byTable('mdg_target').rows.map((r) => [r.row.id as string, r.row]));
  for (const { line, row } of byTable('mdg_target').rows) {
    if (!/^[1-8]\.[A-F]$/.test(row.id as string)) fail('mdg_target', line, `id "${row.id}" is not like 4.A`);
    if (!mdgGoals.has(row.goal as number) || !String(row.id).startsWith(`${row.goal}.`)) fail('mdg_target', line, `id "${row.id}" does not belong to goal ${row.goal}`);
    if (row.base_year !== null && row.horizon !== null && (row.base_year as number) >= (row.horizon as number)) fail('mdg_target', line, `base_year ${row.base_year} is not before horizon ${row.horizon}`);
  }
  for (const { line, row } of byTable('mdg_indicator').rows) {
    checkWbCode('mdg_indicator', line, row.wb_code);
    const target = mdgTargets.get(row.target as string);
    if (!target) fail('mdg_indicator', line, `target "${row.target}" is not an MDG target`);
    if (!String(row.id).startsWith(`${target.goal}.`)) fail('mdg_indicator', line, `id "${row.id}" does not start with its goal number ${target.goal}`);
    if (row.wb_match !== 'same' && row.wb_match !== 'proxy') fail('mdg_indicator', line, `wb_match must be same or proxy, found "${row.wb_match}"`);
    checkGoalRule(line, row, target);
  }
  function checkGoalRule(line: number, row: Row, target: Row) {
    const rule = row.goal_rule as string | null;
    if (rule === null) {
      if (row.goal_value !== null || row.goal_fraction !== null) fail('mdg_indicator', line, 'goal_value or goal_fraction is set without a goal_rule');
      return;
    }
    if (!GOAL_RULES.includes(rule)) fail('mdg_indicator', line, `goal_rule must be one of ${GOAL_RULES.join(', ')} or empty, found "${rule}"`);
    if (target.horizon === null) fail('mdg_indicator', line, `goal_rule is set but target ${target.id} has no horizon`);
    if (rule === 'absolute') {
      if (row.goal_value === null || row.goal_fraction !== null) fail('mdg_indicator', line, 'an absolute goal needs goal_value and no goal_fraction');
      return;
    }
    if (rule === 'parity') {
      if (row.goal_value !== null || row.goal_fraction !== null) fail('mdg_indicator', line, 'a parity goal is the parity band: goal_value and goal_fraction must be empty');
      return;
    }
    if (row.goal_value !== null) fail('mdg_indicator', line, `a ${rule} goal is computed from the base year: goal_value must be empty`);
    if (target.base_year === null) fail('mdg_indicator', line, `a ${rule} goal needs a base year, and target ${target.id} has none`);
    const m = /^(\d+)\/(\d+)$/.exec(String(row.goal_fraction ?? ''));
    if (!m || !(Number(m[1]) > 0 && Number(m[1]) < Number(m[2]))) fail('mdg_indicator', line, `goal_fraction must be a fraction between 0 and 1 like 2/3, found "${row.goal_fraction}"`);
  }
  for (const { line, row } of byTable('action_line_link').rows) {
    if (!actionLines.has(row.action_line as string)) fail('action_line_link', line, `action line "${row.action_line}" does not exist`);
    if (!LINK_TYPES_IN_CSV.includes(row.link_type as string)) {
      fail('action_line_link', line, `link_type "${row.link_type}" must be one of ${LINK_TYPES_IN_CSV.join(', ')} (SDG links come from the WSIS-SDG matrix)`);
    }
    if (row.link_type === 'wsis_target' && !targets.has(Number(row.link_id))) fail('action_line_link', line, `WSIS target "${row.link_id}" does not exist`);
    if (row.link_type === 'mdg' && !mdg.has(row.link_id as string)) fail('action_line_link', line, `MDG indicator "${row.link_id}" does not exist`);
    if (row.link_type === 'mdg_goal' && !mdgGoals.has(Number(row.link_id))) fail('action_line_link', line, `MDG "${row.link_id}" is not a goal 1-8`);
  }

  function oneOf(table: string, line: number, column: string, value: unknown, allowed: string[]) {
    if (!allowed.includes(value as string)) fail(table, line, `${column} "${value}" must be one of ${allowed.join(', ')}`);
  }
  function checkWbCode(table: string, line: number, code: unknown) {
    if (code !== null && !WB_CODE.test(String(code))) fail(table, line, `wb_code "${code}" is not a World Bank series code`);
  }
  function fail(table: string, line: number | null, reason: string): never {
    throw new InputError(byTable(table).file, line, reason);
  }
}

/** Facilitation rows point at real action lines with a known role, a sane period, and every facilitator or
 *  co-facilitator that action_lines.csv names has a facilitation statement behind it (no list from memory). */
function checkFacilitation(facilitation: LoadedFile, actionLine: LoadedFile, actionLines: Set<string>): void {
  const fail = (file: LoadedFile, line: number, reason: string): never => {
    throw new InputError(file.file, line, reason);
  };
  const stated = new Set<string>();
  for (const { line, row } of facilitation.rows) {
    if (!actionLines.has(row.action_line as string)) fail(facilitation, line, `action line "${row.action_line}" does not exist`);
    if (!FACILITATION_ROLES.includes(row.role as string)) fail(facilitation, line, `role "${row.role}" must be one of ${FACILITATION_ROLES.join(', ')}`);
    if (!VERIFIED.includes(row.verified as string)) fail(facilitation, line, `verified "${row.verified}" must be one of ${VERIFIED.join(', ')}`);
    if (row.to_year !== null && (row.to_year as number) < (row.from_year as number)) fail(facilitation, line, `to_year ${row.to_year} is before from_year ${row.from_year}`);
    const role = row.role === 'lead facilitator' ? 'facilitator' : row.role;
    stated.add(`${row.action_line}|${role}|${row.organisation}`);
  }
  for (const { line, row } of actionLine.rows) {
    for (const [column, role] of [['facilitators', 'facilitator'], ['co_facilitators', 'co-facilitator']] as const) {
      for (const org of splitNames(row[column])) {
        if (!stated.has(`${row.id}|${role}|${org}`)) fail(actionLine, line, `${column} names "${org}" but facilitation.csv has no ${role} statement for ${row.id} and ${org}`);
      }
    }
  }
}

const splitNames = (v: unknown): string[] => (v === null ? [] : String(v).split(';').map((s) => s.trim()).filter(Boolean));

/** Read and check every reference file. Throws InputError on the first bad row. */
export async function readReference(root: string): Promise<LoadedFile[]> {
  const files = [];
  for (const spec of REFERENCE_FILES) files.push(await readReferenceFile(root, spec));
  checkReferenceLinks(files);
  return files;
}

/** Differences between our target texts and the mirror's copy of Geneva Plan of Action para 6. */
export async function compareTargetTexts(targets: LoadedFile, mirror: string): Promise<string[]> {
  const file = 'wsis/wsis_targets_geneva_plan_of_action_para6.csv';
  let text: string;
  try {
    text = await readFile(resolve(mirror, file), 'utf8');
  } catch {
    // Our own CSV is the reference; the mirror's copy is only a cross-check.
    return [`${file} not in the mirror: target texts not cross-checked`];
  }
  const theirs = parseCsv(text).rows;
  const ours = new Map(targets.rows.map((r) => [r.row.target as number, r.row.text as string]));
  const diffs: string[] = [];
  for (const { record } of theirs) {
    const n = Number(record.target);
    const text = ours.get(n);
    if (text === undefined) diffs.push(`target ${n} is in ${file} but not in ${targets.file}`);
    else if (text !== record.text) diffs.push(`target ${n} text differs from ${file}: ours "${text}", theirs "${record.text}"`);
  }
  return diffs;
}

export const reference: Source = {
  id: 'reference',
  description: 'Reference facts from data/reference (action lines and facilitation, WSIS targets, indicators and their series, MDG goals, targets and indicators, links, stakeholder types)',
  required: true,
  origin: {
    publisher: 'WSIS documents (Geneva Plan of Action, Tunis Agenda, Partnership on Measuring ICT for Development), cited per row',
    url: 'https://www.itu.int/net/wsis/',
    licence: 'UN document texts, quoted with citation',
    inputs: ['data/reference/*.csv']
  },
  async run(ctx: SourceContext): Promise<SourceReport> {
    const files = await readReference(ctx.root);
    const messages: string[] = [];
    if (ctx.mirror) {
      const diffs = await compareTargetTexts(files.find((f) => f.table === 'wsis_target')!, ctx.mirror);
      for (const d of diffs) ctx.log(`reference: ${d}`);
      messages.push(...diffs);
    }
    let loaded = 0;
    for (const f of files) {
      await insertRows(ctx.conn, f.table, f.rows.map((r) => r.row));
      loaded += f.rows.length;
      ctx.log(`reference: ${f.file}: ${f.rows.length} rows`);
    }
    return sourceReport({ files: files.length, rowsRead: loaded, checksums: files.map((f) => f.checksum), messages });
  }
};
