import { regionIndex } from '$lib/server/queries/regions';
import { ituRegionIndex } from '$lib/server/queries/itu-regions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const [own, itu] = await Promise.all([regionIndex(), ituRegionIndex()]);
  return { groups: [...own, ...itu] };
};
