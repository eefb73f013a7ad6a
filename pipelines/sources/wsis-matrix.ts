// Source `wsis-matrix`: the WSIS-SDG matrix (ITU with the UN action-line facilitators), from
// <mirror>/wsis/wsis-sdg-matrix/actions.json and sdgs.json. Each action entry lists goals
// (goalId is 0-based: 0 = SDG 1) and, per goal, "subgoals" whose subId is one SDG target
// ("9.1"), a bare goal ("4"), or a comma list that may reach into other goals
// ("1.5, 2.4, 3.d"). Every id is checked against the target list in sdgs.json; entries and ids
// that cannot be mapped are quarantined with the reason, never dropped.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { sha256 } from '../lib/checksum';
import { needsMirror, sourceReport } from '../lib/report';
import { InputError, type QuarantineRow, type Source, type SourceContext } from '../lib/context';
import { insertRows } from '../lib/warehouse';

export const MATRIX_ACTIONS = 'wsis/wsis-sdg-matrix/actions.json';
export const MATRIX_SDGS = 'wsis/wsis-sdg-matrix/sdgs.json';
const CITATION = 'WSIS-SDG Matrix (ITU and UN WSIS action-line facilitators)';

interface MatrixAction {
  id: number;
  name: string;
  shortName?: string;
  goals: { goalId: number; subgoals: { subId: string; rationale?: string | null }[] }[];
}
interface MatrixSdg {
  id: number;
  name: string;
  desc: string;
}

export interface LinkRow {
  action_line: string;
  link_type: 'sdg_goal' | 'sdg_target';
  link_id: string;
  rationale: string | null;
  source: string;
}

const C7_SUBLINES = ['government', 'business', 'learning', 'health', 'employment', 'environment', 'agriculture', 'science'];

/** Our action-line id for a matrix entry name ("C2: ...", "C7 ICT Applications: IV. e-health"), or null. */
export function actionLineId(name: string, shortName = ''): string | null {
  const m = /^\s*C(\d{1,2})\b/.exec(name);
  if (!m) return null;
  const n = Number(m[1]);
  if (n < 1 || n > 11) return null;
  if (n !== 7) return `C${n}`;
  const text = `${name} ${shortName}`.toLowerCase();
  const found = C7_SUBLINES.filter((s) => new RegExp(`\\be-${s}\\b`).test(text));
  return found.length === 1 ? `C7-e-${found[0]}` : null;
}

/** Plain text from the matrix's HTML fragments: tags become spaces, entities decoded. */
export function htmlToText(html: string | null | undefined): string | null {
  if (!html) return null;
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|li|div)>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
      return entities[e.toLowerCase()] ?? all;
    })
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return text === '' ? null : text;
}

/** SDG target ids ("1.1" .. "17.19", "9.c") listed in sdgs.json descriptions. */
export function sdgTargetIds(sdgs: MatrixSdg[]): Set<string> {
  const ids = new Set<string>();
  for (const g of sdgs) {
    const text = g.desc.replace(/<[^>]+>/g, ' ');
    for (const m of text.matchAll(/(?<![\d.])(\d{1,2})\.(\d{1,2}|[a-z])(?![\w.])/g)) {
      if (Number(m[1]) === g.id + 1) ids.add(m[0]);
    }
  }
  return ids;
}

