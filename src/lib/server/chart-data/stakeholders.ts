// Charts of the Stakeholders page, defined once by id. The measures differ (badge counts at
// ITU in 2008, per-cent shares at the WSIS Forum 2020, stocktaking entry counts), so each is
// its own chart and states its measure. ?stakeholder_type= highlights one type.
import { getLocale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages.js';
import { chartColumns, type ChartView } from '$lib/plot/types';
import { stackedBarSpec } from '$lib/plot/stacked-bar';
import { plotOnce } from '../chart-store';
import { lowerFirst } from '$lib/plot/activity-counts';
import { entriesByTypeAndStatus, parseStakeholderType, participation, stakeholderTypes } from '../queries/stakeholders';
import { chartCsvHref, oncePerBuild, type ChartDefinition } from './registry';

export const BADGES_2008_CHART = 'stakeholders-badges-2008';
export const SHARES_2020_CHART = 'stakeholders-forum-2020-shares';
export const ENTRIES_CHART = 'stakeholders-stocktaking-entries';

const STATUS_ORDER = ['planned', 'ongoing', 'completed', 'unknown'];

function sources(rows: { source: string }[]): string {
  return [...new Set(rows.map((r) => r.source))].join('; ');
}

/** The selected type (validated) and its display name; undefined when the parameter is invalid. */
async function selection(params: URLSearchParams): Promise<{ id: string | null; name: string | null } | undefined> {
  const type = await parseStakeholderType(params.get('stakeholder_type'));
  if (type !== null && typeof type === 'object') return undefined;
  if (type === null) return { id: null, name: null };
  const name = (await stakeholderTypes()).find((t) => t.id === type)?.name ?? type;
  return { id: type, name };
}

function highlightIn(labels: string[], name: string | null): string | null {
  return name !== null && labels.includes(name) ? name : null;
}

type ParticipationRow = Awaited<ReturnType<typeof participation>>[number];

/** One participation measure drawn by stakeholder type: the two charts differ only in what was counted and how it reads. */
interface ParticipationChart {
  id: string;
  title: () => string;
  /** The rows of the measure, the stated total where the source gives one (stakeholder_type 'all'). */
  rows: () => Promise<ParticipationRow[]>;
  xLabel: () => string;
  valueSuffix?: string;
  value: { key: string; label: () => string };
  summary: (top: { label: string; count: number }, parts: ParticipationRow[], sum: number, stated: number | null) => string;
}

// Once per build, language and type like the other charts (registry.ts): its view, data table and
// fragments were made again at every render (a first visit to /stakeholders built both tables).
function participationChart(c: ParticipationChart): ChartDefinition {
  return oncePerBuild(c.id, async (params): Promise<ChartView | null> => {
    const sel = await selection(params);
    if (!sel) return null;
    const rows = await c.rows();
    const parts = rows.filter((r) => r.stakeholder_type !== 'all');
    if (parts.length === 0) return null;
    const stated = rows.find((r) => r.stakeholder_type === 'all')?.count ?? null;
    const sum = parts.reduce((s, r) => s + r.count, 0);
    const label = (r: ParticipationRow) => r.stakeholder_name ?? r.stakeholder_type;
    const svg = plotOnce('stacked-bar', stackedBarSpec, [parts.map((r) => ({ label: label(r), value: r.count })),
        { xLabel: c.xLabel(), valueSuffix: c.valueSuffix, highlight: highlightIn(parts.map(label), sel.name) }]);
    return {
      id: c.id,
      title: c.title(),
      summary: c.summary({ label: label(parts[0]), count: parts[0].count }, parts, sum, stated),
      svg,
      columns: [
        { key: 'stakeholder_type', label: m.cd_col_stakeholder_type_id() },
        { key: 'stakeholder', label: m.cd_col_stakeholder_type() },
        { key: c.value.key, label: c.value.label(), kind: 'number', digits: 0 },
        { key: 'note', label: m.cd_col_as_in_source() }
      ],
      rows: parts.map((r) => ({ stakeholder_type: r.stakeholder_type, stakeholder: label(r), [c.value.key]: r.count, note: r.note })),
      csvHref: chartCsvHref(c.id, { stakeholder_type: sel.id }),
      source: sources(parts)
    };
  });
}

const badges2008Chart = participationChart({
  id: BADGES_2008_CHART,
  title: m.sh_badges_title,
  rows: () => participation('2008-05-cluster', 'badged_by_type', 'ITU'),
  xLabel: m.sh_badges_axis,
  value: { key: 'badges', label: m.sh_badges_col },
  summary: (top, parts, sum, base) => {
    const most: string = base != null ? m.sh_badges_most_of({ name: top.label, count: top.count, stated: base }) : m.sh_badges_most({ name: top.label, count: top.count });
    return most + (base != null && base !== sum ? m.sh_badges_sum({ types: parts.length, sum, stated: base }) : '') + '.';
  }
});

// The 2020 shares carry no 'all' row, so the stated total stays null.
const shares2020Chart = participationChart({
  id: SHARES_2020_CHART,
  title: m.sh_shares_title,
  rows: () => participation('wsis-forum-2020', 'share_percent'),
  xLabel: m.sh_shares_axis,
  valueSuffix: '%',
  value: { key: 'share_percent', label: m.sh_shares_col },
  summary: (top, _parts, sum) =>
    sum === 100 ? m.sh_shares_summary_100({ name: top.label, count: top.count }) : m.sh_shares_summary({ name: top.label, count: top.count, sum })
});

const entriesChart: ChartDefinition = oncePerBuild('entriesChart', async (params): Promise<ChartView | null> => {
  const sel = await selection(params);
  if (!sel) return null;
  const rows = await entriesByTypeAndStatus();
  if (rows.length === 0) return null;
  const total = rows.reduce((s, r) => s + r.entries, 0);
  const byType = new Map<string, number>();
  for (const r of rows) byType.set(r.stakeholder_name, (byType.get(r.stakeholder_name) ?? 0) + r.entries);
  // The leader is named among stated or derived types: "not stated" is no type.
  const notStated = rows.filter((r) => r.stakeholder_type === 'not_stated').reduce((s, r) => s + r.entries, 0);
  const typed = new Map<string, number>();
  for (const r of rows) if (r.stakeholder_type !== 'not_stated') typed.set(r.stakeholder_name, (typed.get(r.stakeholder_name) ?? 0) + r.entries);
  const [topName, topCount] = [...typed].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const unstated = notStated ? m.sh_entries_unstated({ count: notStated, total }) : '';
  const ordered = [...rows].sort(
    (a, b) => a.stakeholder_name.localeCompare(b.stakeholder_name) || STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)
  );
  const svg = plotOnce('stacked-bar', stackedBarSpec, [ordered.map((r) => ({ label: r.stakeholder_name, value: r.entries, stack: r.status })),
      { xLabel: m.sh_entries_axis(), stackOrder: STATUS_ORDER, highlight: highlightIn([...byType.keys()], sel.name) }]);
  const selected = sel.name !== null ? m.sh_entries_selected({ name: sel.name, count: byType.get(sel.name) ?? 0, total }) : '';
  return {
    id: ENTRIES_CHART,
    title: m.sh_entries_title(),
    summary: topCount
      ? m.sh_entries_most({ total, name: getLocale() === 'en' ? lowerFirst(topName) : topName, count: topCount }) + unstated + selected
      : m.sh_entries_none({ total }) + selected,
    svg,
    columns: chartColumns(
      {
        stakeholder_type: m.cd_col_stakeholder_type_id(),
        stakeholder: m.cd_col_stakeholder_type(),
        status: m.cd_col_status(),
        entries: m.cd_col_entries()
      },
      { entries: 0 }
    ),
    rows: ordered.map((r) => ({ stakeholder_type: r.stakeholder_type, stakeholder: r.stakeholder_name, status: r.status, entries: r.entries })),
    csvHref: chartCsvHref(ENTRIES_CHART, { stakeholder_type: sel.id }),
    source: m.sh_entries_source()
  };
});

export const stakeholderCharts: Record<string, ChartDefinition> = {
  [BADGES_2008_CHART]: badges2008Chart,
  [SHARES_2020_CHART]: shares2020Chart,
  [ENTRIES_CHART]: entriesChart
};
