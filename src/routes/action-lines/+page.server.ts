import { actionLines } from '$lib/server/queries/action-lines';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const lines = await actionLines();
  return { lines };
};
