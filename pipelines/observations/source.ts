// The publish step as a Source the runner records: it runs once, after every source that
// stages observations, and before the sources that read the published tables.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Source, SourceReport } from '../lib/context';
import { sourceReport } from '../lib/report';
import { publishObservations, type PublishSummary } from './publish';

export function publishReport(p: PublishSummary): SourceReport {
  const parts = [`${p.batches} batches, ${p.valuesLoaded} values loaded, ${p.served} served`];
  if (p.valuesQuarantined) parts.push(`${p.valuesQuarantined} values refused (see quarantine; ${p.linesQuarantined} whole lines for unknown indicator or economy codes)`);
  if (p.duplicateBatches.length) parts.push(`duplicate copies not loaded twice: ${p.duplicateBatches.join(', ')}`);
  if (p.conflictingBatches.length) parts.push(`same vintage, different values (flagged): ${p.conflictingBatches.join(' | ')}`);
  return sourceReport({ rowsRead: p.valuesRead, rowsLoaded: p.valuesLoaded, rowsQuarantined: p.valuesQuarantined, vintages: p.vintages, messages: parts, separator: '. ' });
}

export const observationsPublish: Source = {
  id: 'observations-publish',
  description: 'Validate the observations every source staged and publish observation_all, observation_batch, observation',
  required: true,
  async run(ctx) {
    return publishReport(await publishObservations(ctx.conn));
  }
};

/** Publish outside a run (tests, the benchmark). */
export async function publishNow(conn: DuckDBConnection): Promise<SourceReport> {
  return publishReport(await publishObservations(conn));
}
