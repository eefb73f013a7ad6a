// Charts of the action-line pages, defined once by id (the page draws them, the CSV endpoint
// serves the same rows).
import { chartColumns, type ChartView } from '$lib/plot/types';
import { stackedBarSpec } from '$lib/plot/stacked-bar';
import { activitiesSummary, countActivities, NOT_STATED } from '$lib/plot/activity-counts';
import { plotOnce } from '../chart-store';
import { actionLine, stocktakingEntries } from '../queries/action-lines';
import { parseStakeholderType, stakeholderTypes } from '../queries/stakeholders';
import { m } from '$lib/paraglide/messages.js';
import { chartCsvHref, oncePerBuild, type ChartDefinition } from './registry';

export const ACTIVITIES_CHART = 'action-line-activities';

const activitiesChart: ChartDefinition = oncePerBuild('activitiesChart', async (params): Promise<ChartView | null> => {
  const id = params.get('id') ?? '';
  const line = await actionLine(id);
  if (!line) return null;
  const type = await parseStakeholderType(params.get('stakeholder_type'));
  if (type !== null && typeof type === 'object') return null;
  const entries = await stocktakingEntries(id, type);
  const counts = countActivities(entries);
  // The type's own name (an entry's may carry "(derived)"; with no entries there is none).
  const typeName = type ? ((await stakeholderTypes()).find((t) => t.id === type)?.name ?? type) : null;
  const years = [...new Set(counts.map((c) => c.start_year))].sort((a, b) => (a === NOT_STATED ? 1 : b === NOT_STATED ? -1 : a.localeCompare(b)));
  // "not stated" is the counts' key; the chart and table say it in the reader's language.
  const yearWord = (y: string) => (y === NOT_STATED ? m.cd_year_not_stated() : y);
  const svg =
    counts.length === 0
      ? ''
      : plotOnce('stacked-bar', stackedBarSpec, [counts.map((c) => ({ label: c.stakeholder, value: c.entries, stack: yearWord(c.start_year) })),
            { xLabel: m.act_axis(), stackOrder: years.map(yearWord) }]);
  return {
    id: ACTIVITIES_CHART,
    title: m.act_title({ id }),
    summary: activitiesSummary(id, counts, typeName),
    svg,
    columns: chartColumns(
      {
        stakeholder_type: m.cd_col_stakeholder_type_id(),
        stakeholder: m.cd_col_stakeholder_type(),
        start_year: m.cd_col_start_year(),
        entries: m.cd_col_activities()
      },
      { entries: 0 }
    ),
    rows: counts.map((c) => ({ ...c, start_year: yearWord(c.start_year) })),
    csvHref: chartCsvHref(ACTIVITIES_CHART, { id, stakeholder_type: type }),
    source: m.act_source()
  };
});

export const actionLineCharts: Record<string, ChartDefinition> = { [ACTIVITIES_CHART]: activitiesChart };
