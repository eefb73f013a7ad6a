import { describe, expect, it } from 'vitest';
import { renderPlot } from '$lib/server/plot-render';
import { barTotals, stackKeys, stackedBarSpec } from './stacked-bar';

const badges = [
  { label: 'Governments', value: 118 },
  { label: 'International organisations', value: 95 },
  { label: 'Private sector', value: 56 },
  { label: 'Civil society (NGOs)', value: 81 },
  { label: 'Academia', value: 27 }
];

describe('barTotals', () => {
  it('sums stacks per category and sorts largest first, ties in input order', () => {
    const totals = barTotals([
      { label: 'A', value: 1, stack: '2006' },
      { label: 'B', value: 2, stack: '2006' },
      { label: 'A', value: 3, stack: 'not stated' },
      { label: 'C', value: 2 }
    ]);
    expect(totals).toEqual([
      { label: 'A', total: 4 },
      { label: 'B', total: 2 },
      { label: 'C', total: 2 }
    ]);
  });

  it('refuses negative or non-finite values', () => {
    expect(() => barTotals([{ label: 'A', value: -1 }])).toThrow('invalid bar value for A: -1');
    expect(() => barTotals([{ label: 'A', value: Number.NaN }])).toThrow('invalid bar value');
  });
});

describe('stackKeys', () => {
  it('keeps the given order, then appends keys it did not name', () => {
    const data = [
      { label: 'A', value: 1, stack: 'not stated' },
      { label: 'A', value: 1, stack: '2008' },
      { label: 'B', value: 1, stack: '2006' }
    ];
    expect(stackKeys(data)).toEqual(['not stated', '2008', '2006']);
    expect(stackKeys(data, ['2006', '2008'])).toEqual(['2006', '2008', 'not stated']);
  });
});

describe('stackedBarSpec', () => {
  it('orders categories by total and states the measure on the axis', () => {
    const spec = stackedBarSpec(badges, { xLabel: 'Badges at ITU (count)' });
    expect((spec.y as { domain: string[] }).domain).toEqual([
      'Governments',
      'International organisations',
      'Civil society (NGOs)',
      'Private sector',
      'Academia'
    ]);
    expect((spec.x as { label: string }).label).toBe('Badges at ITU (count)');
    expect(spec.color).toBeUndefined();
  });

  it('adds a legend with the stack order when stacked', () => {
    const spec = stackedBarSpec(
      [
        { label: 'A', value: 1, stack: 'not stated' },
        { label: 'A', value: 2, stack: '2006' }
      ],
      { xLabel: 'Entries', stackOrder: ['2006', 'not stated'] }
    );
    expect((spec.color as { domain: string[]; legend: boolean }).domain).toEqual(['2006', 'not stated']);
    expect((spec.color as { legend: boolean }).legend).toBe(true);
  });

  it('refuses to highlight a category it does not draw', () => {
    expect(() => stackedBarSpec(badges, { xLabel: 'x', highlight: 'Other' })).toThrow('invalid highlight: Other');
  });

  it('renders totals with their suffix and hides every mark from assistive technology', () => {
    const svg = renderPlot(stackedBarSpec([{ label: 'Government', value: 32 }, { label: 'Academia', value: 14 }], { xLabel: 'Share (%)', valueSuffix: '%' }));
    expect(svg).toContain('>32%<');
    expect(svg).toContain('>14%<');
    const marks = svg.match(/<g[^>]*aria-label="(bar|text|rule)"[^>]*>/g) ?? [];
    expect(marks.length).toBe(3); // bars, zero rule, totals (the faded-totals mark is empty without a highlight)
    for (const g of marks) expect(g).toContain('aria-hidden="true"');
  });

  it('fades the categories that are not highlighted', () => {
    const svg = renderPlot(stackedBarSpec(badges, { xLabel: 'Badges', highlight: 'Academia' }));
    expect((svg.match(/fill-opacity="0.35"/g) ?? []).length).toBe(4);
  });
});
