import { beforeEach, describe, expect, it } from 'vitest';
import { useFakeBuilds } from './fake-builds.test-helper';
import { comparisonChartSpec } from '$lib/plot/comparison';
import { barChartSpec } from '$lib/plot/line';

// A 1 MB budget, read when the module loads (so imported after this line).
process.env.WSIS_CHART_CACHE_MB = '1';
const { chartKey, chartStoreStats, plotOnce, resetChartStore, storedChart } = await import('./chart-store');
const { renderPlot } = await import('./plot-render');

const { publish } = useFakeBuilds('chart-store-');
beforeEach(() => resetChartStore());

// Kenya against the world (values from the mirror's IT.NET.USER.ZS), as the country page draws it.
const kenya = [
  { label: 'KEN', emphasis: true, points: [{ year: 2015, value: 16.6 }, { year: 2020, value: 24.7228 }, { year: 2024, value: 34.976 }] },
  { label: 'World', points: [{ year: 2015, value: 40.1 }, { year: 2020, value: 59.3 }, { year: 2024, value: 67.4 }] }
];
const options = { yLabel: '% of population', goal: 50, horizon: 2015 };
const normalise = (svg: string) => svg.replace(/plot-clip-\d+/g, 'plot-clip-X');

describe('chart store', () => {
  it('draws a chart once per build and serves the same SVG as a direct render', () => {
    const a = plotOnce('comparison', comparisonChartSpec, [kenya, options]);
    const b = plotOnce('comparison', comparisonChartSpec, [structuredClone(kenya), { ...options }]);
    expect(b).toBe(a);
    expect(chartStoreStats()).toMatchObject({ entries: 1, draws: 1, hits: 1 });
    expect(normalise(a)).toBe(normalise(renderPlot(comparisonChartSpec(kenya, options))));
    expect(a).toContain('goal 50');
    // A new build: the store starts again.
    publish();
    plotOnce('comparison', comparisonChartSpec, [kenya, options]);
    expect(chartStoreStats()).toMatchObject({ entries: 1, draws: 2 });
  });

  it('keys a chart by every argument of its spec: data, goal, horizon, kind', () => {
    plotOnce('comparison', comparisonChartSpec, [kenya, options]);
    const moved = structuredClone(kenya);
    moved[0].points[2].value = 35;
    const other = plotOnce('comparison', comparisonChartSpec, [moved, options]);
    plotOnce('comparison', comparisonChartSpec, [kenya, { ...options, goal: null }]);
    plotOnce('comparison', comparisonChartSpec, [kenya, { ...options, horizon: 2012 }]);
    expect(chartStoreStats().draws).toBe(4);
    expect(other).toContain('35');
    // Same input, another kind of chart: another entry.
    expect(chartKey('comparison', [kenya, options])).not.toBe(chartKey('projection', [kenya, options]));
    // Values JSON would blur stay apart: null against NaN, a Map's entries.
    expect(chartKey('k', [null])).not.toBe(chartKey('k', [NaN]));
    expect(chartKey('k', new Map([['404', 1]]))).not.toBe(chartKey('k', new Map([['404', 2]])));
    expect(() => chartKey('k', { f: () => 1 })).toThrow(/function/);
  });

  it('keeps languages apart: a translated label is part of the input, and a locale can be named', () => {
    const bars = (label: string) => plotOnce('bar', barChartSpec, [[{ label, value: 12 }], { xLabel: 'countries' }]);
    const en = bars('Met');
    const fr = bars('Atteint');
    expect(en).toContain('Met');
    expect(fr).toContain('Atteint');
    expect(chartStoreStats().draws).toBe(2);
    let drawn = 0;
    const draw = () => `<svg>${++drawn}</svg>`;
    expect(storedChart('t', [1], draw, { locale: 'en' })).toBe('<svg>1</svg>');
    expect(storedChart('t', [1], draw, { locale: 'fr' })).toBe('<svg>2</svg>');
    expect(storedChart('t', [1], draw, { locale: 'en' })).toBe('<svg>1</svg>');
  });

  it('stays within its budget in bytes, least recently used out', () => {
    const big = 'x'.repeat(100_000);
    for (let i = 0; i < 30; i++) storedChart('big', [i], () => big);
    const s = chartStoreStats();
    expect(s.budget).toBe(1024 * 1024);
    expect(s.bytes).toBeLessThanOrEqual(s.budget);
    expect(s.entries).toBeLessThan(30);
    // The newest is kept, the oldest was dropped and is drawn again.
    let again = 0;
    storedChart('big', [29], () => (again++, big));
    storedChart('big', [0], () => (again++, big));
    expect(again).toBe(1);
  });
});
