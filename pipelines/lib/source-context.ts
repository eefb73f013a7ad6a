// The SourceContext the runner (and the test context) hands to every source. It knows the
// running source, so refused rows are stamped with its id, and a source reads only the
// environment settings it declares.
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { QuarantineRow, Source, SourceContext } from './context';
import { insertQuarantine } from './warehouse';
import { projectRoot } from './paths';

export interface ContextOptions {
  conn: DuckDBConnection;
  mirror?: string | null;
  root?: string;
  cacheDir?: string;
  log?: (message: string) => void;
  fetch?: typeof fetch;
  online?: Partial<SourceContext['online']>;
  /** Where settings are read (default process.env, read at call time). */
  env?: Record<string, string | undefined>;
  /** Called with every quarantined row after it is stamped and stored (tests collect them). */
  onQuarantine?: (rows: QuarantineRow[]) => void;
}

export interface RunningContext {
  ctx: SourceContext;
  /** The source now running: its id stamps quarantine rows, its settings are readable. */
  enter: (source: Pick<Source, 'id' | 'settings'>) => void;
}

export const DEFAULT_ONLINE: SourceContext['online'] = { timeoutMs: 20_000, retries: 3, backoffMs: 1_000, baseUrl: '' };

export function createSourceContext(o: ContextOptions): RunningContext {
  let current: Pick<Source, 'id' | 'settings'> = { id: 'unknown' };
  const ctx: SourceContext = {
    conn: o.conn,
    mirror: o.mirror ?? null,
    root: o.root ?? projectRoot,
    cacheDir: o.cacheDir ?? resolve(projectRoot, 'data/cache'),
    log: o.log ?? (() => {}),
    quarantine: async (rows) => {
      const stamped = rows.map((r) => ({ ...r, source: r.source ?? current.id }));
      await insertQuarantine(o.conn, stamped);
      o.onQuarantine?.(stamped);
    },
    setting: (env) => {
      if (!current.settings?.some((s) => s.env === env)) {
        throw new Error(`source ${current.id} reads setting ${env} without declaring it (Source.settings)`);
      }
      return (o.env ?? process.env)[env] || undefined;
    },
    fetch: o.fetch ?? fetch,
    online: { ...DEFAULT_ONLINE, ...o.online }
  };
  return { ctx, enter: (source) => (current = source) };
}

/** The folders named by settings declared as input folders (for the input fingerprint). */
export function settingInputDirs(sources: Source[], env: Record<string, string | undefined> = process.env): string[] {
  const names = new Set(sources.flatMap((s) => s.settings ?? []).filter((s) => s.inputDir).map((s) => s.env));
  return [...names].map((n) => env[n]).filter((v): v is string => !!v);
}
