import { apiGet, json, preflight } from '$lib/server/api/responses';
import { openApiDocument } from '$lib/server/api/openapi';

export const GET = apiGet(async (_query, { url }) => json(openApiDocument(`${url.origin}/api/v1`)));
export const OPTIONS = preflight;
