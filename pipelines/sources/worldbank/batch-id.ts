// What every World Bank batch says about itself: publisher, quarantine label, citation.
// (Batch ids are the shared step's: pipelines/observations/staging.ts.)
export { batchId } from '../../observations/staging';

import type { SourceContext, SourceOrigin, SourceSetting } from '../../lib/context';

export const PUBLISHER = 'World Bank';

export const WDI_ORIGIN: SourceOrigin = {
  publisher: 'World Bank (ICT series produced by ITU)',
  url: 'https://datacatalog.worldbank.org/search/dataset/0037712',
  licence: 'CC BY 4.0',
  inputs: ['mirror worldbank/ (bulk CSV, zip, DataBank, Metadata_Country, api/)', 'World Bank API v2 (online mode)']
};

/** The World Bank API base URL (default https://api.worldbank.org/v2); a test's online.baseUrl wins. */
export const WB_API_SETTING: SourceSetting = { env: 'WSIS_WB_API', description: 'World Bank API base URL (default https://api.worldbank.org/v2)' };

export const DEFAULT_BASE_URL = 'https://api.worldbank.org/v2';

export function apiBaseUrl(ctx: SourceContext): string {
  return ctx.online.baseUrl || ctx.setting(WB_API_SETTING.env) || DEFAULT_BASE_URL;
}
/** Quarantine rows of World Bank files and of their refused values carry this source label. */
export const QUARANTINE_SOURCE = 'worldbank';

/** Citation text for a batch read from a mirror file. */
export function fileCitation(file: string, vintage: string | null): string {
  return `World Bank, World Development Indicators (CC BY 4.0), file ${file}, Last Updated ${vintage ?? 'not stated'}`;
}
