import { error } from '@sveltejs/kit';
import { ACTIVITIES_CHART } from '$lib/server/chart-data/action-lines';
import { chartDefinition } from '$lib/server/chart-data';
import {
  actionLine,
  facilitationHistory,
  linkedIndicatorStatus,
  mdgLinks,
  meetings,
  qualityFlags,
  sdgLinks,
  stocktakingEntries,
  subLines,
  targetLinks,
  STATUS_HORIZON
} from '$lib/server/queries/action-lines';
import { actionLineMdgs } from '$lib/server/queries/mdgs';
import { parseStakeholderType, stakeholderTypes } from '$lib/server/queries/stakeholders';
import { actionLineSeries } from '$lib/server/queries/series-status';
import { completeness } from '$lib/server/queries/completeness';
import { warningList, warningSummary } from '$lib/server/queries/stocktaking-warnings';
import { found } from '$lib/server/page-params';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/i18n/locale';
import { perBuildRender } from '$lib/server/page-splice';
import ActionLineIndicators from '$lib/components/ActionLineIndicators.svelte';
import ActivityEntriesTable from '$lib/components/ActivityEntriesTable.svelte';

export const load: PageServerLoad = async ({ params, url }) => {
  const line = found(await actionLine(params.id), m.err_no_action_line({ id: params.id }));
  const type = await parseStakeholderType(url.searchParams.get('stakeholder_type'));
  if (type !== null && typeof type === 'object') error(400, m.err_unknown_stakeholder({ value: type.invalid }));

  const [parent, subs, targets, mdg, sdg, entries, held, flags, types, facilitation] = await Promise.all([
    line.parent ? actionLine(line.parent) : Promise.resolve(null),
    subLines(line.id),
    targetLinks(line.id),
    mdgLinks(line.id),
    sdgLinks(line.id),
    stocktakingEntries(line.id, type),
    meetings(line.id),
    qualityFlags(line.id),
    stakeholderTypes(),
    facilitationHistory(line.id)
  ]);
  const statuses = await linkedIndicatorStatus(targets.map((t) => t.target));
  const mdgGoals = await actionLineMdgs(line.id);
  // The line's indicators (a series status each, the largest part of the page) and its entries
  // table depend on the line (and the type chosen) only: rendered once per build and language.
  const locale = getLocale();
  const indicatorsHtml = await perBuildRender('action-line-indicators', `${locale}|${line.id}`, ActionLineIndicators, async () => ({
    lineId: line.id,
    series: await actionLineSeries(line.id, STATUS_HORIZON),
    horizon: STATUS_HORIZON
  }));
  const typeName = types.find((t) => t.id === type)?.name ?? null;
  const entriesHtml = entries.length
    ? await perBuildRender('action-line-entries', `${locale}|${line.id}|${type ?? ''}`, ActivityEntriesTable, () => ({ entries, lineId: line.id, typeName }))
    : '';
  const [reported, warningCounts, warnings] = await Promise.all([completeness(line.id), warningSummary(line.id), warningList(line.id)]);
  const chartParams = new URLSearchParams({ id: line.id });
  if (type) chartParams.set('stakeholder_type', type);
  const activitiesChart = await chartDefinition(ACTIVITIES_CHART)!(chartParams);

  return {
    line,
    facilitation,
    parent,
    subs,
    targets,
    mdg,
    mdgGoals,
    sdg,
    statuses,
    indicatorsHtml,
    horizon: STATUS_HORIZON,
    entryCount: entries.length,
    entriesHtml,
    activitiesChart,
    meetings: held,
    flags,
    types,
    stakeholderType: type,
    completeness: reported,
    warningCounts,
    warnings
  };
};
