// The printed summary: figure, value, baseline, ratio, goal, met?
export interface Row {
  figure: string;
  value: string;
  baseline: string;
  /** value / baseline (null when the figure has no baseline). */
  ratio: number | null;
  goal: string;
  /** null: no goal, or not measurable (a missing route). */
  met: boolean | null;
  extra?: string;
}

export function renderTable(rows: Row[]): string {
  const head = ['figure', 'value', 'baseline', 'ratio', 'goal', 'met?'];
  const cells = rows.map((r) => [
    r.figure,
    r.value,
    r.baseline,
    r.ratio == null ? '' : r.ratio.toFixed(2) + (r.extra ? ` (${r.extra})` : ''),
    r.goal,
    r.met == null ? '' : r.met ? 'yes' : 'NO'
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}
