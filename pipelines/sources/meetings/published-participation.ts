// Published participation figures (WSIS 2003/2005, WSIS Forum 2015/2019/2020) -> event and
// participation rows, each citing the page address and the row id of the transcription.
// Shares by stakeholder type or region are kept as published, even when they do not add up
// to 100 (flags.ts reports that).
import type { QuarantineRow } from '../../lib/context';
import type { EventRow } from './events-file';
import type { ParticipationRow } from './participation-file';
import { PUBLISHED_FIGURES_FILE, citeFigure, parseLabelledList, type PublishedFigure } from './published-figures';

/** Published stakeholder labels -> stakeholder type ids (data/reference/stakeholder_types.csv). */
const STAKEHOLDER_LABELS: Record<string, { type: string; note?: string }> = {
  government: { type: 'government' },
  'private sector': { type: 'private_sector' },
  academia: { type: 'academia' },
  'international organizations': { type: 'international_organisation' },
  'civil society': { type: 'civil_society' },
  // Listed apart from "International Organizations" in the same sentence, so it cannot share
  // that type's row; kept as its own row under "other" with the published label in the note.
  'united nations': { type: 'other', note: 'published as "United Nations", listed apart from "International Organizations"' }
};

const PARTICIPATION_TOPICS = /^wsis_(summit|forum)_participation(_by_stakeholder|_by_region)?$/;

export interface PublishedParticipation {
  events: EventRow[];
  participation: ParticipationRow[];
  refused: QuarantineRow[];
  /** Figures of the file that are not participation figures (left to other sources). */
  ignored: number;
}

export function publishedParticipation(figures: PublishedFigure[]): PublishedParticipation {
  const events = new Map<string, EventRow>();
  const participation: ParticipationRow[] = [];
  const refused: QuarantineRow[] = [];
  let ignored = 0;
  const refuse = (f: PublishedFigure, reason: string) =>
    refused.push({ source: 'meetings', file: PUBLISHED_FIGURES_FILE, row_number: f.line, reason, raw: `${f.id},${f.topic},${f.value}` });

  for (const f of figures) {
    const m = PARTICIPATION_TOPICS.exec(f.topic);
    if (!m) {
      ignored++;
      continue;
    }
    if (f.reference_year == null || !Number.isInteger(f.reference_year)) {
      refuse(f, `invalid reference_year for a participation figure: "${f.reference_year ?? ''}"`);
      continue;
    }
    const event = eventFor(events, f, m[1] as 'summit' | 'forum');
    const base = { event: event.id, venue: 'all', source: citeFigure(f) };
    if (m[2]) {
      const parts = parseLabelledList(f.value);
      if (!parts) {
        refuse(f, `invalid value list: "${f.value}" (expected "label number; label number")`);
        continue;
      }
      for (const [label, value] of parts) {
        if (m[2] === '_by_region') {
          participation.push({ ...base, measure: `share_percent_from:${label}`, stakeholder_type: 'all', count: value, note: `${f.id}: ${value} % from ${label}, as published` });
          continue;
        }
        const mapped = STAKEHOLDER_LABELS[label.toLowerCase()];
        if (!mapped) {
          refuse(f, `unknown stakeholder label in ${f.id}: "${label}"`);
          continue;
        }
        const note = `${f.id}: "${label}" ${value} %, as published${mapped.note ? `; ${mapped.note}` : ''}`;
        participation.push({ ...base, measure: 'share_percent', stakeholder_type: mapped.type, count: value, note });
      }
      addText(event, f);
      continue;
    }
    const count = Number(f.value);
    if (!Number.isInteger(count)) {
      refuse(f, `invalid count: "${f.value}" (a whole number)`);
      continue;
    }
    const measure = f.unit === 'speakers' ? 'speakers' : 'participants';
    const note = `${f.id}: ${f.qualifier} ${f.value} ${f.unit}${f.note ? `; ${f.note}` : ''}`;
    participation.push({ ...base, measure, stakeholder_type: 'all', count, note });
    if (measure === 'participants') {
      event.participants = count;
      event.participants_approximate = f.qualifier !== 'exact';
    }
    addText(event, f);
  }
  return { events: [...events.values()], participation, refused, ignored };
}

function eventFor(events: Map<string, EventRow>, f: PublishedFigure, kind: 'summit' | 'forum'): EventRow {
  const id = `wsis-${kind}-${f.reference_year}`;
  let event = events.get(id);
  if (!event) {
    const named = kind === 'summit' ? /\bat (WSIS .+)$/.exec(f.figure)?.[1] : null;
    event = {
      id,
      title: kind === 'summit' ? `World Summit on the Information Society (${named ?? f.reference_year})` : `WSIS Forum ${f.reference_year}`,
      start_date: null,
      end_date: null,
      date_text: String(f.reference_year),
      venue: null,
      action_line: null,
      facilitator: null,
      co_facilitators: null,
      chair: null,
      participants: null,
      participants_approximate: null,
      participants_text: null,
      decisions: null,
      notes: null,
      source: ''
    };
    events.set(id, event);
  }
  return event;
}

/** Keep every verbatim sentence and citation on the event (several rows can describe one event). */
function addText(event: EventRow, f: PublishedFigure) {
  const quote = `${f.verbatim_quote} (${f.id})`;
  event.participants_text = event.participants_text ? `${event.participants_text} | ${quote}` : quote;
  const cite = citeFigure(f);
  event.source = event.source ? `${event.source}; ${cite}` : cite;
}
