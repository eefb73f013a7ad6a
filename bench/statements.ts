// Every SQL statement the process runs through @duckdb/node-api, timed: the prototype of
// DuckDBConnection is wrapped for the length of one pipeline run (the pipeline opens its own
// connections), and the statements are summed by their first words.
import { DuckDBConnection } from '@duckdb/node-api';

export interface TimedStatement {
  sql: string;
  seconds: number;
}

/** Time statements until the returned stop() is called; stop() gives what was timed. */
export function timeStatements(): () => TimedStatement[] {
  const log: TimedStatement[] = [];
  const proto = DuckDBConnection.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const originals = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  for (const method of ['run', 'runAndReadAll']) {
    const original = proto[method];
    originals.set(method, original);
    proto[method] = async function (this: unknown, ...args: unknown[]) {
      const t0 = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        log.push({ sql: String(args[0]).replace(/\s+/g, ' ').trim().slice(0, 90), seconds: (performance.now() - t0) / 1000 });
      }
    };
  }
  return () => {
    for (const [method, original] of originals) proto[method] = original;
    return log;
  };
}

/** The n slowest statements, summed by their first 70 characters. */
export function slowest(statements: TimedStatement[], n = 12): { sql: string; seconds: number; count: number }[] {
  const by = new Map<string, { sql: string; seconds: number; count: number }>();
  for (const s of statements) {
    const key = s.sql.slice(0, 70);
    const e = by.get(key) ?? { sql: key, seconds: 0, count: 0 };
    e.seconds += s.seconds;
    e.count++;
    by.set(key, e);
  }
  return [...by.values()].sort((a, b) => b.seconds - a.seconds).slice(0, n);
}
