// Population-weighted group aggregates that say how much of the group's population they cover.
import { COVERAGE_THRESHOLD } from './constants';

export type CountryYearValue = { country: string; year: number; value: number };

export type AggregateOptions = {
  /** The group's member countries (codes as in the inputs); rows for other countries are ignored. */
  members: string[];
  /** Years to compute; default: every year in which a member has a value. */
  years?: number[];
};

export type AggregatePoint = {
  year: number;
  /** Population-weighted mean of the members with data; null when not available (never a number then). */
  value: number | null;
  available: boolean;
  /** Population of members with a value / population of all members with a population figure, that year. */
  coverage: number;
  countriesWithData: number;
  countriesTotal: number;
  populationWithData: number;
  populationTotal: number;
  /** Members without a population figure that year: they cannot be weighted, nor counted in the denominator. */
  missingPopulation: string[];
  coverageThreshold: number;
};

/**
 * value(year) = Σ pop_c v_c / Σ pop_c over members c with both a value and a population;
 * coverage = that Σ pop_c / Σ pop over all members with a population; available when
 * coverage >= COVERAGE_THRESHOLD (exactly 0.5 is available). Never an unweighted mean.
 */
export function aggregate(values: CountryYearValue[], populations: CountryYearValue[], options: AggregateOptions): AggregatePoint[] {
  const members = new Set(options.members);
  if (members.size === 0) throw new Error('invalid members: empty group');
  const value = indexByCountryYear(values, members, 'value');
  const population = indexByCountryYear(populations, members, 'population');
  for (const [key, pop] of population) if (pop < 0) throw new Error(`invalid population for ${key}: ${pop}`);

  const years = options.years ?? [...new Set([...value.keys()].map((k) => yearOf(k)))].sort((a, b) => a - b);
  return years.map((year) => {
    if (!Number.isInteger(year)) throw new Error(`invalid year: ${year}`);
    let weighted = 0, populationWithData = 0, populationTotal = 0, countriesWithData = 0;
    const missingPopulation: string[] = [];
    for (const country of members) {
      const pop = population.get(key(country, year));
      if (pop === undefined) {
        missingPopulation.push(country);
        continue;
      }
      populationTotal += pop;
      const v = value.get(key(country, year));
      if (v === undefined) continue;
      weighted += pop * v;
      populationWithData += pop;
      countriesWithData += 1;
    }
    const coverage = populationTotal > 0 ? populationWithData / populationTotal : 0;
    const available = populationWithData > 0 && coverage >= COVERAGE_THRESHOLD;
    return {
      year,
      value: available ? weighted / populationWithData : null,
      available,
      coverage,
      countriesWithData,
      countriesTotal: members.size,
      populationWithData,
      populationTotal,
      missingPopulation,
      coverageThreshold: COVERAGE_THRESHOLD
    };
  });
}

function key(country: string, year: number): string {
  return `${country}|${year}`;
}

function yearOf(k: string): number {
  return Number(k.slice(k.lastIndexOf('|') + 1));
}

function indexByCountryYear(rows: CountryYearValue[], members: Set<string>, what: string): Map<string, number> {
  const index = new Map<string, number>();
  for (const r of rows) {
    if (!members.has(r.country)) continue;
    if (!Number.isInteger(r.year)) throw new Error(`invalid ${what} year for ${r.country}: ${r.year}`);
    if (!Number.isFinite(r.value)) throw new Error(`invalid ${what} for ${r.country} ${r.year}: ${r.value}`);
    const k = key(r.country, r.year);
    if (index.has(k)) throw new Error(`duplicate ${what} for ${r.country} ${r.year}`);
    index.set(k, r.value);
  }
  return index;
}
