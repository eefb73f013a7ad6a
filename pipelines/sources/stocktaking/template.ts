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
  const schema = JSON.parse(readFileSync(join(root, TEMPLATE_FILE), 'utf8')) as { fields: FieldSpec[] };
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

export function checkEntry(record: Record<string, unknown>, template: Template, refs: References): CheckedEntry | string {
  const values: Record<string, string> = {};
  for (const field of template.fields) {
    const text = fieldText(field.name, record[field.name]);
    values[field.name] = text;
    const c = field.constraints ?? {};
    if (text === '') {
      if (c.required) return `missing required field: ${field.name}`;
      continue;
    }
    if (c.enum && !c.enum.includes(text)) return `invalid ${field.name}: "${text}" (allowed: ${c.enum.join(', ')})`;
    if (c.pattern && !new RegExp(c.pattern).test(text)) return `invalid ${field.name}: "${text}" (does not match ${c.pattern})`;
    if (field.type === 'integer') {
      if (!/^-?\d+$/.test(text)) return `invalid ${field.name}: "${text}"`;
      const n = Number(text);
      if ((c.minimum != null && n < c.minimum) || (c.maximum != null && n > c.maximum))
        return `${field.name} out of range ${c.minimum}..${c.maximum}: ${n}`;
    }
  }
  const actionLines = values.action_lines.split(';');
  for (const al of actionLines) if (!refs.actionLines.has(al)) return `unknown action line: ${al}`;
  if (refs.countries && values.countries !== '') {
    for (const code of values.countries.split(';')) if (!refs.countries.has(code)) return `unknown country code: ${code}`;
  }
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
