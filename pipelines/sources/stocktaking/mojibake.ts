// Repair of text damaged on its way through two wrong encodings, as in the WSIS Prizes 2015
// list: UTF-8 text was read as Windows-1252 ("é" became "Ã©", "’" became "â€™"), and that
// text was then saved as Mac Roman (Excel for Mac's CSV), so the file holds bytes such as
// CC A9 for "é" and 89 DB AA for "’". The repair undoes both steps, one character at a
// time: file byte -> its Mac Roman character -> that character's Windows-1252 byte, which
// gives back the original UTF-8 bytes. Two details of the damage are handled on purpose:
// - Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; those bytes were written
//   through unchanged, so where a UTF-8 sequence needs a continuation byte they are taken as
//   they are ("Ã" then byte 0x81 is "Á");
// - characters that Mac Roman cannot hold ("³", soft hyphen, "š" ...) were written as "_":
//   they are lost, so a sequence with "_" in it becomes U+FFFD and is counted as lost, never
//   guessed ("Aut\xCC_noma" is "Aut�noma", not a guess at "Autónoma").
// Bytes that do not start a complete sequence are kept as their Mac Roman character and
// counted as not repaired. ASCII is never touched.

const MAC_ROMAN = new TextDecoder('macintosh');
// Windows-1252 0x80..0x9F, written out: Node's TextDecoder('windows-1252') decodes that range
// as Latin-1 C1 controls. The five undefined bytes stay C1 controls (U+0081 ...).
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Mac Roman character of each byte 0x80..0xFF. */
const MAC_CHAR: string[] = Array.from({ length: 128 }, (_, i) => MAC_ROMAN.decode(Uint8Array.of(0x80 + i)));
/** Windows-1252 byte of each character it can encode (C1 controls for its undefined bytes). */
const CP1252_BYTE = new Map<string, number>();
for (let b = 0; b < 256; b++) CP1252_BYTE.set(b >= 0x80 && b < 0xa0 ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b), b);
/** Bytes Windows-1252 leaves undefined, written through unchanged by the damaging step. */
const PASSED_THROUGH = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const LOST_MARK = 0x5f; // "_"

export const LOST_CHARACTER = '\uFFFD';

export interface RepairResult {
  text: string;
  /** Characters restored from a damaged sequence. */
  repaired: number;
  /** Characters the damaging step had already replaced by "_" (now U+FFFD). */
  lost: number;
  /** Non-ASCII bytes that start no complete sequence, kept as their Mac Roman character. */
  unrepaired: number;
}

/** Windows-1252 byte standing for file byte b (b >= 0x80), or null. */
function originalByte(b: number): number | null {
  return CP1252_BYTE.get(MAC_CHAR[b - 0x80]) ?? null;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return 0;
}

const isContinuation = (b: number | null) => b !== null && b >= 0x80 && b <= 0xbf;

/** Repair one field's bytes as read from the file (see the header). */
export function repairMojibake(bytes: Uint8Array): RepairResult {
  let text = '';
  let repaired = 0;
  let lost = 0;
  let unrepaired = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      text += String.fromCharCode(b);
      i++;
      continue;
    }
    const lead = originalByte(b);
    const need = lead === null ? 0 : sequenceLength(lead);
    const utf8 = [lead ?? 0];
    let lostHere = false;
    let complete = need > 0;
    for (let k = 1; k <= need && complete; k++) {
      const next = bytes[i + k];
      if (next === undefined) complete = false;
      else if (next === LOST_MARK) lostHere = true;
      else if (next < 0x80) complete = false;
      else {
        const orig = originalByte(next);
        if (isContinuation(orig)) utf8.push(orig!);
        else if (PASSED_THROUGH.has(next)) utf8.push(next);
        else complete = false;
      }
    }
    let decoded: string | null = null;
    if (complete && !lostHere) {
      try {
        decoded = UTF8.decode(Uint8Array.from(utf8));
      } catch {
        complete = false;
      }
    }
    if (!complete) {
      text += MAC_CHAR[b - 0x80];
      unrepaired++;
      i++;
    } else if (lostHere) {
      text += LOST_CHARACTER;
      lost++;
      i += need + 1;
    } else {
      text += decoded;
      repaired++;
      i += need + 1;
    }
  }
  return { text, repaired, lost, unrepaired };
}

/** The same repair on a field read byte-for-byte as Latin-1 (each character one byte). */
export function repairLatin1Field(field: string): RepairResult {
  return repairMojibake(Uint8Array.from(field, (c) => c.charCodeAt(0)));
}

/** One line for the per-row record, or null when the field needed no repair. */
export function describeRepair(field: string, r: RepairResult): string | null {
  const parts: string[] = [];
  if (r.repaired) parts.push(`${r.repaired} character(s) restored`);
  if (r.lost) parts.push(`${r.lost} lost in the source (shown as ${LOST_CHARACTER})`);
  if (r.unrepaired) parts.push(`${r.unrepaired} byte(s) not repairable, kept as Mac Roman`);
  return parts.length ? `${field}: ${parts.join(', ')}` : null;
}
