import { describe, expect, it } from 'vitest';
import { renderPlot } from './plot-render';
import { barChartSpec, lineChartSpec } from '$lib/plot/line';

describe('server-rendered charts', () => {
  it('draws an SVG whose points carry their values as tooltips, hidden from screen readers', () => {
    const svg = renderPlot(
      lineChartSpec(
        [
          { series: 'World', year: 2018, value: 49.4 },
          { series: 'World', year: 2019, value: 53.9 }
        ],
        { yLabel: '% of population', goal: 50 }
      )
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('<title>World, 2019: 53.9</title>');
    expect(svg).toContain('aria-hidden="true"');
    const labelled = svg.match(/<g [^>]*aria-label[^>]*>/g) ?? [];
    expect(labelled.length).toBeGreaterThan(0); // Plot labels its axes...
    expect(labelled.filter((g) => !g.includes('aria-hidden="true"'))).toEqual([]); // ...and we hide them
  });

  it('bar tooltips name the bar and its value', () => {
    const svg = renderPlot(barChartSpec([{ label: 'Kenya', value: 16.58785485 }], { xLabel: '%' }));
    expect(svg).toContain('<title>Kenya: 16.59</title>');
  });
});

describe('path precision', () => {
  it('rounds path coordinates without dropping points', async () => {
    const { roundPathData } = await import('./plot-render');
    expect(roundPathData('<path d="M569.985,4L580.893,8.801Z" fill="#000"/>', 1)).toBe('<path d="M570,4L580.9,8.8Z" fill="#000"/>');
  });
});
