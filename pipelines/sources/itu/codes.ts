// The codes this project gives ITU's series and aggregates (ITU publishes names, not codes).
// Every indicator code has a catalog row in data/indicators.csv; every aggregate is declared
// as an economy (pipelines/observations/aggregates.ts) before its values are staged.
import type { PublisherAggregate } from '../../observations';

export const ITU = 'ITU';
export const ITU_LICENCE = 'ITU: free of charge, cite "ITU World Telecommunication/ICT Indicators database" as the source; not CC-licensed';

/**
 * ITU's published aggregates in the key ICT file, by the name the file writes (trimmed):
 * the UN M49 developed/developing split and LDCs, and the six ITU/BDT regions
 * (https://www.itu.int/en/ITU-D/Statistics/Pages/definitions/regions.aspx, as the file cites).
 */
export const ITU_AGGREGATES: Record<string, { code: string; name: string; group: 'development' | 'itu_region' }> = {
  World: { code: 'ITU_WLD', name: 'World (ITU)', group: 'development' },
  Developed: { code: 'ITU_DEV', name: 'Developed countries (ITU)', group: 'development' },
  Developing: { code: 'ITU_DVG', name: 'Developing countries (ITU)', group: 'development' },
  LDCs: { code: 'ITU_LDC', name: 'Least developed countries (ITU)', group: 'development' },
  Africa: { code: 'ITU_AFR', name: 'Africa (ITU region)', group: 'itu_region' },
  'Arab States': { code: 'ITU_ARB', name: 'Arab States (ITU region)', group: 'itu_region' },
  'Asia & Pacific': { code: 'ITU_ASP', name: 'Asia & Pacific (ITU region)', group: 'itu_region' },
  CIS: { code: 'ITU_CIS', name: 'CIS (ITU region)', group: 'itu_region' },
  Europe: { code: 'ITU_EUR', name: 'Europe (ITU region)', group: 'itu_region' },
  'The Americas': { code: 'ITU_AMS', name: 'The Americas (ITU region)', group: 'itu_region' }
};

export function aggregateDeclarations(source: string): PublisherAggregate[] {
  return Object.values(ITU_AGGREGATES).map((a) => ({ code: a.code, name: a.name, source }));
}

/**
 * Key ICT blocks: the indicator label the file writes above each block (trimmed) -> the code of
 * the right-hand half (per 100 inhabitants, %, or kbit/s per Internet user). The left half
 * (totals in millions, Gbit/s) is not loaded: the monitor compares rates.
 */
export const KEY_ICT_BLOCKS: Record<string, string> = {
  'Fixed-telephone subscriptions': 'ITU_FTEL_P100',
  'Mobile-cellular telephone subscriptions': 'ITU_MOB_P100',
  'Active mobile-broadband subscriptions': 'ITU_MBB_P100',
  'Fixed-broadband subscriptions': 'ITU_FBB_P100',
  'Population covered by a mobile-cellular network': 'ITU_COV_MOB',
  'Population covered by at least a 3G mobile network': 'ITU_COV_3G',
  'Population covered by at least an LTE/WiMAX mobile network': 'ITU_COV_LTE',
  'International bandwidth, in Gbit/s': 'ITU_BW_USER',
  'Households with a computer': 'ITU_HH4',
  'Households with Internet access at home': 'ITU_HH6',
  'Individuals using the Internet': 'ITU_INET'
};

/** WTID time-series files: the file name's start -> the block title to read and its code. */
export const WTID_SERIES: { prefix: string; title: RegExp; code: string }[] = [
  { prefix: 'Individuals_Internet_', title: /^Percentage of Individuals using the Internet$/i, code: 'ITU_INET' },
  { prefix: 'Mobile_cellular_', title: /^Mobile-cellular telephone subscriptions per 100 inhabitants$/i, code: 'ITU_MOB_P100' },
  { prefix: 'Fixed_tel_', title: /^Fixed-telephone subscriptions per 100 inhabitants$/i, code: 'ITU_FTEL_P100' },
  { prefix: 'Fixed_broadband_', title: /^Fixed-broadband subscriptions per 100 inhabitants$/i, code: 'ITU_FBB_P100' }
];

/** Core Household Indicators: the code ITU prints in the header, '(HH3f)' -> 'ITU_HH3F'. */
export const householdCode = (label: string): string | null => {
  const m = /^\((HH\d+[a-z]?)\)$/i.exec(label.trim());
  return m ? `ITU_${m[1].toUpperCase()}` : null;
};
