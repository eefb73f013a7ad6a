import { describe, expect, it } from 'vitest';
import { renderPlot } from '$lib/server/plot-render';
import { projectionChartSpec } from './projection';
import { coverageChartSpec } from './coverage';

describe('projectionChartSpec', () => {
  const points = [
    { year: 2005, value: 15.6, kind: 'observed' as const },
    { year: 2010, value: 28.7, kind: 'observed' as const },
    { year: 2010, value: 28, kind: 'projected' as const },
    { year: 2015, value: 41, kind: 'projected' as const }
  ];

  it('draws observed and projected lines apart, with the goal and the horizon', () => {
    const spec = projectionChartSpec(points, { yLabel: '%', goal: 50, horizon: 2015 });
    const marks = spec.marks as unknown as { data: unknown[] }[];
    expect(marks.length).toBe(13);
    expect((spec.y as { domain: number[] }).domain).toEqual([0, 52.5]);
    const svg = renderPlot(spec);
    expect(svg).toContain('goal 50');
    expect(svg).toContain('horizon 2015');
    expect(svg).toContain('stroke-dasharray="6,4"');
    // Every labelled group is hidden from assistive technology (the Chart wrapper and table carry the meaning).
    const groups = svg.match(/<g [^>]*aria-label="[^"]*"[^>]*>/g) ?? [];
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g).toContain('aria-hidden="true"');
  });

  it('refuses an unknown point kind', () => {
    expect(() => projectionChartSpec([{ year: 1, value: 1, kind: 'guess' as 'observed' }], { yLabel: '', goal: 1, horizon: 2 })).toThrow(/invalid point kind/);
  });
});

describe('coverageChartSpec', () => {
  it('draws the total behind the countries with data, y up to the total', () => {
    const spec = coverageChartSpec([
      { year: 2003, countriesWithData: 150, countriesTotal: 217 },
      { year: 2004, countriesWithData: 190, countriesTotal: 217 }
    ]);
    expect((spec.y as { domain: number[] }).domain).toEqual([0, 217]);
    const svg = renderPlot(spec);
    expect(svg).toContain('<rect');
    for (const g of svg.match(/<g [^>]*aria-label="[^"]*"[^>]*>/g) ?? []) expect(g).toContain('aria-hidden="true"');
  });

  it('refuses more countries with data than countries', () => {
    expect(() => coverageChartSpec([{ year: 2003, countriesWithData: 5, countriesTotal: 4 }])).toThrow(/invalid coverage/);
  });
});
