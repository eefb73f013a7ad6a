// Data-quality flags computed from the participation figures themselves, so they stay right
// when the data changes: parts that do not add up to their stated total, a breakdown whose
// base differs from the figure it breaks down, shares that do not add up to 100 %.
// Source figures are never corrected; the flag states both numbers.
import type { ParticipationRow } from './participation-file';

export type FlagRow = {
  id: string;
  subject_table: string;
  subject_id: string;
  action_line: string | null;
  severity: 'info' | 'warning';
  message: string;
  source: string;
};

const isShare = (measure: string) => measure === 'share_percent' || measure.startsWith('share_percent_from:');
const sum = (rows: ParticipationRow[]) => rows.reduce((s, r) => s + r.count, 0);
const sources = (rows: ParticipationRow[]) => [...new Set(rows.map((r) => r.source))].join('; ');

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return groups;
}

function flag(id: string, subject: string, message: string, rows: ParticipationRow[]): FlagRow {
  return { id, subject_table: 'participation', subject_id: subject, action_line: null, severity: 'warning', message, source: sources(rows) };
}

/**
 * Groups (same event and measure, the other dimension fixed) whose parts along `dimension` do
 * not add up to the group's stated 'all' row.
 */
function partsOff(rows: ParticipationRow[], dimension: 'venue' | 'stakeholder_type') {
  const fixed = dimension === 'venue' ? 'stakeholder_type' : 'venue';
  const out: { total: ParticipationRow; parts: ParticipationRow[]; group: ParticipationRow[] }[] = [];
  for (const group of groupBy(rows.filter((r) => !isShare(r.measure)), (r) => `${r.event}|${r.measure}|${r[fixed]}`).values()) {
    const total = group.find((r) => r[dimension] === 'all');
    const parts = group.filter((r) => r[dimension] !== 'all');
    if (total && parts.length >= 2 && sum(parts) !== total.count) out.push({ total, parts, group });
  }
  return out;
}

/** Parts by venue (stakeholder type fixed) against the stated all-venue total. */
function venueSums(rows: ParticipationRow[]): FlagRow[] {
  return partsOff(rows, 'venue').map(({ total, parts, group }) => {
    const { event, measure, stakeholder_type: st } = total;
    const who = st === 'all' ? '' : ` (${st})`;
    const terms = parts.map((p) => `${p.venue} ${p.count}`).join(' + ');
    const message = `${event}, ${measure}${who}: the figures by venue add up to ${sum(parts)} (${terms}), not the stated total ${total.count}; both kept as published`;
    return flag(`participation:${event}:${measure}:${st}:by-venue`, `${event} ${measure}`, message, group);
  });
}

/** Parts by stakeholder type (venue fixed) against the stated all-types total. */
function typeSums(rows: ParticipationRow[]): FlagRow[] {
  return partsOff(rows, 'stakeholder_type').map(({ total, parts, group }) => {
    const { event, measure, venue } = total;
    const terms = parts.map((p) => `${p.stakeholder_type} ${p.count}`).join(' + ');
    const message = `${event}, ${measure} at ${venue}: the figures by stakeholder type add up to ${sum(parts)} (${terms}), not the stated ${total.count}; both kept as published`;
    return flag(`participation:${event}:${measure}:${venue}:by-type`, `${event} ${measure}`, message, group);
  });
}

/** A breakdown "X_by_type" whose stated base differs from the figure X it breaks down (same event and venue). */
function breakdownBases(rows: ParticipationRow[]): FlagRow[] {
  const out: FlagRow[] = [];
  for (const base of rows.filter((r) => r.measure.endsWith('_by_type') && r.stakeholder_type === 'all')) {
    const measure = base.measure.slice(0, -'_by_type'.length);
    const whole = rows.find((r) => r.event === base.event && r.measure === measure && r.venue === base.venue && r.stakeholder_type === 'all');
    if (!whole || whole.count === base.count) continue;
    out.push(
      flag(
        `participation:${base.event}:${base.measure}:${base.venue}:base`,
        `${base.event} ${base.measure}`,
        `${base.event}: the breakdown by stakeholder type is stated for ${base.count} (${base.measure} at ${base.venue}), but the same source gives ${whole.count} (${measure} at ${whole.venue}); both kept as published`,
        [base, whole]
      )
    );
  }
  return out;
}

/** Shares in percent (by stakeholder type, or by region) that do not add up to 100. */
function shareSums(rows: ParticipationRow[]): FlagRow[] {
  const out: FlagRow[] = [];
  const shares = rows.filter((r) => isShare(r.measure));
  for (const group of groupBy(shares, (r) => `${r.event}|${r.measure.split(':')[0]}|${r.venue}`).values()) {
    const total = Math.round(sum(group) * 1000) / 1000;
    if (total === 100) continue;
    const { event, venue } = group[0];
    const byRegion = group[0].measure.startsWith('share_percent_from:');
    const label = (r: ParticipationRow) => (byRegion ? r.measure.split(':')[1] : r.stakeholder_type);
    const terms = group.map((r) => `${label(r)} ${r.count}`).join(' + ');
    out.push(
      flag(
        `participation:${event}:${byRegion ? 'share_percent_from' : 'share_percent'}:${venue}:sum`,
        `${event} ${byRegion ? 'share_percent_from' : 'share_percent'}`,
        `${event}: the published shares by ${byRegion ? 'region' : 'stakeholder type'} add up to ${total} %, not 100 % (${terms}); kept as published`,
        group
      )
    );
  }
  return out;
}

export function participationFlags(rows: ParticipationRow[]): FlagRow[] {
  return [...venueSums(rows), ...typeSums(rows), ...breakdownBases(rows), ...shareSums(rows)];
}
