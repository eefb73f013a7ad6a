// The shared observation step: every source stages its values here, one publish step
// validates and publishes them all. The key of an observation, once for every source:
// (indicator, economy, year, disaggregation, batch).
//
// For a new source:
//   1. Indicators: a catalog row per indicator code (table indicator) before the run's publish.
//   2. Economies: countries as ISO3 through the harmoniser (pipelines/lib/harmonise.ts);
//      the publisher's own aggregates (ITU regions, SDG regions) declared first with
//      declareAggregates(conn, [{ code: 'ITU_AFR', name: 'Africa', source }]).
//   3. Values: one stageObservations(conn, batch, rows) per indicator and input, where
//      batch = { indicator, vintage, publisher, layout, file, checksum, source, sourceId }
//      and rows = [{ economy, economyName, year, value, disaggregation, rowNumber }], value as
//      text or number as found ('' / '..' / null = missing); disaggregation '' for the total,
//      else disaggregation({ sex: 'female' }) -> 'sex=female'.
//   4. Nothing else: the publish step (source `observations-publish`, after every staging
//      source in sources/index.ts) refuses unknown indicator or economy codes, invalid years
//      and disaggregations, non-numeric, negative or out-of-bound values and duplicate keys,
//      each to quarantine with file, row and reason under the batch's sourceId; keeps every
//      vintage in observation_all; serves in observation, per indicator, economy and
//      disaggregation, the series of the newest vintage (undated last); drops exact duplicate
//      batches and flags same-vintage conflicts in data_quality_flag.
// Staging tables (stg_*) are dropped by the runner before the warehouse is published.
export { stageObservations, stageObservationBatches, type BatchInput, type ObservationInput } from './stage';
export { declareAggregates, type PublisherAggregate } from './aggregates';
export { disaggregation, parseDisaggregation, isDisaggregation, TOTAL } from './disaggregation';
export { observationsPublish, publishNow } from './source';
export { publishObservations, type PublishSummary } from './publish';
