import type { Reroute } from '@sveltejs/kit';
import { routePath } from '$lib/i18n/links';

// /fr/targets/10 and /es/targets/10 are the route /targets/10; the language comes from the URL
// (paraglideMiddleware in hooks.server.ts), so every view in every language is a shareable link.
export const reroute: Reroute = ({ url }) => routePath(url);
