// Source "meetings": the WSIS meetings and attendance figures transcribed from the seed
// reports (data/reference/events.csv, participation.csv), plus, in mirror mode, the published
// participation figures of WSIS 2003/2005 and the WSIS Forum; then data-quality flags computed
// from those figures and the notes on the seeds (see meetings/flags.ts, meetings/notes.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QuarantineRow, Source, SourceContext, SourceReport } from '../lib/context';
import { sha256 } from '../lib/checksum';
import { sourceReport } from '../lib/report';
import { insertRows } from '../lib/warehouse';
import { knownIds } from './meetings/known-ids';
import { readEvents, type EventRow } from './meetings/events-file';
import { readParticipation, type ParticipationRow } from './meetings/participation-file';
import { readPublishedFigures, PUBLISHED_FIGURES_FILE } from './meetings/published-figures';
import { publishedParticipation } from './meetings/published-participation';
import { participationFlags } from './meetings/flags';
import { eventNoteFlags } from './meetings/notes';

export const EVENTS_FILE = 'data/reference/events.csv';
export const PARTICIPATION_FILE = 'data/reference/participation.csv';

export async function loadMeetings(ctx: SourceContext): Promise<SourceReport> {
  const checksums: string[] = [];
  const messages: string[] = [];
  const refused: QuarantineRow[] = [];
  let status: SourceReport['status'] = 'ok';
  let rowsRead = 0;

  const readRepoFile = (rel: string) => {
    const bytes = readFileSync(join(ctx.root, rel));
    checksums.push(sha256(bytes));
    return bytes.toString('utf8');
  };

  const actionLines = await knownIds(ctx.conn, 'action_line');
  const stakeholderTypes = await knownIds(ctx.conn, 'stakeholder_type');
  if (!actionLines) messages.push('action_line table empty: action-line ids of events not checked');
  if (!stakeholderTypes) messages.push('stakeholder_type table empty: stakeholder types of participation not checked');

  const seedEvents = readEvents(readRepoFile(EVENTS_FILE), EVENTS_FILE, actionLines);
  rowsRead += seedEvents.rows.length + seedEvents.refused.length;
  refused.push(...seedEvents.refused);
  const events: EventRow[] = [...seedEvents.rows];
  const participation: ParticipationRow[] = [];

  if (ctx.mirror) {
    const file = readPublishedFigures(ctx.mirror);
    if (!file) {
      status = 'partial';
      messages.push(`mirror has no ${PUBLISHED_FIGURES_FILE}: published WSIS/WSIS Forum participation not loaded`);
    } else {
      checksums.push(sha256(file.bytes));
      const published = publishedParticipation(file.figures);
      rowsRead += file.figures.length - published.ignored;
      refused.push(...published.refused);
      const taken = new Set(events.map((e) => e.id));
      for (const e of published.events) {
        if (taken.has(e.id)) messages.push(`published event ${e.id} has the id of a seed event; kept the seed event`);
        else events.push(e);
      }
      participation.push(...published.participation.filter((p) => !taken.has(p.event)));
    }
  } else {
    messages.push(`online mode: published participation figures (${PUBLISHED_FIGURES_FILE}) are read from the mirror only; skipped`);
  }

  const eventIds = new Set(events.map((e) => e.id));
  const seedParticipation = readParticipation(readRepoFile(PARTICIPATION_FILE), PARTICIPATION_FILE, eventIds, stakeholderTypes);
  rowsRead += seedParticipation.rows.length + seedParticipation.refused.length;
  refused.push(...seedParticipation.refused);
  participation.unshift(...seedParticipation.rows);

  const flags = [...participationFlags(participation), ...eventNoteFlags(eventIds)];
  await insertRows(ctx.conn, 'event', events);
  await insertRows(ctx.conn, 'participation', participation);
  await insertRows(ctx.conn, 'data_quality_flag', flags);
  if (refused.length > 0) await ctx.quarantine(refused);
  ctx.log(`${events.length} events, ${participation.length} participation figures, ${flags.length} data-quality flags`);

  if (refused.length > 0) messages.push(`${refused.length} row(s) quarantined`);
  return sourceReport({ status, files: checksums.length, rowsRead, rowsLoaded: events.length + participation.length, rowsQuarantined: refused.length, checksums, messages });
}

export const meetings: Source = {
  // It alone writes events and participation; its flags are ids event:... and participation:....
  snapshot: {
    rows: [
      { table: 'event', where: 'true' },
      { table: 'participation', where: 'true' },
      { table: 'data_quality_flag', where: "id LIKE 'event:%' OR id LIKE 'participation:%'" }
    ]
  },
  id: 'meetings',
  description: 'WSIS meetings, participation and data-quality flags from the seed reports (and published figures in mirror mode)',
  required: true,
  origin: {
    publisher: 'ITU (WSIS meeting reports), cited per row',
    url: 'https://www.itu.int/net4/wsis/forum/',
    licence: 'figures quoted from published reports, with citation',
    inputs: ['data/reference/events.csv', 'data/reference/participation.csv', `mirror ${PUBLISHED_FIGURES_FILE}`]
  },
  run: loadMeetings
};
