import { error } from '@sveltejs/kit';
import { chartDefinition } from '$lib/server/chart-data';
import { indicatorVerdicts, mdgActionLineLinks, mdgGoals, mdgIndicators, mdgTargets, ruleFor, statusCounts, countryRegions } from '$lib/server/queries/mdgs';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';

/** The country shown first beside the ICT series: Kenya, a country the seeds' era watched closely for mobile adoption. */
const DEFAULT_COUNTRY = 'KEN';

export const load: PageServerLoad = async ({ params, url }) => {
  const n = /^[1-8]$/.test(params.goal) ? Number(params.goal) : NaN;
  const goal = Number.isInteger(n) ? (await mdgGoals()).find((g) => g.goal === n) : undefined;
  if (!goal) error(404, m.err_no_mdg({ goal: params.goal }));

  const [targets, indicators, links, countries] = await Promise.all([mdgTargets(n), mdgIndicators(n), mdgActionLineLinks({ goal: n }), countryRegions()]);
  const withData = indicators.filter((i) => i.observations > 0);

  // ICT beside the MDG: ?indicator= picks the MDG series (default the first with a goal), ?country= the country.
  const rawIndicator = url.searchParams.get('indicator');
  const ictIndicator = rawIndicator ? withData.find((i) => i.id === rawIndicator) : (withData.find((i) => ruleFor(i)) ?? withData[0]);
  if (rawIndicator && !ictIndicator) error(400, m.err_mdg_no_indicator({ n, indicator: rawIndicator }));
  const rawCountry = (url.searchParams.get('country') ?? '').toUpperCase();
  const country = rawCountry || DEFAULT_COUNTRY;
  if (!countries.has(country)) error(400, m.err_unknown_country({ value: String(rawCountry) }));

  const sections = await Promise.all(
    withData.map(async (ind) => {
      const q = new URLSearchParams({ indicator: ind.id });
      const [{ verdicts }, worldChart, countriesChart] = await Promise.all([
        indicatorVerdicts(ind),
        chartDefinition('mdg-world')!(q),
        ruleFor(ind) ? chartDefinition('mdg-countries')!(q) : Promise.resolve(null)
      ]);
      return {
        indicator: ind,
        world: verdicts.find((v) => v.kind === 'world') ?? null,
        groups: verdicts.filter((v) => v.kind !== 'country'),
        counts: statusCounts(verdicts),
        worldChart,
        countriesChart
      };
    })
  );

  // Goal 8's indicators are the ICT series themselves: nothing to set beside them.
  const ict =
    n !== 8 && ictIndicator
      ? {
          indicator: ictIndicator.id,
          country,
          countryChart: await chartDefinition('mdg-ict-country')!(new URLSearchParams({ indicator: ictIndicator.id, country })),
          scatter: await chartDefinition('mdg-ict-scatter')!(new URLSearchParams({ indicator: ictIndicator.id }))
        }
      : null;

  return {
    goal,
    targets,
    indicators,
    sections,
    links,
    ict,
    ictChoices: withData.map((i) => ({ id: i.id, name: i.name })),
    countries: [...countries.entries()].map(([code, c]) => ({ code, name: c.name })).sort((a, b) => a.name.localeCompare(b.name))
  };
};
