// Every number the warehouse carries from a seed report appears in that report with the same value,
// and the report's numbers that the warehouse does not carry are listed here, reviewed: a later edit
// of events.csv, participation.csv, facilitation.csv or the stocktaking entries that changes or drops
// a seed number fails this test and names the number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { reference } from '../../pipelines/sources/reference';
import { meetings } from '../../pipelines/sources/meetings';
import { stocktaking } from '../../pipelines/sources/stocktaking';
import { contextFor, testContext } from '../../pipelines/lib/test-context';
import { sharedSeeds } from '../../pipelines/lib/paths';
import { numbersIn, seedStatesDate, seedsCited } from './seed-numbers';

type Row = Record<string, string | number | boolean | null>;

/** Reviewed: numbers in each seed that no warehouse row citing the seed carries, and why. */
const NOT_CARRIED: Record<string, number[]> = {
  // "§ 108 of Tunis Agenda", "§ 103": paragraph references, not facts about the meeting.
  '000_cc18b3ec5caf08f4.txt': [108, 103],
  '001_7d04c84026a133eb.txt': [],
  // Codes such as resolutions 59/220 and 57/270 and document PC-2/DT/2 are not read as numbers.
  '002_3a3cfde30a22f952.txt': [],
  // "Paragraphs 108-109 of the Tunis Agenda": paragraph references.
  '003_f66fe5b5344d44fe.txt': [108, 109],
  '004_86cf461dcf68458b.txt': []
};

const seedFiles = existsSync(sharedSeeds) ? readdirSync(sharedSeeds).filter((f) => f.endsWith('.txt')).sort() : [];

describe.skipIf(seedFiles.length === 0)('seed facts carried by the warehouse', () => {
  let rows: { table: string; row: Row }[] = [];
  let close: () => void = () => {};
  const seedText = (file: string) => readFileSync(join(sharedSeeds, file), 'utf8');

  beforeAll(async () => {
    // Each source on its own context (its id stamps quarantine rows), all on one warehouse.
    const t = await testContext({ references: false, source: reference });
    close = t.close;
    await reference.run(t.ctx);
    await meetings.run(contextFor(t.conn, { source: meetings }).ctx);
    await stocktaking.run(contextFor(t.conn, { source: stocktaking, env: {} }).ctx);
    for (const table of ['event', 'participation', 'facilitation', 'stocktaking_entry', 'data_quality_flag']) {
      const result = await t.conn.runAndReadAll(`SELECT * FROM ${table}`);
      for (const row of result.getRowObjectsJson() as Row[]) rows.push({ table, row });
    }
  });
  afterAll(() => close());

  const citing = (file: string) => rows.filter((r) => String(r.row.source ?? '').includes(`seeds/${file}`));

  it('reads the five seeds', () => {
    expect(seedFiles).toEqual(Object.keys(NOT_CARRIED).sort());
  });

  it('every number a row takes from the seeds is stated in the seeds it cites', () => {
    const problems: string[] = [];
    for (const { table, row } of rows) {
      const source = String(row.source ?? '');
      if (!source.startsWith('seeds/')) continue; // rows whose first source is another document (dated from it)
      const cited = seedsCited(source).map(seedText).join('\n');
      const stated = new Set(numbersIn(cited).map((n) => n.value));
      const id = `${table} ${row.id ?? `${row.event}/${row.measure}/${row.stakeholder_type}/${row.venue}`}`;
      for (const column of ['count', 'participants', 'start_year', 'from_year', 'to_year']) {
        const v = row[column];
        if (typeof v === 'number' && !stated.has(v)) problems.push(`${id}: ${column} ${v} is not in ${seedsCited(source).join(', ')}`);
      }
      for (const column of ['start_date', 'end_date']) {
        const v = row[column];
        if (typeof v === 'string' && !seedStatesDate(cited, v)) problems.push(`${id}: ${column} ${v} is not stated in ${seedsCited(source).join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('known values read back: 1182 announced, 490 badges, around 80 at the 2006 e-business meeting, CSTD 15-19 May 2006', () => {
    const get = (table: string, pred: (r: Row) => boolean) => rows.filter((r) => r.table === table && pred(r.row)).map((r) => r.row);
    expect(get('participation', (r) => r.measure === 'announced').map((r) => r.count)).toEqual([1182]);
    expect(get('participation', (r) => r.measure === 'badged' && r.venue === 'all').map((r) => r.count)).toEqual([490]);
    expect(get('event', (r) => r.id === '2006-05-al-c7-e-business-e-employment').map((r) => r.participants)).toEqual([80]);
    expect(get('event', (r) => r.id === '2006-05-15-cstd-ninth-session').map((r) => [r.start_date, r.end_date])).toEqual([['2006-05-15', '2006-05-19']]);
  });

  for (const file of seedFiles) {
    it(`lists the numbers of ${file} the warehouse does not carry`, () => {
      const carried = new Set<number>();
      for (const { row } of citing(file)) {
        for (const v of Object.values(row)) {
          if (typeof v === 'number') carried.add(v);
          else if (typeof v === 'string') {
            for (const n of numbersIn(v)) carried.add(n.value);
            // ISO dates carry their day and year.
            for (const m of v.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) carried.add(Number(m[1])).add(Number(m[3]));
          }
        }
      }
      const missing = numbersIn(seedText(file)).filter((n) => !carried.has(n.value));
      const values = [...new Set(missing.map((n) => n.value))];
      // On failure the message shows each number with its context in the seed.
      expect(values, missing.map((n) => `${n.value}: …${n.context}…`).join('\n')).toEqual(NOT_CARRIED[file]);
    });
  }
});
