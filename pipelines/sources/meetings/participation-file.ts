// data/reference/participation.csv -> rows of table `participation`. Every count is kept as
// the source states it; a row naming an unknown event or stakeholder type is refused.
import { parseCsv } from '../../lib/csv';
import { missingColumns, type Checked } from './events-file';

export type ParticipationRow = {
  event: string;
  measure: string;
  stakeholder_type: string;
  venue: string;
  count: number;
  note: string | null;
  source: string;
};

export function participationKey(r: Pick<ParticipationRow, 'event' | 'measure' | 'stakeholder_type' | 'venue'>): string {
  return `${r.event} / ${r.measure} / ${r.stakeholder_type} / ${r.venue}`;
}

export function readParticipation(
  text: string,
  file: string,
  events: Set<string>,
  stakeholderTypes: Set<string> | null
): Checked<ParticipationRow> {
  const table = parseCsv(text);
  const missing = missingColumns(table, 'participation');
  if (missing.length > 0) throw new Error(`${file}: missing column(s) ${missing.join(', ')}`);
  const rows: ParticipationRow[] = [];
  const refused: Checked<ParticipationRow>['refused'] = [];
  const seen = new Map<string, number>();
  for (const { line, record: r, values } of table.rows) {
    const row: ParticipationRow = {
      event: r.event.trim(),
      measure: r.measure.trim(),
      stakeholder_type: r.stakeholder_type.trim(),
      venue: r.venue.trim(),
      count: Number(r.count.trim()),
      note: r.note.trim() === '' ? null : r.note.trim(),
      source: r.source.trim()
    };
    const key = participationKey(row);
    let reason: string | null = null;
    if (!row.event || !row.measure || !row.stakeholder_type || !row.venue || !row.source)
      reason = 'missing required field: event, measure, stakeholder_type, venue and source are required';
    else if (!events.has(row.event)) reason = `unknown event: ${row.event}`;
    else if (row.stakeholder_type !== 'all' && stakeholderTypes && !stakeholderTypes.has(row.stakeholder_type))
      reason = `unknown stakeholder type: ${row.stakeholder_type}`;
    else if (!/^\d+$/.test(r.count.trim())) reason = `invalid count: "${r.count}" (a whole number as stated)`;
    else if (seen.has(key)) reason = `duplicate key: ${key} (also at row ${seen.get(key)})`;
    if (reason) {
      refused.push({ source: 'meetings', file, row_number: line, reason, raw: values.join(',') });
      continue;
    }
    seen.set(key, line);
    rows.push(row);
  }
  return { rows, refused };
}
