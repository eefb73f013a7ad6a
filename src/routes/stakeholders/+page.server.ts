import { error } from '@sveltejs/kit';
import { chartDefinition } from '$lib/server/chart-data';
import { BADGES_2008_CHART, ENTRIES_CHART, SHARES_2020_CHART } from '$lib/server/chart-data/stakeholders';
import {
  entriesByTypeAndStatus,
  entriesOfType,
  parseStakeholderType,
  participation,
  participationTotals,
  stakeholderFlags,
  stakeholderTypes,
  stocktakingTotals
} from '$lib/server/queries/stakeholders';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ url }) => {
  const type = await parseStakeholderType(url.searchParams.get('stakeholder_type'));
  if (type !== null && typeof type === 'object') error(400, m.err_unknown_stakeholder({ value: type.invalid }));
  const chartParams = new URLSearchParams(type ? { stakeholder_type: type } : {});
  const draw = (id: string) => chartDefinition(id)!(chartParams);

  const [types, badges2008, badged2008, shares2020, entries, totals, published, flags, badgesChart, sharesChart, entriesChart, ofType] =
    await Promise.all([
      stakeholderTypes(),
      participation('2008-05-cluster', 'badged_by_type', 'ITU'),
      participation('2008-05-cluster', 'badged'),
      participation('wsis-forum-2020', 'share_percent'),
      entriesByTypeAndStatus(),
      participationTotals(),
      stocktakingTotals(),
      stakeholderFlags(),
      draw(BADGES_2008_CHART),
      draw(SHARES_2020_CHART),
      draw(ENTRIES_CHART),
      type ? entriesOfType(type) : Promise.resolve([])
    ]);

  // One row per stakeholder type across the three sources (null where a source gives no figure).
  const byType = types.map((t) => ({
    id: t.id,
    name: t.name,
    badges2008: badges2008.find((r) => r.stakeholder_type === t.id)?.count ?? null,
    share2020: shares2020.find((r) => r.stakeholder_type === t.id)?.count ?? null,
    entries: entries.filter((r) => r.stakeholder_type === t.id).reduce((s, r) => s + r.entries, 0),
    // of which derived by a rule from the organisation's name, not stated by the source
    derived: entries.filter((r) => r.stakeholder_type === t.id && r.stakeholder_name.endsWith(' (derived)')).reduce((s, r) => s + r.entries, 0)
  }));
  const announced = totals.find((r) => r.event === '2008-05-cluster' && r.measure === 'announced') ?? null;
  const flagsAbout = (prefix: string) => flags.filter((f) => f.subject_id.startsWith(prefix));

  return {
    types,
    stakeholderType: type,
    selected: types.find((t) => t.id === type) ?? null,
    byType,
    cluster2008: {
      announced,
      badged: badged2008,
      base: badges2008.find((r) => r.stakeholder_type === 'all') ?? null,
      parts: badges2008.filter((r) => r.stakeholder_type !== 'all'),
      flags: flagsAbout('2008-05-cluster')
    },
    forum2020: { parts: shares2020.filter((r) => r.stakeholder_type !== 'all'), flags: flagsAbout('wsis-forum-2020') },
    otherTotals: totals.filter((r) => r.event !== '2008-05-cluster'),
    published,
    publishedFlags: flags.filter((f) => f.subject_table === 'stocktaking_total'),
    charts: { badges: badgesChart, shares: sharesChart, entries: entriesChart },
    ofType
  };
};
