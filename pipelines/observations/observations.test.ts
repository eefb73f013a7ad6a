// The shared observation step on a real disaggregated file: UN SDG database, indicator
// 4.a.1 "schools with access to the Internet" (SE_ACS_INTNT) by education level, staged by
// a source that is not the World Bank, with the World as a declared publisher aggregate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createWarehouse, insertRows } from '../lib/warehouse';
import { sha256 } from '../lib/checksum';
import { sharedMirror } from '../lib/paths';
import { declareAggregates, disaggregation, parseDisaggregation, publishObservations, stageObservations, type ObservationInput } from './index';

const FILE = 'un/sdg-ddf/ddf--datapoints--se_acs_intnt--by--education_level--geo_area--nature--units--year.csv';
const LEVELS: Record<string, string> = { primar: 'primary', lowsec: 'lower_secondary', uppsec: 'upper_secondary', second: 'secondary' };
const GEO: Record<string, string> = { '1': 'M49_001', '100': 'BGR' };

let conn: DuckDBConnection;
const one = async (sql: string) => (await conn.runAndReadAll(sql)).getRows()[0]?.[0];

/** Rows of the real file for World and Bulgaria, with their line numbers; plus two refused on purpose. */
function rowsOf(text: string): ObservationInput[] {
  const lines = text.split('\n');
  const rows: ObservationInput[] = [];
  lines.forEach((line, i) => {
    const [level, geo, , , year, value] = line.split(',');
    if (i === 0 || !GEO[geo]) return;
    rows.push({ economy: GEO[geo], year, value, disaggregation: disaggregation({ education_level: LEVELS[level] }), rowNumber: i + 1 });
  });
  return rows;
}

beforeAll(async () => {
  ({ conn } = await createWarehouse(':memory:'));
  await insertRows(conn, 'indicator', [{ code: 'SE_ACS_INTNT', name: 'Schools with access to the Internet', unit: '%', upper_bound: 100, source: 'test' }]);
  await insertRows(conn, 'economy', [{ code: 'BGR', name: 'Bulgaria', is_aggregate: false, source: 'test' }]);
  expect(await declareAggregates(conn, [{ code: 'M49_001', name: 'World', m49: '001', source: 'UN M49' }])).toBe(1);
  const bytes = readFileSync(join(sharedMirror, FILE));
  const rows = rowsOf(bytes.toString('utf8'));
  const batch = { indicator: 'SE_ACS_INTNT', publisher: 'UN Statistics Division', layout: 'sdg-ddf', file: FILE, checksum: sha256(bytes), source: 'UN SDG database (DDF)', sourceId: 'unsdg' };
  await stageObservations(conn, { ...batch, vintage: '2024-03-01' }, [
    ...rows,
    { economy: 'ATLANTIS', year: 2019, value: '5', rowNumber: 9001 },
    { economy: 'BGR', year: 2019, value: '5', disaggregation: 'Sex=Female', rowNumber: 9002 }
  ]);
  // The same real rows as an older vintage, without the primary level: the newest vintage
  // serves each series it has, the older one only the series the newest lacks.
  await stageObservations(
    conn,
    { ...batch, vintage: '2020-01-01' },
    rows.filter((r) => r.disaggregation !== 'education_level=primary').map((r) => ({ ...r, value: r.economy === 'BGR' ? '1' : r.value }))
  );
  await stageObservations(conn, { ...batch, vintage: '2019-01-01', checksum: 'f'.repeat(64) }, [{ economy: 'BGR', year: 2010, value: '7', disaggregation: 'education_level=tertiary', rowNumber: 1 }]);
  await publishObservations(conn);
});

afterAll(() => conn?.closeSync());

