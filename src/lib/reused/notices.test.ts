import { describe, expect, it } from 'vitest';
import { noticesFor, reuseReason, type ReusedSource } from './notices';

const files: ReusedSource = {
  source: 'worldbank-files',
  reusedFrom: '2026-11-28T09-15-00-000Z',
  message: "today's fetch failed: the rows of build 2026-11-28T09-15-00-000Z are served. This run: worldbank/zip/Population.zip: unreadable file"
};
const api: ReusedSource = { ...files, source: 'worldbank-api' };
const matrix: ReusedSource = { source: 'wsis-matrix', reusedFrom: '2026-11-27T08-00-00-000Z', message: "today's fetch failed: the rows of build 2026-11-27T08-00-00-000Z are served" };

describe('noticesFor', () => {
  it('puts a reused source on the pages that show its data, once per label, with the date and reason', () => {
    expect(noticesFor('/targets/10', [files, api, matrix])).toEqual([{ source: 'worldbank-files', label: 'World Bank', date: '2026-11-28', reason: { kind: 'failed' } }]);
    expect(noticesFor('/action-lines/C2', [files, matrix]).map((n) => n.label)).toEqual(['World Bank', 'WSIS-SDG matrix']);
    expect(noticesFor('/', [matrix])).toEqual([]);
    expect(noticesFor('/stocktaking', [files])).toEqual([]);
    expect(noticesFor('/targetsx', [files])).toEqual([]);
  });

  it('lists every reused source on /data and /methodology', () => {
    expect(noticesFor('/data', [files, matrix]).map((n) => n.source)).toEqual(['worldbank-files', 'wsis-matrix']);
  });

  it('reads the reason the pipeline wrote at the head of the message', () => {
    expect(reuseReason("today's fetch loaded 0 rows, 7702 in the served build (less than 90 %): the rows of build X are served")).toEqual({ kind: 'incomplete', got: 0, of: 7702, unit: 'rows' });
    expect(reuseReason("today's fetch covers 100 economies, 217 in the served build (less than 90 %): the rows of build X are served")).toEqual({ kind: 'incomplete', got: 100, of: 217, unit: 'economies' });
    expect(reuseReason('the source was skipped in this run: the rows of build X are served. This run: online mode')).toEqual({ kind: 'skipped' });
    expect(reuseReason('something new')).toEqual({ kind: 'other', text: 'something new' });
  });
});
