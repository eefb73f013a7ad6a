// What every World Bank batch says about itself: publisher, quarantine label, citation.
// (Batch ids are the shared step's: pipelines/observations/staging.ts.)
export { batchId } from '../../observations/staging';

export const PUBLISHER = 'World Bank';
/** Quarantine rows of World Bank files and of their refused values carry this source label. */
export const QUARANTINE_SOURCE = 'worldbank';

/** Citation text for a batch read from a mirror file. */
export function fileCitation(file: string, vintage: string | null): string {
  return `World Bank, World Development Indicators (CC BY 4.0), file ${file}, Last Updated ${vintage ?? 'not stated'}`;
}
