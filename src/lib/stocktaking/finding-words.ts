// The stocktaking checker's findings in the reader's language. The checker (pipelines/, also a
// CLI) writes each message in English and, beside it, its key and values (`say`); a page says the
// key's sentence from messages, and falls back to the English message for a key it does not know.
import { m } from '$lib/paraglide/messages.js';
import type { Say } from '../../../pipelines/sources/stocktaking/template';

type Sentence = (values: Record<string, string | number>) => string;

const SENTENCES = {
  too_large: m.chk_f_too_large,
  empty: m.chk_f_empty,
  not_utf8: m.chk_f_not_utf8,
  unknown_format: m.chk_f_unknown_format,
  duplicate_id: m.chk_f_duplicate_id,
  mojibake: m.chk_f_mojibake,
  countries_form_only: m.chk_f_countries_form_only,
  no_entries: m.chk_f_no_entries,
  csv_unreadable: m.chk_f_csv_unreadable,
  duplicate_column: m.chk_f_duplicate_column,
  missing_column: m.chk_f_missing_column,
  unknown_columns: m.chk_f_unknown_columns,
  extra_column: m.chk_f_extra_column,
  json_unreadable: m.chk_f_json_unreadable,
  not_object: m.chk_f_not_object,
  missing_field: m.chk_f_missing_field,
  invalid_enum: m.chk_f_invalid_enum,
  invalid_pattern: m.chk_f_invalid_pattern,
  invalid_integer: m.chk_f_invalid_integer,
  out_of_range: m.chk_f_out_of_range,
  unknown_action_line: m.chk_f_unknown_action_line,
  unknown_country: m.chk_f_unknown_country
} as unknown as Record<string, Sentence>;

/** A finding's sentence in the request's language; its English message when its key is not known here. */
export function findingText(finding: { message: string; say?: Say }): string {
  const sentence = finding.say ? SENTENCES[finding.say.key] : undefined;
  return sentence ? sentence(finding.say!.values) : finding.message;
}
