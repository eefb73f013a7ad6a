import type { Reroute, Transport } from '@sveltejs/kit';
import { routePath } from '$lib/i18n/links';
import { unhydratedPageData } from '$lib/page-data-stub';

// /fr/targets/10 and /es/targets/10 are the route /targets/10; the language comes from the URL
// (paraglideMiddleware in hooks.server.ts), so every view in every language is a shareable link.
export const reroute: Reroute = ({ url }) => routePath(url);

/** Load data is not serialised into pages that never hydrate (lib/page-data-stub.ts). */
export const transport: Transport = { unhydratedPageData };
