// Charts of the Stakeholders page, defined once by id. The measures differ (badge counts at
// ITU in 2008, per-cent shares at the WSIS Forum 2020, stocktaking entry counts), so each is
// its own chart and states its measure. ?stakeholder_type= highlights one type.
import { chartColumns, type ChartView } from '$lib/plot/types';
import { stackedBarSpec } from '$lib/plot/stacked-bar';
import { plotOnce } from '../chart-store';
import { lowerFirst } from '$lib/plot/activity-counts';
import { entriesByTypeAndStatus, parseStakeholderType, participation, stakeholderTypes } from '../queries/stakeholders';
import { chartCsvHref, type ChartDefinition } from './registry';

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
  title: string;
  /** The rows of the measure, the stated total where the source gives one (stakeholder_type 'all'). */
  rows: () => Promise<ParticipationRow[]>;
  xLabel: string;
  valueSuffix?: string;
  value: { key: string; label: string };
  summary: (top: { label: string; count: number }, parts: ParticipationRow[], sum: number, stated: number | null) => string;
}

function participationChart(c: ParticipationChart): ChartDefinition {
  return async (params): Promise<ChartView | null> => {
    const sel = await selection(params);
    if (!sel) return null;
    const rows = await c.rows();
    const parts = rows.filter((r) => r.stakeholder_type !== 'all');
    if (parts.length === 0) return null;
    const stated = rows.find((r) => r.stakeholder_type === 'all')?.count ?? null;
    const sum = parts.reduce((s, r) => s + r.count, 0);
    const label = (r: ParticipationRow) => r.stakeholder_name ?? r.stakeholder_type;
    const svg = plotOnce('stacked-bar', stackedBarSpec, [
      parts.map((r) => ({ label: label(r), value: r.count })),
      { xLabel: c.xLabel, valueSuffix: c.valueSuffix, highlight: highlightIn(parts.map(label), sel.name) }
    ]);
    return {
      id: c.id,
      title: c.title,
      summary: c.summary({ label: label(parts[0]), count: parts[0].count }, parts, sum, stated),
      svg,
      columns: [
        { key: 'stakeholder_type', label: 'Stakeholder type id' },
        { key: 'stakeholder', label: 'Stakeholder type' },
        { key: c.value.key, label: c.value.label, kind: 'number', digits: 0 },
        { key: 'note', label: 'As written in the source' }
      ],
      rows: parts.map((r) => ({ stakeholder_type: r.stakeholder_type, stakeholder: label(r), [c.value.key]: r.count, note: r.note })),
      csvHref: chartCsvHref(c.id, { stakeholder_type: sel.id }),
      source: sources(parts)
    };
  };
}

const badges2008Chart = participationChart({
  id: BADGES_2008_CHART,
  title: '2008 cluster of WSIS meetings: badges received at ITU, by stakeholder type',
  rows: () => participation('2008-05-cluster', 'badged_by_type', 'ITU'),
  xLabel: 'Badges received at ITU (count of people)',
  value: { key: 'badges', label: 'Badges at ITU (count)' },
  summary: (top, parts, sum, base) => {
    const baseText = base != null ? ` of the ${base} stated` : '';
    const sumText = base != null && base !== sum ? `; the ${parts.length} types add up to ${sum}, not ${base}` : '';
    return `${top.label} held the most badges at ITU (${top.count}${baseText})${sumText}.`;
  }
});

// The 2020 shares carry no 'all' row, so the stated total stays null.
const shares2020Chart = participationChart({
  id: SHARES_2020_CHART,
  title: 'WSIS Forum 2020: share of participants by stakeholder type (per cent)',
  rows: () => participation('wsis-forum-2020', 'share_percent'),
  xLabel: 'Share of participants (per cent, as published)',
  valueSuffix: '%',
  value: { key: 'share_percent', label: 'Share (%)' },
  summary: (top, _parts, sum) =>
    `${top.label} made up the largest share of WSIS Forum 2020 participants (${top.count} %); the published shares add up to ${sum} %${sum === 100 ? '' : ', not 100 %'}.`
});

const entriesChart: ChartDefinition = async (params): Promise<ChartView | null> => {
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
  const unstated = notStated ? ` ${notStated} of ${total} do not state a type.` : '';
  const ordered = [...rows].sort(
    (a, b) => a.stakeholder_name.localeCompare(b.stakeholder_name) || STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)
  );
  const svg = plotOnce('stacked-bar', stackedBarSpec, [
    ordered.map((r) => ({ label: r.stakeholder_name, value: r.entries, stack: r.status })),
    { xLabel: 'Stocktaking entries (count)', stackOrder: STATUS_ORDER, highlight: highlightIn([...byType.keys()], sel.name) }
  ]);
  const selected = sel.name !== null ? ` ${sel.name}: ${byType.get(sel.name) ?? 0} of ${total}.` : '';
  return {
    id: ENTRIES_CHART,
    title: 'Stocktaking entries in this warehouse, by lead stakeholder type and status',
    summary: topCount
      ? `More of the ${total} stocktaking entries held here are led by ${lowerFirst(topName)} than by any other type (${topCount} of ${total}).${unstated}${selected}`
      : `None of the ${total} stocktaking entries held here states its stakeholder type.${selected}`,
    svg,
    columns: chartColumns(
      {
        stakeholder_type: 'Stakeholder type id',
        stakeholder: 'Stakeholder type',
        status: 'Status',
        entries: 'Entries'
      },
      { entries: 0 }
    ),
    rows: ordered.map((r) => ({ stakeholder_type: r.stakeholder_type, stakeholder: r.stakeholder_name, status: r.status, entries: r.entries })),
    csvHref: chartCsvHref(ENTRIES_CHART, { stakeholder_type: sel.id }),
    source: 'Stocktaking entries named in the WSIS meeting reports (table stocktaking_entry; each entry cites its seed document)'
  };
};

export const stakeholderCharts: Record<string, ChartDefinition> = {
  [BADGES_2008_CHART]: badges2008Chart,
  [SHARES_2020_CHART]: shares2020Chart,
  [ENTRIES_CHART]: entriesChart
};
