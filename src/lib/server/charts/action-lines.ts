// Charts of the action-line pages, defined once by id (the page draws them, the CSV endpoint
// serves the same rows).
import type { ChartView } from '$lib/charts/types';
import { stackedBarSpec } from '$lib/charts/stacked-bar';
import { renderPlot } from '../plot-render';
import { actionLine, stocktakingEntries } from '../queries/action-lines';
import { parseStakeholderType } from '../queries/stakeholders';
import { chartCsvHref, defineChart } from './registry';

export const ACTIVITIES_CHART = 'action-line-activities';
export const NOT_STATED = 'not stated';

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
    const key = `${type}|${year}`;
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

function activities(n: number): string {
  return n === 1 ? '1 activity' : `${n} activities`;
}

export function activitiesSummary(id: string, counts: ActivityCount[], typeName: string | null): string {
  const total = counts.reduce((s, c) => s + c.entries, 0);
  const scope = typeName ? ` by ${lowerFirst(typeName)}` : '';
  if (total === 0) return `No stocktaking activity${scope} is registered against ${id}.`;
  const byType = new Map<string, number>();
  for (const c of counts) byType.set(c.stakeholder, (byType.get(c.stakeholder) ?? 0) + c.entries);
  const dated = counts.filter((c) => c.start_year !== NOT_STATED).reduce((s, c) => s + c.entries, 0);
  const datedText = dated === 0 ? 'none states a start year' : `${dated} of ${total} state${dated === 1 ? 's' : ''} a start year`;
  if (typeName) return `${activities(total)}${scope} ${total === 1 ? 'is' : 'are'} registered against ${id}; ${datedText}.`;
  const [topName, topCount] = [...byType].sort((a, b) => b[1] - a[1])[0];
  const tie = [...byType.values()].filter((v) => v === topCount).length > 1;
  const lead = tie ? `${topName} are among the types with the most activities` : `${topName} registered the most activities`;
  return `${lead} against ${id} (${topCount} of ${total}); ${datedText}.`;
}

defineChart(ACTIVITIES_CHART, async (params): Promise<ChartView | null> => {
  const id = params.get('id') ?? '';
  const line = await actionLine(id);
  if (!line) return null;
  const type = await parseStakeholderType(params.get('stakeholder_type'));
  if (type !== null && typeof type === 'object') return null;
  const entries = await stocktakingEntries(id, type);
  const counts = countActivities(entries);
  const typeName = type ? (entries[0]?.stakeholder_name ?? type) : null;
  const years = [...new Set(counts.map((c) => c.start_year))].sort((a, b) => (a === NOT_STATED ? 1 : b === NOT_STATED ? -1 : a.localeCompare(b)));
  const svg =
    counts.length === 0
      ? ''
      : renderPlot(
          stackedBarSpec(
            counts.map((c) => ({ label: c.stakeholder, value: c.entries, stack: c.start_year })),
            { xLabel: 'Stocktaking activities (count of entries)', stackOrder: years }
          )
        );
  return {
    id: ACTIVITIES_CHART,
    title: `Stocktaking activities registered against ${id}, by stakeholder type and start year`,
    summary: activitiesSummary(id, counts, typeName),
    svg,
    columns: [
      { key: 'stakeholder_type', label: 'Stakeholder type id' },
      { key: 'stakeholder', label: 'Stakeholder type' },
      { key: 'start_year', label: 'Start year' },
      { key: 'entries', label: 'Activities', kind: 'number', digits: 0 }
    ],
    rows: counts.map((c) => ({ ...c })),
    csvHref: chartCsvHref(ACTIVITIES_CHART, { id, stakeholder_type: type }),
    source:
      'WSIS stocktaking entries registered against this action line (table stocktaking_entry via stocktaking_action_line); each entry cites its seed document'
  };
});
