// The stocktaking template (data/stocktaking/schema.json, a Frictionless Table Schema) and the
// check of one entry against it: required fields, enums, patterns, the start-year range, and
// the ids the entry refers to (action lines, countries). Returns the entry ready to load, or
// the reason it is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TEMPLATE_FILE = 'data/stocktaking/schema.json';

interface FieldSpec {
  name: string;
  type: 'string' | 'integer';
  constraints?: { required?: boolean; enum?: string[]; pattern?: string; minimum?: number; maximum?: number };
  'x-wsis-action-lines'?: string[];
}

export interface Template {
  fields: FieldSpec[];
  /** Action-line ids listed in the template, used when no action lines are loaded. */
  actionLines: Set<string>;
}

/** Fields holding ';'-separated lists (arrays are accepted in JSON). */
export const LIST_FIELDS = new Set(['countries', 'action_lines', 'wsis_targets', 'mdg_links']);

export function readTemplate(root: string): Template {
  return templateFromSchema(JSON.parse(readFileSync(join(root, TEMPLATE_FILE), 'utf8')));
}

/** The template from the parsed schema.json (the upload page imports the JSON itself). */
export function templateFromSchema(schema: { fields: FieldSpec[] }): Template {
  const al = schema.fields.find((f) => f.name === 'action_lines')?.['x-wsis-action-lines'] ?? [];
  return { fields: schema.fields, actionLines: new Set(al) };
}

export type StocktakingEntry = {
  id: string;
  title: string;
  lead_organisation: string;
  stakeholder_type: string;
  stakeholder_type_rule: string | null;
  countries: string | null;
  wsis_targets: string | null;
  mdg_links: string | null;
  status: string;
  start_year: number | null;
  reported_year: number | null;
  source: string;
  conversion_note: string | null;
};

export interface CheckedEntry {
  entry: StocktakingEntry;
  actionLines: string[];
}

export interface References {
  actionLines: Set<string>;
  /** Country codes (economy table, countries only); null when none are loaded (not checked). */
  countries: Set<string> | null;
}

/** One value of a CSV cell or a JSON property as text: arrays joined with ';', lists tidied. */
export function fieldText(name: string, value: unknown): string {
  if (value == null) return '';
  const text = Array.isArray(value) ? value.map((v) => String(v)).join(';') : String(value);
  if (!LIST_FIELDS.has(name)) return text.trim();
  return text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join(';');
}

/** One problem of an entry, in the terms of a Frictionless validation report. */
export interface FieldProblem {
  /** missing-cell (required field empty), constraint-error (enum, pattern, range, unknown id), type-error. */
  type: 'missing-cell' | 'constraint-error' | 'type-error';
  field: string;
  message: string;
  /** The message as a key and its values, so a page can say it in the reader's language (finding-words.ts). */
  say?: Say;
}

/** A finding's message as data: the key of its sentence and the values it names. */
export interface Say {
  key: string;
  values: Record<string, string | number>;
}

/** Every problem of one entry (empty when it fits the template), and its values as text. */
export function entryProblems(record: Record<string, unknown>, template: Template, refs: References): { problems: FieldProblem[]; values: Record<string, string> } {
  const values: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  for (const field of template.fields) {
    const text = fieldText(field.name, record[field.name]);
    values[field.name] = text;
    const c = field.constraints ?? {};
    const problem = (type: FieldProblem['type'], message: string, key: string, values: Say['values']) =>
      problems.push({ type, field: field.name, message, say: { key, values: { field: field.name, ...values } } });
    if (text === '') {
      if (c.required) problem('missing-cell', `missing required field: ${field.name}`, 'missing_field', {});
      continue;
    }
    if (c.enum && !c.enum.includes(text)) {
      problem('constraint-error', `invalid ${field.name}: "${text}" (allowed: ${c.enum.join(', ')})`, 'invalid_enum', { value: text, allowed: c.enum.join(', ') });
      continue;
    }
    if (c.pattern && !new RegExp(c.pattern).test(text)) {
      problem('constraint-error', `invalid ${field.name}: "${text}" (does not match ${c.pattern})`, 'invalid_pattern', { value: text, pattern: c.pattern });
      continue;
    }
    if (field.type === 'integer') {
      if (!/^-?\d+$/.test(text)) {
        problem('type-error', `invalid ${field.name}: "${text}"`, 'invalid_integer', { value: text });
        continue;
      }
      const n = Number(text);
      if ((c.minimum != null && n < c.minimum) || (c.maximum != null && n > c.maximum))
        problem('constraint-error', `${field.name} out of range ${c.minimum}..${c.maximum}: ${n}`, 'out_of_range', { min: String(c.minimum), max: String(c.maximum), value: n });
    }
  }
  if (!problems.some((p) => p.field === 'action_lines') && values.action_lines !== '') {
    for (const al of values.action_lines.split(';'))
      if (!refs.actionLines.has(al))
        problems.push({ type: 'constraint-error', field: 'action_lines', message: `unknown action line: ${al}`, say: { key: 'unknown_action_line', values: { value: al } } });
  }
  if (refs.countries && values.countries !== '' && !problems.some((p) => p.field === 'countries')) {
    for (const code of values.countries.split(';'))
      if (!refs.countries.has(code))
        problems.push({ type: 'constraint-error', field: 'countries', message: `unknown country code: ${code}`, say: { key: 'unknown_country', values: { value: code } } });
  }
  return { problems, values };
}

/** The entry ready to load, or the reason (its first problem) it is refused. */
export function checkEntry(record: Record<string, unknown>, template: Template, refs: References): CheckedEntry | string {
  const { problems, values } = entryProblems(record, template, refs);
  if (problems.length > 0) return problems[0].message;
  const actionLines = values.action_lines.split(';');
  const orNull = (s: string) => (s === '' ? null : s);
  return {
    entry: {
      id: values.id,
      title: values.title,
      lead_organisation: values.lead_organisation,
      stakeholder_type: values.stakeholder_type,
      stakeholder_type_rule: orNull(values.stakeholder_type_rule),
      countries: orNull(values.countries),
      wsis_targets: orNull(values.wsis_targets),
      mdg_links: orNull(values.mdg_links),
      status: values.status,
      start_year: values.start_year === '' ? null : Number(values.start_year),
      reported_year: values.reported_year === '' ? null : Number(values.reported_year),
      source: values.source,
      conversion_note: orNull(values.conversion_note)
    },
    actionLines: [...new Set(actionLines)]
  };
}
