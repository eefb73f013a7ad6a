// The UN SDG database's codes as this project encodes them.
//
// Areas: M49 numeric codes. Countries go to ISO3 through the harmoniser; these codes are the
// database's regional aggregates (the M49 regions and sub-regions, and the SDG regional
// groupings that M49 does not have: 62 Central and Southern Asia, 199 LDCs, 420 Latin
// America, 432 LLDCs, 513 Europe and Northern America, 514/515 developed/developing regions,
// 543 Oceania excluding Australia and New Zealand, 722 SIDS, 747 Northern Africa and Western
// Asia, 753 Eastern and South-Eastern Asia), declared as economies M49_<3 digits>.
//
// Disaggregations (key=value, pipelines/observations/disaggregation.ts):
//   education_level  primar -> primary, lowsec -> lower_secondary, uppsec -> upper_secondary,
//                    second -> secondary (ISCED words, shared with the UIS vintage of 4.a.1)
//   type_of_skill    the SDG code in lower case (copa copy/paste, arsp spreadsheet, ...); always present
//   age              15_24 -> 15-24, 25_74 -> 25-74, 75 -> 75+, lt15y -> lt15; allage = the total (omitted)
//   sex              female, male; bothsex = the total (omitted)
//   location         rural, urban; allarea = the total (omitted)
import { disaggregation } from '../observations';

export const SDG_REGION_CODES = new Set([
  1, 2, 5, 9, 11, 13, 14, 15, 17, 18, 19, 21, 29, 30, 34, 35, 39, 53, 54, 57, 61, 62, 142, 143, 145, 150, 151, 154, 155, 199, 202, 419, 420, 432, 513,
  514, 515, 543, 722, 747, 753
]);

export const m49Aggregate = (geo: string) => `M49_${geo.padStart(3, '0')}`;

export const EDUCATION_LEVELS: Record<string, string> = { primar: 'primary', lowsec: 'lower_secondary', uppsec: 'upper_secondary', second: 'secondary' };
const AGES: Record<string, string | null> = { allage: null, '15_24': '15-24', '25_74': '25-74', '75': '75+', lt15y: 'lt15' };
const SEXES: Record<string, string | null> = { bothsex: null, female: 'female', male: 'male' };
const LOCATIONS: Record<string, string | null> = { allarea: null, rural: 'rural', urban: 'urban' };

/** The disaggregation of one SDG datapoint from its key columns, or why it cannot be encoded. */
export function sdgDisaggregation(keys: Record<string, string>): { text: string } | { error: string } {
  const parts: Record<string, string | null> = {};
  const pick = (key: string, table: Record<string, string | null>, label: string): string | null => {
    if (!(key in keys)) return null;
    const v = keys[key];
    if (!(v in table)) throw new Error(`unknown ${label} code "${v}"`);
    parts[key] = table[v];
    return null;
  };
  try {
    pick('education_level', EDUCATION_LEVELS, 'education level');
    pick('age', AGES, 'age');
    pick('sex', SEXES, 'sex');
    pick('location', LOCATIONS, 'location');
    if ('type_of_skill' in keys) {
      if (!/^[a-z][a-z0-9_]*$/.test(keys.type_of_skill)) throw new Error(`unknown type of skill code "${keys.type_of_skill}"`);
      parts.type_of_skill = keys.type_of_skill;
    }
    return { text: disaggregation(parts) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}
