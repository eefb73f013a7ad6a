// Methodology: METHOD.md rendered, the thresholds as the code holds them, and where every served
// value comes from (run record, batches, quarantine) in the warehouse being read.
import methodEn from '$lib/progress/METHOD.md?raw';
import methodEs from '$lib/progress/METHOD.es.md?raw';
import methodFr from '$lib/progress/METHOD.fr.md?raw';
import { getLocale } from '$lib/i18n/locale';
import { markdownToHtml } from '$lib/markdown';
import * as constants from '$lib/progress/constants';
import { query } from '$lib/server/warehouse';
import type { PageServerLoad } from './$types';
import { perBuildHtml, perBuildRender } from '$lib/server/page-splice';
import ServedTable from '$lib/components/ServedTable.svelte';
import { servedSeries } from '$lib/server/queries/methodology';

/** METHOD.md in each interface language (a test keeps the translations' structure and names in step). */
const METHOD: Record<string, string> = { en: methodEn, fr: methodFr, es: methodEs };
/**
 * The text is part of the app, not of the warehouse, but is kept per build and language
 * (perBuildHtml) so that it is prepared, encoded and compressed, for the responses that splice it in.
 */
const methodFor = (locale: string) => perBuildHtml('methodology-text', locale, () => markdownToHtml(METHOD[locale] ?? methodEn));

export const load: PageServerLoad = async () => {
  const locale = getLocale();
  const [runs, servedHtml, quarantine, build, methodHtml] = await Promise.all([
    query(
      `SELECT source, status, files, rows_read AS "rowsRead", rows_loaded AS "rowsLoaded", rows_quarantined AS "rowsQuarantined",
              vintage, checksum, message, CAST(started_at AS VARCHAR) AS "startedAt"
         FROM run_record ORDER BY started_at, source`
    ),
    // A row per served series (over a thousand at 1,000 indicators): rendered once per build and language.
    perBuildRender('methodology-served', locale, ServedTable, async () => ({ served: await servedSeries() })),
    query('SELECT source, count(*)::INTEGER AS "rows", count(DISTINCT file)::INTEGER AS files FROM quarantine GROUP BY source ORDER BY source'),
    query('SELECT run_id AS "runId", CAST(built_at AS VARCHAR) AS "builtAt", mode FROM build_info LIMIT 1'),
    methodFor(locale)
  ]);
  const thresholds = Object.entries(constants)
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string')
    .map(([name, value]) => ({ name, value: value as number | string }));
  return { methodHtml, thresholds, runs, servedHtml, quarantine, build: build[0] ?? null };
};