describe('shared observation step', () => {
  it('serves the real values per disaggregation, the total apart', async () => {
    expect(await one("SELECT value FROM observation WHERE indicator = 'SE_ACS_INTNT' AND economy = 'M49_001' AND year = 2019 AND disaggregation = 'education_level=lower_secondary'")).toBe(48.66649);
    expect(await one("SELECT value FROM observation WHERE economy = 'M49_001' AND year = 2019 AND disaggregation = 'education_level=primary'")).toBe(38.54012);
    expect(await one("SELECT value FROM observation WHERE economy = 'BGR' AND year = 2018 AND disaggregation = 'education_level=secondary'")).toBe(99.57258);
    expect(await one("SELECT count(*)::INTEGER FROM observation WHERE disaggregation = ''")).toBe(0);
    expect(await one("SELECT is_aggregate FROM observation WHERE economy = 'M49_001' LIMIT 1")).toBe(true);
  });

  it('picks the newest vintage per series, falling back to an older one for a series the newest lacks', async () => {
    expect(await one("SELECT count(DISTINCT vintage)::INTEGER FROM observation WHERE disaggregation <> 'education_level=tertiary'")).toBe(1);
    expect(await one("SELECT vintage::VARCHAR FROM observation WHERE disaggregation = 'education_level=tertiary'")).toBe('2019-01-01');
    expect(await one("SELECT value FROM observation_all WHERE economy = 'BGR' AND year = 2018 AND vintage = '2020-01-01'")).toBe(1);
  });

  it('records the publisher on the batch and quarantines under the staging source', async () => {
    expect(await one("SELECT string_agg(DISTINCT publisher, ',') FROM observation_batch")).toBe('UN Statistics Division');
    const refused = (await conn.runAndReadAll('SELECT source, file, row_number, reason FROM quarantine ORDER BY row_number')).getRows();
    expect(refused).toEqual([
      ['unsdg', FILE, 9001, 'unknown economy code: ATLANTIS'],
      ['unsdg', FILE, 9002, 'invalid disaggregation: "Sex=Female" (economy BGR, year 2019, Sex=Female)']
    ]);
  });
});

describe('disaggregation encoding', () => {
  it('orders keys and refuses what is not key=value', () => {
    expect(disaggregation({ sex: 'Female', age: '15-24' })).toBe('age=15-24;sex=female');
    expect(disaggregation({})).toBe('');
    expect(parseDisaggregation('location=urban;sex=male')).toEqual({ location: 'urban', sex: 'male' });
    expect(() => parseDisaggregation('sex=female;location=urban')).toThrow('invalid disaggregation');
    expect(() => disaggregation({ 'Sex ': 'x' })).toThrow('invalid disaggregation');
  });

  it('refuses an aggregate code that could be a country code', async () => {
    await expect(declareAggregates(conn, [{ code: 'AFR', name: 'Africa', source: 'x' }])).rejects.toThrow('<PUBLISHER>_<CODE>');
    await expect(declareAggregates(conn, [{ code: 'M49_001', name: 'World', source: 'again' }])).resolves.toBe(0);
  });
});

// Runs last: it publishes again into the warehouse the tests above read.
describe('a second publish into a warehouse that has values (bench scale warehouse)', () => {
  it('picks again over old and new values, each value stored once (observation or observation_unserved)', async () => {
    const before = Number(await one('SELECT count(*) FROM observation_all'));
    const beforeServed = Number(await one('SELECT count(*) FROM observation'));
    // The first publish's staging goes, as the bench does between publishes (staged again, a
    // batch would repeat its keys: the publish refuses that loudly).
    for (const t of ['stg_batch', 'stg_observation', 'stg_bulk_value']) await conn.run(`DROP TABLE IF EXISTS ${t}`);
    // A newer vintage of one series only: Bulgaria, secondary, 2018.
    await stageObservations(conn, {
      indicator: 'SE_ACS_INTNT', publisher: 'UN Statistics Division', layout: 'sdg-ddf', file: FILE, checksum: 'e'.repeat(64),
      source: 'UN SDG database (DDF)', sourceId: 'unsdg', vintage: '2025-01-01'
    }, [{ economy: 'BGR', year: 2018, value: '12.5', disaggregation: 'education_level=secondary', rowNumber: 1 }]);
    await publishObservations(conn);
    expect(Number(await one('SELECT count(*) FROM observation_all'))).toBe(before + 1);
    // The new batch serves BGR secondary (its one year); the 2024 values of that series are no longer served.
    const bgrSecondary2024 = Number(await one("SELECT count(*) FROM observation_all WHERE economy = 'BGR' AND disaggregation = 'education_level=secondary' AND vintage = '2024-03-01'"));
    expect(bgrSecondary2024).toBeGreaterThan(1);
    expect(Number(await one('SELECT count(*) FROM observation'))).toBe(beforeServed - bgrSecondary2024 + 1);
    expect(await one("SELECT value FROM observation WHERE economy = 'BGR' AND year = 2018 AND disaggregation = 'education_level=secondary'")).toBe(12.5);
    expect(await one("SELECT value FROM observation_unserved WHERE economy = 'BGR' AND year = 2018 AND disaggregation = 'education_level=secondary' AND vintage = '2024-03-01'")).toBe(99.57258);
    // Series the new batch lacks stay served by their batch.
    expect(await one("SELECT vintage::VARCHAR FROM observation WHERE disaggregation = 'education_level=tertiary'")).toBe('2019-01-01');
    expect(await one('SELECT count(*)::INTEGER FROM observation o JOIN observation_unserved u USING (batch_id, economy, year, disaggregation)')).toBe(0);
  });
});
