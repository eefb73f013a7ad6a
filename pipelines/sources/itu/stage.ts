// Staging ITU values (one batch per indicator per file, through the shared observation step)
// and writing their notes, keyed by the batch they belong to.
import type { DuckDBConnection } from '@duckdb/node-api';
import { stageObservations } from '../../observations';
import { ITU, ITU_LICENCE } from './codes';
import type { InputFile } from './inputs';
import type { ItuNote, ItuValue } from './read-key-ict';

/** ITU marks its own estimates in the notes ("ITU estimate.", "ITU Estimate."): those notes are estimates. */
const ESTIMATE = /\bITU estimate\b/i;

export function citation(input: InputFile, vintage: string | null): string {
  return `ITU World Telecommunication/ICT Indicators database, file ${input.name}${vintage ? `, released ${vintage}` : ''} (${ITU_LICENCE})`;
}

/** Stage values grouped by indicator; write the notes of each batch. Returns the batches staged. */
export async function stageItuValues(
  conn: DuckDBConnection,
  input: InputFile,
  meta: { vintage: string | null; layout: string; sourceId: string },
  values: ItuValue[],
  notes: ItuNote[]
): Promise<number> {
  const indicators = [...new Set(values.map((v) => v.indicator))];
  let batches = 0;
  for (const indicator of indicators) {
    const rows = values.filter((v) => v.indicator === indicator);
    const batch = await stageObservations(
      conn,
      { indicator, vintage: meta.vintage, publisher: ITU, layout: meta.layout, file: input.file, checksum: input.checksum, source: citation(input, meta.vintage), sourceId: meta.sourceId },
      rows.map((v) => ({ economy: v.economy, economyName: v.economyName, year: Number.isFinite(v.year) ? v.year : '', value: v.value, disaggregation: v.disaggregation, rowNumber: v.rowNumber }))
    );
    batches++;
    await writeNotes(conn, batch.batch_id, notes.filter((n) => n.indicator === indicator));
  }
  return batches;
}

async function writeNotes(conn: DuckDBConnection, batchId: string, notes: ItuNote[]): Promise<void> {
  if (notes.length === 0) return;
  const appender = await conn.createAppender('observation_note');
  try {
    for (const n of notes) {
      if (!Number.isFinite(n.year)) continue; // a value without a year is refused at publish; so is its note
      appender.appendVarchar(batchId);
      appender.appendVarchar(n.indicator);
      appender.appendVarchar(n.economy);
      appender.appendInteger(n.year);
      appender.appendVarchar(n.disaggregation);
      appender.appendVarchar(n.kind !== 'estimate' && ESTIMATE.test(n.note) ? 'estimate' : n.kind);
      appender.appendVarchar(n.note);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
