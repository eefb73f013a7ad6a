// ITU's published aggregates (pipelines/sources/itu/codes.ts): the world, developed,
// developing and LDC groups and the six ITU/BDT regions, economies with codes ITU_*. ITU
// publishes their values, not their membership, so their pages show the published series only,
// compared with ITU's own world (ITU_WLD), never with the World Bank's.
import { query } from '../warehouse';

/** A publisher's aggregate code: <PUBLISHER>_<CODE> (ITU_AFR), as pipelines/observations/aggregates.ts declares them. */
export const PUBLISHER_AGGREGATE_CODE = /^[A-Z][A-Z0-9]*_[A-Z0-9_]{1,20}$/;

export const isItuAggregate = (code: string): boolean => code.startsWith('ITU_');

/** The world an aggregate is compared with: the same publisher's. */
export const worldOf = (code: string): string => (isItuAggregate(code) ? 'ITU_WLD' : 'WLD');

export const ITU_DEFAULT_INDICATOR = 'ITU_INET';

const DEVELOPMENT_GROUPS = ['ITU_WLD', 'ITU_DEV', 'ITU_DVG', 'ITU_LDC'];

export interface ItuRegionItem {
  code: string;
  name: string;
  kind: string;
  members: null;
  linked: boolean;
}

/** The ITU aggregates with data, for the /regions index: development groups first, then the regions. */
export async function ituRegionIndex(): Promise<ItuRegionItem[]> {
  const rows = await query<{ code: string; name: string }>(
    `SELECT e.code, e.name FROM economy e
      WHERE e.is_aggregate AND e.code LIKE 'ITU\\_%' ESCAPE '\\'
        AND EXISTS (SELECT 1 FROM observation o WHERE o.economy = e.code AND o.disaggregation = '')
      ORDER BY e.name`
  );
  const kind = (code: string) => (DEVELOPMENT_GROUPS.includes(code) ? 'ITU world and development groups (published by ITU)' : 'ITU/BDT regions (published by ITU)');
  return rows
    .map((r) => ({ ...r, kind: kind(r.code), members: null, linked: true }))
    .sort((a, b) => Number(a.kind.startsWith('ITU/BDT')) - Number(b.kind.startsWith('ITU/BDT')) || DEVELOPMENT_GROUPS.indexOf(a.code) - DEVELOPMENT_GROUPS.indexOf(b.code) || a.name.localeCompare(b.name));
}

/** Years whose served values of an economy the publisher marks as estimates (observation_note kind 'estimate'), across its indicators. */
export async function estimateYears(economy: string): Promise<number[]> {
  const rows = await query<{ year: number }>(
    `SELECT DISTINCT n.year FROM observation_note n
       JOIN observation o ON o.batch_id = n.batch_id AND o.economy = n.economy AND o.year = n.year AND o.disaggregation = n.disaggregation
      WHERE n.economy = $1 AND n.kind = 'estimate' ORDER BY 1`,
    [economy]
  );
  return rows.map((r) => r.year);
}
