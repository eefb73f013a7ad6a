// Stocktaking warnings: the rules (named constants), how many entries each flags, and the
// warnings themselves, for all entries or one action line (with its sub-lines).
import { apiGet, json, page, preflight } from '$lib/server/api/responses';
import { code, optionalString, paging } from '$lib/server/api/params';
import { badRequest } from '$lib/server/api/errors';
import { requireActionLine } from '$lib/server/api/queries';
import { warningList, warningSummary } from '$lib/server/queries/stocktaking-warnings';
import { STALE_AFTER_YEARS, WARNING_RULES, WARNING_RULE_TEXT, type WarningRule } from '../../../../../../pipelines/sources/stocktaking/warnings';

const RULES = Object.values(WARNING_RULES) as string[];

export const GET = apiGet(async (params) => {
  const al = optionalString(params, 'action_line');
  const alCode = al === null ? null : code(al, 'action_line', { upper: false });
  const rule = optionalString(params, 'rule');
  if (rule !== null && !RULES.includes(rule)) throw badRequest(`Parameter rule: "${rule.slice(0, 64)}" is not a rule. Rules: ${RULES.join(', ')}.`);
  const p = paging(params);
  const actionLine = alCode === null ? null : await requireActionLine(alCode);
  const [summary, all] = await Promise.all([warningSummary(actionLine), warningList(actionLine, rule)]);
  const counts = new Map(summary.map((s) => [s.rule, s.entries]));
  const rules = RULES.map((r) => ({ rule: r, description: WARNING_RULE_TEXT[r as WarningRule], entries: counts.get(r) ?? 0 }));
  const rows = all.slice(p.offset, p.offset + p.limit);
  return json({ action_line: actionLine, as_of_year: summary[0]?.as_of_year ?? null, stale_after_years: STALE_AFTER_YEARS, rules, ...page(rows, all.length, p) });
});
export const OPTIONS = preflight;
