import { describe, expect, it } from 'vitest';
import { classifyQuadrants, median, QUADRANTS, quadrantCounts, quadrantSpec } from './quadrant';
import { renderPlot } from '../server/plot-render';

const pts = [
  { code: 'A', label: 'A', activity: 10, movement: 30 },
  { code: 'B', label: 'B', activity: 10, movement: 2 },
  { code: 'C', label: 'C', activity: 1, movement: 25 },
  { code: 'D', label: 'D', activity: 1, movement: 1 },
  { code: 'E', label: 'E', activity: 3, movement: 10 }
];

describe('classifyQuadrants', () => {
  it('splits at the medians (3 entries, 10 points); a point on a median counts as few / little', () => {
    expect(median([10, 10, 1, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    const c = classifyQuadrants(pts);
    expect([c.xSplit, c.ySplit]).toEqual([3, 10]);
    expect(c.points.map((p) => [p.code, p.quadrant])).toEqual([
      ['A', QUADRANTS.manyMuch],
      ['B', QUADRANTS.manyLittle],
      ['C', QUADRANTS.fewMuch],
      ['D', QUADRANTS.fewLittle],
      ['E', QUADRANTS.fewLittle]
    ]);
    expect(quadrantCounts(c.points).map((q) => q.n)).toEqual([1, 1, 1, 2]);
  });

  it('draws the caveat on the chart', () => {
    const svg = renderPlot(quadrantSpec(classifyQuadrants(pts), { xLabel: 'Entries', yLabel: 'Change', caveat: 'Entries are a convenience sample.' }));
    expect(svg).toContain('Entries are a convenience sample.');
    expect(svg).toContain(QUADRANTS.manyLittle);
  });
});
