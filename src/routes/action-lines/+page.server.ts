import { actionLines } from '$lib/server/queries/action-lines';
import { completeness } from '$lib/server/queries/completeness';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const [lines, reported] = await Promise.all([actionLines(), completeness()]);
  return { lines, completeness: reported };
};
