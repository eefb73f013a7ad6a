// The World Bank Source objects the orchestrator runs, in this order:
// worldbankCatalog, worldbankCountries, worldbankFiles (mirror mode) and the API reader
// (another module); the shared observations-publish step publishes what they staged.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Source, SourceContext, SourceReport } from '../../lib/context';

import { failedReport, skippedReport, sourceReport } from '../../lib/report';
import { loadCatalog, INDICATORS_FILE, ALIASES_FILE } from './catalog';
import { loadCountries } from './countries';
import { listMirrorDataFiles, stageWorldBankFiles, type DataFile, type StageSummary } from './files';
import { publishNow } from '../../observations';
import { getWithRetry } from './api';
import { apiBaseUrl, WB_API_SETTING, WDI_ORIGIN } from './batch-id';
import { OBSERVATIONS } from '../../lib/snapshot';


export const worldbankCatalog: Source = {
  id: 'worldbank-catalog',
  description: `Indicator catalog (${INDICATORS_FILE}) and old-code aliases (${ALIASES_FILE})`,
  required: true,
  origin: { ...WDI_ORIGIN, inputs: [INDICATORS_FILE, ALIASES_FILE] },
  async run(ctx) {
    const c = await loadCatalog(ctx.conn, ctx.root);
    return sourceReport({ files: 2, rowsRead: c.indicators + c.aliases, checksum: c.checksum });
  }
};

export const worldbankCountries: Source = {
  // Its economies (M49 and declared aggregates carry other citations) and World Bank groups.
  snapshot: {
    rows: [
      { table: 'economy', where: "source LIKE 'World Bank %'" },
      { table: 'economy_group', where: "classification IN ('wb_region', 'wb_income')" }
    ]
  },
  id: 'worldbank-countries',
  description: 'World Bank economies, regions and income groups (Metadata_Country files and the API country list; codes found only in data files are not economies)',
  // Online, an unreachable API must not stop the sources that do not need it.
  required: (ctx) => ctx.mirror != null,
  origin: WDI_ORIGIN,
  settings: [WB_API_SETTING],
  async run(ctx) {
    let online: { label: string; json: unknown; checksum: string } | undefined;
    if (!ctx.mirror) {
      const url = `${apiBaseUrl(ctx).replace(/\/$/, '')}/country?per_page=400&format=json`;
      try {
        const res = await getWithRetry(url, { ...ctx.online, fetch: ctx.fetch, cacheDir: ctx.cacheDir, log: ctx.log });
        const text = new TextDecoder().decode(res.bytes);
        online = { label: url, json: JSON.parse(text), checksum: res.checksum };
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        return failedReport(`${reason}; no country list loaded`);
      }
    }
    const r = await loadCountries(ctx.conn, ctx.mirror, online);
    return sourceReport({
      files: r.files,
      rowsRead: r.economies,
      rowsLoaded: r.economies + r.groups,
      checksums: r.checksums,
      vintages: r.vintages,
      messages: [`${r.economies} economies (${r.aggregates} aggregates), ${r.groups} group memberships`]
    });
  }
};

function filesReport(s: StageSummary): SourceReport {
  const undated = s.batches.filter((b) => b.vintage == null).map((b) => b.file);
  const parts = [`${s.batches.length} batches staged from ${s.files} files (${s.linesRead} lines, ${s.linesRejected} malformed)`];
  if (undated.length) parts.push(`no Last Updated Date (vintage unknown, ranked below dated files): ${[...new Set(undated)].join(', ')}`);
  if (s.problems.length) parts.push(`unreadable: ${s.problems.join('; ')}`);
  return sourceReport({
    status: s.problems.length ? 'partial' : 'ok',
    files: s.files,
    rowsRead: s.linesRead,
    rowsQuarantined: s.linesRejected,
    checksums: s.checksums,
    vintages: s.batches.map((b) => b.vintage),
    messages: parts,
    separator: '. '
  });
}

export const worldbankFiles: Source = {
  snapshot: OBSERVATIONS,
  id: 'worldbank-files',
  description: 'World Bank bulk CSV, zip and DataBank files of the mirror, staged for validation',
  required: true,
  origin: WDI_ORIGIN,
  async run(ctx) {
    if (!ctx.mirror) return skippedReport('online mode: the API reader stages World Bank data');
    return filesReport(await stageWorldBankFiles(ctx.conn, await listMirrorDataFiles(ctx.mirror)));
  }
};

/**
 * Stage and publish a given list of files (no mirror assumptions), for the benchmark.
 * The warehouse must already hold indicator, indicator_alias and economy.
 */
export async function stageAndPublishFiles(conn: DuckDBConnection, files: DataFile[]): Promise<{ staged: SourceReport; published: SourceReport }> {
  const staged = filesReport(await stageWorldBankFiles(conn, files));
  const published = await publishNow(conn);
  return { staged, published };
}
