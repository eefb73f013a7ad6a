// Stocktaking activities counted by stakeholder type and start year, and the sentence that
// summarises them (pure: used by the action-line chart definition and its tests).

import { getLocale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages.js';

export const NOT_STATED = 'not stated';
/** The stakeholder type of entries whose source states none (data/reference/stakeholder_types.csv). */
export const NOT_STATED_TYPE = 'not_stated';

export interface ActivityCount {
  stakeholder_type: string;
  stakeholder: string;
  start_year: string;
  entries: number;
}

/** Entries counted by stakeholder type and start year ("not stated" when the entry gives none). */
export function countActivities(
  entries: { stakeholder_type: string | null; stakeholder_name: string | null; start_year: number | null }[]
): ActivityCount[] {
  const counts = new Map<string, ActivityCount>();
  for (const e of entries) {
    const type = e.stakeholder_type ?? 'unknown';
    const year = e.start_year != null ? String(e.start_year) : NOT_STATED;
    // The name is part of the key: a type derived by a rule ("Governments (derived)") is its own bar, never merged with the stated one.
    const key = `${type}|${e.stakeholder_name ?? ''}|${year}`;
    const c = counts.get(key) ?? { stakeholder_type: type, stakeholder: e.stakeholder_name ?? type, start_year: year, entries: 0 };
    c.entries += 1;
    counts.set(key, c);
  }
  return [...counts.values()].sort(
    (a, b) => a.stakeholder.localeCompare(b.stakeholder) || (a.start_year === NOT_STATED ? 1 : b.start_year === NOT_STATED ? -1 : a.start_year.localeCompare(b.start_year))
  );
}

/** 'Civil society (NGOs)' -> 'civil society (NGOs)' (keeps acronyms). */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}


export function activitiesSummary(id: string, counts: ActivityCount[], typeName: string | null): string {
  const total = counts.reduce((s, c) => s + c.entries, 0);
  // An English sentence lower-cases a type's name inside it; other languages quote it as published.
  const english = getLocale() === 'en';
  const inSentence = (name: string) => (english ? lowerFirst(name) : name);
  const type = typeName ? inSentence(typeName) : null;
  if (total === 0) return type ? m.act_none_by_type({ type, id }) : m.act_none({ id });
  // The leader is named among stated or derived types: "not stated" is no type.
  const byType = new Map<string, number>();
  for (const c of counts) if (c.stakeholder_type !== NOT_STATED_TYPE) byType.set(c.stakeholder, (byType.get(c.stakeholder) ?? 0) + c.entries);
  const unstated = counts.filter((c) => c.stakeholder_type === NOT_STATED_TYPE).reduce((s, c) => s + c.entries, 0);
  const dated = counts.filter((c) => c.start_year !== NOT_STATED).reduce((s, c) => s + c.entries, 0);
  const datedText: string = (dated === 0 ? m.act_dated_none() : m.act_dated({ dated, total })) + (unstated && !typeName ? m.act_unstated({ count: unstated }) : '');
  if (type) return m.act_by_type({ count: total, type, id, dated: datedText });
  if (byType.size === 0) return m.act_no_type({ id, count: total, dated: datedText });
  const [topName, topCount] = [...byType].sort((a, b) => b[1] - a[1])[0];
  if (byType.size === 1 && unstated === 0) {
    return total === 1 ? m.act_one_all({ name: topName, id, dated: datedText }) : m.act_all({ name: topName, count: total, id, dated: datedText });
  }
  const leaders = [...byType].filter(([, v]) => v === topCount).map(([name]) => name);
  if (leaders.length > 1) {
    const named = leaders.map((n, i) => (i === 0 ? n : inSentence(n)));
    const names = `${named.slice(0, -1).join(', ')} ${m.cd_and()} ${named.at(-1)}`;
    return m.act_tie({ names, id, count: topCount, total, dated: datedText });
  }
  return m.act_most({ name: topName, id, count: topCount, total, dated: datedText });
}
