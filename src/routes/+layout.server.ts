// Every page (except the bare /embed view) says when it shows a source whose rows this build
// reused from an earlier build; a warehouse that cannot be read leaves that to the page's own answer.
import { routePath } from '$lib/i18n/links';
import { noticesFor } from '$lib/reused/notices';
import { reusedSources } from '$lib/server/queries/reused';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ url }) => {
  const reused = await reusedSources().catch(() => []);
  // The route's own path: /fr/targets/10 shows what /targets/10 shows.
  return { reusedNotices: noticesFor(routePath(url), reused) };
};
