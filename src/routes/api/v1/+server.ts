import { apiGet, json, preflight } from '$lib/server/api/responses';
import { openApiDocument } from '$lib/server/api/openapi';

// /api/v1: where to start: the OpenAPI document, each endpoint, and the file downloads.
export const GET = apiGet(async (_query, { url }) => {
  const doc = openApiDocument(`${url.origin}/api/v1`);
  return json({
    title: doc.info.title,
    version: doc.info.version,
    openapi: `${url.origin}/api/v1/openapi.json`,
    datapackage: `${url.origin}/data/download/datapackage.json`,
    endpoints: Object.entries(doc.paths)
      .filter(([path]) => path !== '/')
      .map(([path, item]) => ({ path: `/api/v1${path}`, summary: item.get.summary }))
  });
});
export const OPTIONS = preflight;
