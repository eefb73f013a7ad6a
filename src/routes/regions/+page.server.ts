import { regionIndex } from '$lib/server/queries/regions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  return { groups: await regionIndex() };
};
