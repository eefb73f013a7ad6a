// The disaggregation of an observation, as one text column (part of every observation key;
// the encoding is the schema's, pipelines/schema.ts): '' is the total; otherwise `key=value`
// pairs joined by ';' with keys in alphabetical order, lower case, e.g. 'sex=female',
// 'location=urban', 'education_level=primary', 'age=15-24;sex=female'. One text key keeps the
// served pick, the exports and the API simple; the pairs keep it readable and filterable.
import { DISAGGREGATION_PATTERN } from '../schema';

export { DISAGGREGATION_PATTERN };
const RE = new RegExp(`^${DISAGGREGATION_PATTERN}$`);

export const TOTAL = '';

/** Encode dimension values: { sex: 'female', age: '15-24' } -> 'age=15-24;sex=female'; {} -> ''. */
export function disaggregation(parts: Record<string, string | null | undefined>): string {
  const text = Object.entries(parts)
    .filter((e): e is [string, string] => e[1] != null && e[1] !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v.toLowerCase().trim().replace(/\s+/g, '_')}`)
    .join(';');
  if (!isDisaggregation(text)) throw new Error(`invalid disaggregation: "${text}" (expected key=value pairs, ${DISAGGREGATION_PATTERN})`);
  return text;
}

export function isDisaggregation(text: string): boolean {
  return RE.test(text) && sortedKeys(text);
}

/** 'age=15-24;sex=female' -> { age: '15-24', sex: 'female' }; '' -> {}. */
export function parseDisaggregation(text: string): Record<string, string> {
  if (!isDisaggregation(text)) throw new Error(`invalid disaggregation: "${text}"`);
  return Object.fromEntries(text === '' ? [] : text.split(';').map((p) => p.split('=') as [string, string]));
}

function sortedKeys(text: string): boolean {
  const keys = text === '' ? [] : text.split(';').map((p) => p.split('=')[0]);
  return keys.every((k, i) => i === 0 || keys[i - 1] < k);
}
