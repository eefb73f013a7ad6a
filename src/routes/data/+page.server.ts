import { error } from '@sveltejs/kit';
import { stat } from 'node:fs/promises';
import { LICENCE_NOTE } from '../../../pipelines/publish/exports';
import { buildInfo, DATAPACKAGE, exportPath, readDataPackage, ZIP, PUBLISHED_TABLES, type BuildInfo } from '$lib/server/api/export-files';
import { perBuild } from '$lib/server/build-memo';
import { citation, dataCredit } from '$lib/server/api/citation';
import { DEFAULT_LIMIT, MAX_LIMIT } from '$lib/server/api/params';
import { query, queryOne } from '$lib/server/warehouse';
import { reusedSources } from '$lib/server/queries/reused';
import { perBuildHtml, perBuildRender } from '$lib/server/page-splice';
import DataDictionary from '$lib/components/DataDictionary.svelte';
import { batchesTableHtml, type BatchRow } from '$lib/batch-table';
import { getLocale } from '$lib/i18n/locale';
import type { PageServerLoad } from './$types';

// Tables with a per-row `source` column: how many distinct citations each carries. Table names
// come from the schema, never from the request.
const WITH_SOURCE = PUBLISHED_TABLES.filter((t) => t.columns.some((c) => c.name === 'source'));
const SOURCES_SQL = WITH_SOURCE.map(
  (t) => `SELECT '${t.name}' AS "table", count(DISTINCT source)::INTEGER AS n FROM "${t.name}"`
).join(' UNION ALL ');

/**
 * The published tables as the data package describes them, with each one's download citation:
 * once per build and origin (the package is a file of the build's exports, read and parsed;
 * at scale, 0.5 ms and more of every render before it was kept).
 */
function packageTables(build: BuildInfo, origin: string) {
  return perBuild('data-package', origin, async () => {
    const [pkg, zipStat, sourceCounts] = await Promise.all([
      readDataPackage(build),
      stat(exportPath(build, ZIP)).catch(() => null),
      query<{ table: string; n: number }>(SOURCES_SQL)
    ]);
    const download = (file: string) => `${origin}/data/download/${file}`;
    const sourcesByTable = new Map(sourceCounts.map((r) => [r.table, r.n]));
    const tables = pkg.resources.map((r) => ({
      name: r.title,
      description: r.description,
      rows: r.rows,
      primaryKey: r.schema.primaryKey ?? [],
      fields: r.schema.fields.map((f) => ({
        ...f,
        unit: f.unit ?? (f.name === 'value' ? 'unit of the indicator (indicator.unit)' : f.name === 'year' ? 'calendar year' : '')
      })),
      files: [
        { format: 'CSV', path: r.path, bytes: r.bytes },
        ...Object.entries(r.alternates).map(([format, a]) => ({ format: format === 'json' ? 'JSON' : 'Parquet', path: a.path, bytes: a.bytes }))
      ],
      distinctSources: sourcesByTable.get(r.title) ?? null,
      credit: dataCredit(r.title),
      citation: citation({ runId: build.run_id, builtAt: build.built_at, table: r.title, url: download(r.path) })
    }));
    return { licenses: pkg.licenses, zipBytes: zipStat?.size ?? null, tables };
  });
}

export const load: PageServerLoad = async ({ url }) => {
  const build = await buildInfo();
  if (!build) error(503, 'This warehouse records no build (no build_info row): run the pipeline.');
  const [{ licenses, zipBytes, tables }, runRecord, batchesHtml, quarantine, reused] = await Promise.all([
    packageTables(build, url.origin),
    query(
      `SELECT source, status, files, rows_read, rows_loaded, rows_quarantined, vintage, message
         FROM run_record ORDER BY started_at, source`
    ),
    // Every batch (over a thousand with a thousand indicators): written as HTML once per build and
    // language, encoded and compressed once for the responses that splice it in (page-splice.ts).
    perBuildHtml('data-batches', getLocale(), async () =>
      batchesTableHtml(
        await query<BatchRow>(
          `SELECT indicator, vintage, layout, file, rows_loaded, is_served
             FROM observation_batch ORDER BY indicator, vintage DESC NULLS LAST, file`
        )
      )
    ),
    queryOne<{ n: number }>('SELECT count(*)::INTEGER AS n FROM quarantine'),
    reusedSources()
  ]);
  // The dictionary (a section per table, with its columns) depends on the build, language and
  // origin only: rendered once for each.
  const dictionaryHtml = await perBuildRender('data-dictionary', `${getLocale()}|${url.origin}`, DataDictionary, () => ({ tables }));
  return {
    origin: url.origin,
    build: { runId: build.run_id, builtAt: build.built_at, mode: build.mode },
    packageFile: DATAPACKAGE,
    zipFile: ZIP,
    zipBytes,
    licenceNote: LICENCE_NOTE,
    licenses,
    tableCount: tables.length,
    hasQuarantineTable: tables.some((t) => t.name === 'quarantine'),
    dictionaryHtml,
    runRecord,
    reused,
    batchesHtml,
    quarantineRows: quarantine?.n ?? 0,
    quarantinedByRunRecord: runRecord.reduce((s, r) => s + Number(r.rows_quarantined ?? 0), 0),
    api: { defaultLimit: DEFAULT_LIMIT, maxLimit: MAX_LIMIT }
  };
};
