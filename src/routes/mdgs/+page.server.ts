import { mdgActionLineLinks, mdgGoals, mdgTargets, worldVerdicts } from '$lib/server/queries/mdgs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const [goals, targets, world, links] = await Promise.all([mdgGoals(), mdgTargets(), worldVerdicts(), mdgActionLineLinks({})]);
  return { goals, targets, world, links };
};
