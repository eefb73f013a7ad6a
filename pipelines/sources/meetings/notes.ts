// Observations on the seed reports that no sum can detect: places where a report contradicts
// itself or another report, or leaves a field blank. Each is a flag on an event ('warning' where two
// reports disagree, as for figures that do not add up; 'info' otherwise) and is loaded only while
// that event exists, so a removed event takes its note with it.
import type { FlagRow } from './flags';

interface EventNote {
  id: string;
  event: string;
  action_line: string | null;
  severity?: 'info' | 'warning';
  message: string;
  source: string;
}

const S000 = 'seeds/000_cc18b3ec5caf08f4.txt';
const S003 = 'seeds/003_f66fe5b5344d44fe.txt';

export const EVENT_NOTES: EventNote[] = [
  {
    id: 'event:2006-05-al-c7-e-government:briefing-on-c1',
    event: '2006-05-al-c7-e-government',
    action_line: 'C7-e-government',
    message:
      'The C7 e-government meeting row says participants briefed "on their respective actions and priorities in the implementation of C1" (C1, not C7 e-government; likely copied from the C1 row above it). Kept as written.',
    source: `${S003} section 2 (C7 e-government row)`
  },
  {
    id: 'event:2006-05-al-c7-e-government:blank-fields',
    event: '2006-05-al-c7-e-government',
    action_line: 'C7-e-government',
    message:
      'The C7 e-government meeting row leaves "Chaired by" blank and states no participant count and no decisions (the only 2006 action-line meeting without them); left empty, not guessed.',
    source: `${S003} section 2 (C7 e-government row)`
  },
  {
    id: 'event:2006-05-al-c5:no-date',
    event: '2006-05-al-c5',
    action_line: 'C5',
    message: 'The 2006 report gives no date or time for the C5 meeting (the other rows do, except C6); left empty.',
    source: `${S003} section 2 (C5 row)`
  },
  {
    id: 'event:2006-05-al-c6:no-date',
    event: '2006-05-al-c6',
    action_line: 'C6',
    message: 'The 2006 report gives no date or time for the C6 meeting (the other rows do, except C5); left empty.',
    source: `${S003} section 2 (C6 row)`
  },
  {
    id: 'event:2006-02-24-al-moderators-facilitators-consultation:terms-of-reference',
    event: '2006-02-24-al-moderators-facilitators-consultation',
    action_line: null,
    severity: 'warning',
    message:
      'The two reports disagree on what the 24 February 2006 meeting decided. The notes taken at the meeting say "a revised version of the draft terms of reference would be circulated" and a provisional list of focal points would be posted on-line; the later cluster report says that at this meeting "the terms of references for WSIS AL Moderators/Facilitators were approved and a provisional facilitator per AL was designated". Both are kept. The revised terms of reference themselves say they were "revised following the consultation meeting" and that "provisional focal points for each of the action lines have now been defined", to be confirmed at each action-line meeting.',
    source: `${S000} Conclusions; ${S003} section 1; Terms of Reference for Moderators/Facilitators of WSIS Action Lines (revised after 24 February 2006), https://docest.com/doc/398689/terms-of-reference-for-moderators-facilitators-of-wsis-action-lines`
  },
  {
    id: 'event:2006-02-24-al-moderators-facilitators-consultation:delegations',
    event: '2006-02-24-al-moderators-facilitators-consultation',
    action_line: null,
    message:
      'The only attendance figure for this meeting is "around 20 delegations" of Member States: a count of delegations, not of participants, so participants is left empty.',
    source: `${S000} introductory remarks`
  }
];

export function eventNoteFlags(events: Set<string>): FlagRow[] {
  return EVENT_NOTES.filter((n) => events.has(n.event)).map((n) => ({
    id: n.id,
    subject_table: 'event',
    subject_id: n.event,
    action_line: n.action_line,
    severity: n.severity ?? 'info',
    message: n.message,
    source: n.source
  }));
}
