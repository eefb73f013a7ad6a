import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../lib/csv';
import { sharedMirror } from '../../lib/paths';
import { describeRepair, repairLatin1Field, repairMojibake } from './mojibake';
import { PRIZES_2015_FILE } from './prizes-2015';

const bytes = (...b: number[]) => Uint8Array.from(b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('repairMojibake: UTF-8 read as Windows-1252, then saved as Mac Roman', () => {
  it('restores two-byte and three-byte characters', () => {
    // "é" = C3 A9 -> "Ã©" -> Mac Roman CC A9; "’" = E2 80 99 -> "â€™" -> 89 DB AA
    expect(repairMojibake(bytes(...ascii('t'), 0xcc, 0xa9, ...ascii('l'), 0xcc, 0xa9))).toEqual({ text: 'télé', repaired: 2, lost: 0, unrepaired: 0 });
    expect(repairMojibake(bytes(...ascii('Egypt'), 0x89, 0xdb, 0xaa, ...ascii('s')))).toEqual({ text: 'Egypt’s', repaired: 1, lost: 0, unrepaired: 0 });
  });

  it('takes a byte Windows-1252 leaves undefined as it is inside a sequence (Á = C3 81)', () => {
    expect(repairMojibake(bytes(0xcc, 0x81, ...ascii('rea'))).text).toBe('Área');
    // ...while the same byte 0x81 as Mac Roman "Å" is a lead: "ł" = C5 82 -> "Å‚" -> 81 E2
    expect(repairMojibake(bytes(...ascii('Zak'), 0x81, 0xe2, ...ascii('ad'))).text).toBe('Zakład');
  });

  it('marks a character lost to "_" as U+FFFD and counts it, never guesses it', () => {
    expect(repairMojibake(bytes(...ascii('Aut'), 0xcc, 0x5f, ...ascii('noma')))).toEqual({ text: 'Aut\uFFFDnoma', repaired: 0, lost: 1, unrepaired: 0 });
  });

  it('leaves ASCII (underscores included) and lone bytes alone, counting the latter', () => {
    expect(repairMojibake(bytes(...ascii('a_b')))).toEqual({ text: 'a_b', repaired: 0, lost: 0, unrepaired: 0 });
    expect(repairMojibake(bytes(0x8e, ...ascii('t')))).toEqual({ text: 'ét', repaired: 0, lost: 0, unrepaired: 1 });
  });

  it('describes a repair for the per-row record', () => {
    expect(describeRepair('Project', { text: '', repaired: 2, lost: 1, unrepaired: 0 })).toBe('Project: 2 character(s) restored, 1 lost in the source (shown as \uFFFD)');
    expect(describeRepair('Project', { text: 'x', repaired: 0, lost: 0, unrepaired: 0 })).toBeNull();
  });
});

describe('repairMojibake on the real WSIS Prizes 2015 list', () => {
  const table = parseCsv(readFileSync(join(sharedMirror, PRIZES_2015_FILE), 'latin1'));
  const cell = (line: number, column: string) => repairLatin1Field(table.rows.find((r) => r.line === line)!.record[column]);

  it('repairs the damaged names a reader would look for', () => {
    expect(cell(299, 'Organisation').text.trim()).toBe('Public library “Fran Galović” in Koprivnica');
    expect(cell(168, 'Organisation').text.trim()).toBe('Zakład Usług Informatycznych OTAGO Sp. z o.o.');
    expect(cell(222, 'Organisation').text.trim()).toBe('Facultad de Ciencias Médicas UNR- Área de Informática Médica y Telemedicina');
    expect(cell(62, 'Project').text).toBe('Legal reference information system of normative acts «ADILET»');
  });

  it('leaves no byte unrepaired in the whole file, and counts what the source had already lost', () => {
    let repaired = 0;
    let lost = 0;
    let unrepaired = 0;
    for (const row of table.rows)
      for (const v of row.values) {
        const r = repairLatin1Field(v);
        repaired += r.repaired;
        lost += r.lost;
        unrepaired += r.unrepaired;
      }
    expect({ repaired, lost, unrepaired }).toEqual({ repaired: 48, lost: 10, unrepaired: 0 });
  });
});