/** Turn the matrix into link rows; what cannot be mapped goes to `refused`. */
export function matrixLinks(actions: MatrixAction[], targets: Set<string>): { links: LinkRow[]; refused: QuarantineRow[]; read: number } {
  const links = new Map<string, LinkRow>();
  const refused: QuarantineRow[] = [];
  let read = 0;
  const refuse = (row: number, reason: string, raw: unknown) =>
    refused.push({ source: 'wsis-matrix', file: MATRIX_ACTIONS, row_number: row, reason, raw: JSON.stringify(raw) });
  const add = (row: LinkRow) => {
    const key = `${row.action_line}|${row.link_type}|${row.link_id}`;
    const prev = links.get(key);
    if (!prev) links.set(key, row);
    else if (row.rationale && prev.rationale !== row.rationale) {
      // The matrix lists some targets twice for one action line: keep both rationales.
      prev.rationale = prev.rationale ? `${prev.rationale}\n${row.rationale}` : row.rationale;
    }
  };

  actions.forEach((action, index) => {
    const entry = index + 1; // 1-based position of the entry in the actions array
    read++;
    const al = actionLineId(action.name ?? '', action.shortName);
    if (!al) {
      refuse(entry, `action entry "${action.name}" cannot be mapped to an action line (C1..C11 or a C7 sub-line)`, { id: action.id, name: action.name });
      return;
    }
    const source = (what: string) => `${CITATION}: ${MATRIX_ACTIONS}, entry id ${action.id} (${action.name.trim()}), ${what}`;
    for (const goal of action.goals ?? []) {
      const sdg = goal.goalId + 1;
      if (!Number.isInteger(goal.goalId) || sdg < 1 || sdg > 17) {
        refuse(entry, `goalId ${goal.goalId} is not 0-16 (SDG 1-17) for ${al}`, goal);
        continue;
      }
      const goalRationales: string[] = [];
      for (const sub of goal.subgoals ?? []) {
        const rationale = htmlToText(sub.rationale);
        for (const token of String(sub.subId).split(',').map((t) => t.trim()).filter(Boolean)) {
          read++;
          if (/^\d{1,2}$/.test(token) && Number(token) >= 1 && Number(token) <= 17) {
            if (Number(token) === sdg) { if (rationale) goalRationales.push(rationale); }
            else add({ action_line: al, link_type: 'sdg_goal', link_id: token, rationale, source: source(`listed under SDG ${sdg}`) });
          } else if (targets.has(token)) {
            add({ action_line: al, link_type: 'sdg_target', link_id: token, rationale, source: source(`SDG ${sdg}`) });
          } else {
            refuse(entry, `"${token}" (in subId "${sub.subId}" of SDG ${sdg} for ${al}) is not an SDG or SDG target in ${MATRIX_SDGS}`, sub);
          }
        }
      }
      add({ action_line: al, link_type: 'sdg_goal', link_id: String(sdg), rationale: goalRationales.join('\n') || null, source: source(`SDG ${sdg}`) });
    }
  });
  return { links: [...links.values()], refused, read };
}

async function readJson<T>(mirror: string, file: string): Promise<{ data: T; checksum: string }> {
  const bytes = await readFile(resolve(mirror, file));
  try {
    return { data: JSON.parse(bytes.toString('utf8')) as T, checksum: sha256(bytes) };
  } catch (e) {
    throw new InputError(file, null, `not valid JSON: ${(e as Error).message}`);
  }
}

export const wsisMatrix: Source = {
  snapshot: { rows: [{ table: 'action_line_link', where: `source LIKE '${CITATION}%'` }] },
  id: 'wsis-matrix',
  description: 'Links from WSIS action lines to SDGs and SDG targets (WSIS-SDG Matrix)',
  required: false,
  origin: {
    publisher: 'ITU and UN agencies (WSIS-SDG Matrix), as data by the University of the West Indies ICT4SDG app',
    url: 'https://github.com/uwidcit/WSIS-SDG-Matrix',
    licence: 'no licence stated; content reproduces the UN WSIS-SDG Matrix: cite ITU',
    inputs: [MATRIX_ACTIONS, MATRIX_SDGS]
  },
  run: needsMirror('the WSIS-SDG matrix is read from the mirror (wsis/wsis-sdg-matrix/)', async (ctx, mirror) => {
    const actions = await readJson<MatrixAction[]>(mirror, MATRIX_ACTIONS);
    const sdgs = await readJson<MatrixSdg[]>(mirror, MATRIX_SDGS);
    if (!Array.isArray(actions.data)) throw new InputError(MATRIX_ACTIONS, null, 'expected a JSON array of action entries');
    if (!Array.isArray(sdgs.data) || sdgs.data.length !== 17) throw new InputError(MATRIX_SDGS, null, 'expected a JSON array of the 17 SDGs');

    const { links, refused, read } = matrixLinks(actions.data, sdgTargetIds(sdgs.data));
    // Links to action lines the reference source did not load would dangle: refuse them too.
    const known = new Set((await ctx.conn.runAndReadAll(`SELECT id FROM action_line`)).getRowObjectsJS().map((r) => String(r.id)));
    const kept = known.size === 0 ? links : links.filter((l) => known.has(l.action_line));
    for (const l of links) {
      if (!kept.includes(l)) refused.push({ source: 'wsis-matrix', file: MATRIX_ACTIONS, row_number: null, reason: `action line ${l.action_line} is not in the action_line table`, raw: JSON.stringify(l) });
    }
    if (refused.length) await ctx.quarantine(refused);
    await insertRows(ctx.conn, 'action_line_link', kept as unknown as Record<string, unknown>[]);
    const message = refused.length ? `${refused.length} matrix item(s) could not be mapped (see quarantine)` : '';
    ctx.log(`wsis-matrix: ${kept.length} links from ${actions.data.length} action entries${message ? `; ${message}` : ''}`);
    return sourceReport({ files: 2, rowsRead: read, rowsLoaded: kept.length, rowsQuarantined: refused.length, checksums: [actions.checksum, sdgs.checksum], messages: [message] });
  })
};
