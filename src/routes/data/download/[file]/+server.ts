import { error } from '@sveltejs/kit';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { buildInfo, contentType, exportPath, isExportFile } from '$lib/server/api/export-files';
import { CACHE_CONTROL, CORS_HEADERS, etagMatches } from '$lib/server/api/responses';
import { warehouseVersion } from '$lib/server/warehouse';
import type { RequestHandler } from './$types';

// /data/download/<file>: the export files of the current build, streamed from
// build_info.exports_dir. Only names in the export list are served (no paths).
export const GET: RequestHandler = async ({ params, request }) => {
  const name = params.file;
  if (!isExportFile(name)) error(404, `No export file called ${name}. The files are listed on /data and in datapackage.json.`);
  const build = await buildInfo();
  if (!build) error(404, 'This warehouse records no exports (no build_info row).');
  const path = exportPath(build, name);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) error(404, `The export ${name} is missing from this build's folder.`);
  const etag = `"${warehouseVersion()}-${name}"`;
  const headers: Record<string, string> = { etag, 'cache-control': CACHE_CONTROL, ...CORS_HEADERS };
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  const body = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      ...headers,
      'content-type': contentType(name),
      'content-length': String(info.size),
      'content-disposition': `${name === 'datapackage.json' ? 'inline' : 'attachment'}; filename="${name}"`
    }
  });
};
