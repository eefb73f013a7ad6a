import { countryIndex } from '$lib/server/queries/countries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  return { countries: await countryIndex() };
};
