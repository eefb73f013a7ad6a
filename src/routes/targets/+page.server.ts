import { targetIndicators, targets } from '$lib/server/queries/targets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const [ts, inds] = await Promise.all([targets(), targetIndicators()]);
  return {
    targets: ts.map((t) => ({
      ...t,
      indicators: inds.filter((i) => i.target === t.target).length,
      withData: inds.filter((i) => i.target === t.target && i.seriesCode && i.observations > 0).length
    }))
  };
};
