// Country queries: a country's classification, the vintages its series come from, how
// older vintages revised its figures, and the stocktaking entries that list it.
import { perBuild } from '../build-memo';
import { estimateBytes } from '../byte-budget';
import { query, queryUncached } from '../warehouse';
import { ECONOMY_CODE } from './regions';

export interface Country {
  code: string;
  name: string;
  iso2: string | null;
  m49: string | null;
  wbRegion: string | null;
  wbRegionCode: string | null;
  wbIncomeGroup: string | null;
  wbIncomeCode: string | null;
  unRegion: string | null;
  unSubregion: string | null;
  ldc: boolean | null;
  lldc: boolean | null;
  sids: boolean | null;
  developed: boolean | null;
}

/** A country (never an aggregate) by upper-case ISO3 code; null if malformed or unknown. */
export async function countryByCode(code: string): Promise<Country | null> {
  if (!ECONOMY_CODE.test(code) || !/^[A-Z]{3}$/.test(code)) return null;
  // Every country in one query per build, by code: a first visit costs no query, and a lookup
  // no copy of every country (a country page looks its country up five times).
  const byCode = await perBuild(
    'countries-by-code',
    '',
    async () => {
      const rows = await queryUncached<Country>(
        `SELECT e.code, e.name, e.iso2, e.m49, e.wb_region AS "wbRegion",
                (SELECT g.group_code FROM economy_group g WHERE g.classification = 'wb_region' AND g.economy = e.code LIMIT 1) AS "wbRegionCode",
                e.wb_income_group AS "wbIncomeGroup",
                (SELECT g.group_code FROM economy_group g WHERE g.classification = 'wb_income' AND g.economy = e.code LIMIT 1) AS "wbIncomeCode",
                e.un_region AS "unRegion", e.un_subregion AS "unSubregion", e.ldc, e.lldc, e.sids, e.developed
           FROM economy e WHERE NOT e.is_aggregate`
      );
      return new Map(rows.map((c) => [c.code, c]));
    },
    (m) => 2 * estimateBytes([...m.values()])
  );
  const country = byCode.get(code);
  return country ? { ...country } : null;
}

export interface CountryListItem {
  code: string;
  name: string;
  region: string;
  regionCode: string | null;
  income: string | null;
}

/** Every country, grouped by World Bank region (countries without one last). */
export async function countryIndex(): Promise<CountryListItem[]> {
  return query<CountryListItem & Record<string, string | null>>(
    `SELECT e.code, e.name, coalesce(e.wb_region, 'No World Bank region') AS region,
            (SELECT g.group_code FROM economy_group g WHERE g.classification = 'wb_region' AND g.economy = e.code LIMIT 1) AS "regionCode",
            e.wb_income_group AS income
       FROM economy e WHERE NOT e.is_aggregate
      ORDER BY e.wb_region IS NULL, e.wb_region, e.name`
  );
}

export interface Revision {
  year: number;
  vintage: string | null;
  value: number;
  file: string;
  served: boolean;
}

/**
 * For the years where vintages disagree (beyond rounding to 0.01), every vintage's value of
 * that year; `served` marks the value the observation table serves.
 */
export async function revisions(indicator: string, economy: string): Promise<Revision[]> {
  const byEconomy = await perBuild('revisions', indicator, () => revisionsByEconomy(indicator), revisionsBytes);
  return (byEconomy.get(economy) ?? []).map((r) => ({ ...r }));
}

/** Heap estimate for the memo's byte budget: about 150 bytes a revision plus its file name. */
function revisionsBytes(byEconomy: Map<string, Revision[]>): number {
  let n = 64;
  for (const list of byEconomy.values()) for (const r of list) n += 150 + 2 * r.file.length;
  return n + byEconomy.size * 200;
}

/** Every economy's revisions of an indicator in one query (once per build); most series have none. */
async function revisionsByEconomy(indicator: string): Promise<Map<string, Revision[]>> {
  const rows = await query<Revision & { economy: string } & Record<string, string | number | boolean | null>>(
    `WITH v AS (
       SELECT a.economy, a.year, a.vintage, a.value, b.file, a.batch_id
         FROM observation_all a JOIN observation_batch b ON b.batch_id = a.batch_id
        WHERE a.indicator = $1 AND a.disaggregation = ''
     ), differing AS (
       SELECT economy, year FROM v GROUP BY economy, year HAVING max(value) - min(value) >= 0.01
     )
     SELECT v.economy, v.year, v.vintage, v.value, v.file,
            EXISTS (SELECT 1 FROM observation o WHERE o.indicator = $1 AND o.economy = v.economy AND o.year = v.year AND o.batch_id = v.batch_id AND o.disaggregation = '') AS served
       FROM v JOIN differing USING (economy, year)
      ORDER BY v.economy, v.year, v.vintage DESC NULLS LAST, v.file`,
    [indicator]
  );
  const out = new Map<string, Revision[]>();
  for (const { economy, ...r } of rows) {
    let list = out.get(economy);
    if (!list) out.set(economy, (list = []));
    list.push(r);
  }
  return out;
}

export interface StocktakingEntry {
  id: string;
  title: string;
  leadOrganisation: string | null;
  stakeholderType: string | null;
  status: string | null;
  startYear: number | null;
  actionLines: string | null;
}

/** Stocktaking entries whose countries list (ISO3, `;`-separated) names the country. */
export async function stocktakingFor(iso3: string): Promise<StocktakingEntry[]> {
  // The whole (small) register once per build, with its countries split; filtered here per country.
  const rows = await query<StocktakingEntry & { countries: string[] } & Record<string, string | number | string[] | null>>(
    `SELECT s.id, s.title, s.lead_organisation AS "leadOrganisation", s.stakeholder_type AS "stakeholderType",
            s.status, s.start_year AS "startYear",
            (SELECT string_agg(a.action_line, '; ' ORDER BY a.action_line) FROM stocktaking_action_line a WHERE a.entry = s.id) AS "actionLines",
            list_transform(string_split(coalesce(s.countries, ''), ';'), x -> upper(trim(x))) AS countries
       FROM stocktaking_entry s
      ORDER BY s.start_year DESC NULLS LAST, s.id`
  );
  return rows.filter((r) => r.countries.includes(iso3)).map(({ countries: _c, ...r }) => r);
}
