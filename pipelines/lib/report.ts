// What a source returns to the runner, built in one place: counts default to 0, checksums
// combine into one, vintages become one "first..last" range, messages join with '; '.
import type { SourceContext, SourceReport } from './context';
import { combineChecksums } from './checksum';

export interface ReportParts {
  status?: SourceReport['status'];
  files?: number;
  rowsRead?: number;
  /** Default: rowsRead - rowsQuarantined. */
  rowsLoaded?: number;
  rowsQuarantined?: number;
  /** Input checksums (hex), combined into one; or give checksum directly. */
  checksums?: string[];
  checksum?: string | null;
  /** Vintages of the inputs (YYYY-MM-DD), in any order, repeats allowed. */
  vintages?: (string | null | undefined)[];
  /** Sentences; empty ones are dropped. */
  messages?: (string | null | undefined | false)[];
  /** Separator of the messages (default '; '). */
  separator?: string;
}

/** One vintage, "first..last", or null. */
export function vintageRange(vintages: (string | null | undefined)[]): string | null {
  const v = [...new Set(vintages.filter((x): x is string => !!x))].sort();
  return v.length === 0 ? null : v.length === 1 ? v[0] : `${v[0]}..${v[v.length - 1]}`;
}

export function sourceReport(p: ReportParts = {}): SourceReport {
  const rowsRead = p.rowsRead ?? 0;
  const rowsQuarantined = p.rowsQuarantined ?? 0;
  return {
    status: p.status ?? 'ok',
    files: p.files ?? 0,
    rowsRead,
    rowsLoaded: p.rowsLoaded ?? rowsRead - rowsQuarantined,
    rowsQuarantined,
    checksum: p.checksum !== undefined ? p.checksum : combineChecksums(p.checksums ?? []),
    vintage: vintageRange(p.vintages ?? []),
    message: (p.messages ?? []).filter((m): m is string => !!m).join(p.separator ?? '; ')
  };
}

/** Nothing read, and why (online mode, no input in the mirror). */
export const skippedReport = (message: string): SourceReport => sourceReport({ status: 'skipped', messages: [message] });

/** Nothing loaded, and why. */
export const failedReport = (message: string): SourceReport => sourceReport({ status: 'failed', messages: [message] });

/** The run of a source that reads only the mirror: skipped online, with the reason. */
export function needsMirror(reason: string, run: (ctx: SourceContext, mirror: string) => Promise<SourceReport>): (ctx: SourceContext) => Promise<SourceReport> {
  return async (ctx) => (ctx.mirror ? run(ctx, ctx.mirror) : skippedReport(reason));
}
