// The one call a new source needs to stage a batch of observations: it names the batch,
// stages it and its rows, and leaves every check to the publish step.
import type { DuckDBConnection } from '@duckdb/node-api';
import { batchId, ensureStaging, freeId, stageBatches, stageRows, type StagedBatch } from './staging';

/** A batch: one indicator from one input (file, sheet, API response) and one vintage. */
export interface BatchInput {
  /** Indicator code as the publisher writes it; mapped through indicator_alias at publish. */
  indicator: string;
  /** Publisher's release date, YYYY-MM-DD; null when the input gives none (ranked below dated batches). */
  vintage: string | null;
  /** Who publishes the values: 'World Bank', 'ITU', 'UN DESA', ... */
  publisher: string;
  /** Input layout, e.g. 'itu-xlsx', 'sdg-ddf', 'egov-csv'. */
  layout: string;
  /** Input file relative to the mirror, or URL. */
  file: string;
  /** sha256 of the input bytes. */
  checksum: string;
  /** Citation (publisher, dataset, licence, file, release). */
  source: string;
  /** Pipeline source id (labels the quarantine rows of refused values). */
  sourceId: string;
}

export interface ObservationInput {
  /** ISO3 code (from the harmoniser) or a declared aggregate code (aggregates.ts). */
  economy: string;
  /** Name as found, for error messages. */
  economyName?: string | null;
  year: string | number;
  /** As found: text or number; null, '' and '..' are missing (not loaded, not refused). */
  value: string | number | null;
  /** '' or absent = the total; else from disaggregation() ('sex=female'). */
  disaggregation?: string;
  /** 1-based line or row of the input, for quarantine. */
  rowNumber: number;
  /** The input file of this row when a batch spans several files (one series published as a file per year); default the batch's file. */
  file?: string;
}

/** Stage one batch and its rows; returns the staged batch (with its id). */
export async function stageObservations(conn: DuckDBConnection, input: BatchInput, rows: ObservationInput[]): Promise<StagedBatch> {
  return (await stageObservationBatches(conn, [{ input, rows }]))[0];
}

/**
 * Stage several batches and their rows in three statements (ids, batches, one appender for
 * every row): a file of many small series costs a few round trips, not a few per series.
 */
export async function stageObservationBatches(conn: DuckDBConnection, items: { input: BatchInput; rows: ObservationInput[] }[]): Promise<StagedBatch[]> {
  if (items.length === 0) return [];
  await ensureStaging(conn);
  const taken = new Set((await conn.runAndReadAll('SELECT batch_id FROM stg_batch')).getRows().map((r) => String(r[0])));
  const staged = items.map(({ input, rows }) => {
    const id = freeId(taken, batchId(input.indicator, input.vintage, input.checksum));
    taken.add(id);
    const batch: StagedBatch = {
      batch_id: id,
      original_code: input.indicator,
      vintage: input.vintage,
      publisher: input.publisher,
      layout: input.layout,
      file: input.file,
      checksum: input.checksum,
      source: input.source,
      source_id: input.sourceId
    };
    return { batch, rows };
  });
  await stageBatches(conn, staged.map((s) => s.batch));
  await stageRows(
    conn,
    staged.flatMap(({ batch, rows }) =>
      rows.map((r) => ({
        batch_id: batch.batch_id,
        economy: r.economy,
        economy_name: r.economyName ?? null,
        year: String(r.year),
        raw_value: r.value == null ? null : String(r.value),
        row_number: r.rowNumber,
        disaggregation: r.disaggregation ?? '',
        file: r.file ?? batch.file
      }))
    )
  );
  return staged.map((s) => s.batch);
}
