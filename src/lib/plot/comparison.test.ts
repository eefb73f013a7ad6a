import { describe, expect, it } from 'vitest';
import { renderPlot } from '$lib/server/plot-render';
import { comparisonChartSpec, comparisonSummary, describeChange } from './comparison';
import { formatIndicatorValue, shortIndicatorName, unitKind } from './units';
import { baseLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime.js';
import { formatValue } from '$lib/format';

const pct = (v: number) => `${v.toFixed(1)}%`;

describe('describeChange', () => {
  it('words a rise, a fall, a flat series and a single point from first and last year', () => {
    expect(describeChange([{ year: 2025, value: 35.7 }, { year: 2005, value: 2.1 }], pct)).toBe('rose from 2.1% in 2005 to 35.7% in 2025');
    expect(describeChange([{ year: 2000, value: 9 }, { year: 2010, value: 4 }], pct)).toBe('fell from 9.0% in 2000 to 4.0% in 2010');
    expect(describeChange([{ year: 2000, value: 4 }, { year: 2010, value: 4 }], pct)).toBe('stayed at 4.0% from 2000 to 2010');
    expect(describeChange([{ year: 2010, value: 4 }], pct)).toBe('was 4.0% in 2010 (the only year with data)');
    expect(describeChange([], pct)).toBeNull();
  });
});

describe('comparisonSummary', () => {
  const ssa = [{ year: 2005, value: 2.1 }, { year: 2025, value: 35.7 }];
  const france = [{ year: 2000, value: 49 }, { year: 2010, value: 92 }];
  it.each([
    [
      'compares the latest value with the reference in the same year and states the goal',
      { indicatorName: 'Internet use', subjectName: 'Sub-Saharan Africa', subject: ssa, reference: { name: 'World', points: [{ year: 2025, value: 73.6 }] }, goal: 50 },
      "Internet use in Sub-Saharan Africa rose from 2.1% in 2005 to 35.7% in 2025, below the World's 73.6% that year; the goal is 50.0%."
    ],
    [
      'says the goal is met and skips a reference without the latest year',
      { indicatorName: 'Mobile', subjectName: 'France', subject: france, reference: { name: 'World', points: [{ year: 2009, value: 70 }] }, goal: 50 },
      'Mobile in France rose from 49.0% in 2000 to 92.0% in 2010; the goal of 50.0% is met.'
    ],
    ['says when there are no data', { indicatorName: 'Internet use', subjectName: 'Nowhere', subject: [] }, 'No data on internet use for Nowhere.']
  ])('%s', (_name, input, expected) => {
    expect(comparisonSummary({ ...input, format: pct })).toBe(expected);
  });
});

/** What a page in `locale` writes (the request's language, as the server resolves it). */
function inLocale<T>(locale: Locale, run: () => T): T {
  overwriteGetLocale(() => locale);
  try {
    return run();
  } finally {
    overwriteGetLocale(() => baseLocale);
  }
}

describe('comparisonSummary in other languages', () => {
  const kenya = [{ year: 1990, value: 0 }, { year: 2024, value: 35.0 }];
  const input = { indicatorName: 'Individuals using the Internet', subjectName: 'Kenya', subject: kenya, reference: { name: 'World', points: [{ year: 2024, value: 71.2 }] }, goal: 50 };

  it('writes French and Spanish around the published name, numbers in the language', () => {
    const fr = inLocale('fr', () => comparisonSummary({ ...input, format: (v) => formatValue(v, 'percent', 1, 'fr-FR') }));
    expect(fr.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Kenya : la valeur de « Individuals using the Internet » a augmenté, passant de 0,0 % en 1990 à 35,0 % en 2024, en dessous de la valeur mondiale (71,2 %) cette année-là ; l’objectif est de 50,0 %.'
    );
    const es = inLocale('es', () => comparisonSummary({ ...input, format: (v) => formatValue(v, 'percent', 1, 'es-ES') }));
    expect(es.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Kenya: el valor de «Individuals using the Internet» aumentó de 0,0 % en 1990 a 35,0 % en 2024, por debajo del valor mundial (71,2 %) ese año; el objetivo es 50,0 %.'
    );
    expect(inLocale('fr', () => comparisonSummary({ ...input, subject: [], format: pct }))).toBe('Aucune donnée sur « Individuals using the Internet » pour Kenya.');
  });
});

describe('comparisonChartSpec', () => {
  const series = [
    { label: 'Kenya', emphasis: true, points: [{ year: 2005, value: 3.1 }, { year: 2015, value: 16.6 }] },
    { label: 'World', points: [{ year: 2005, value: 15.8 }, { year: 2015, value: 39.9 }] },
    { label: 'Computed', dashed: true, points: [{ year: 2015, value: 40.1 }] }
  ];

  it('draws a line, dots and an end label per series plus goal and horizon rules, all aria-hidden', () => {
    const spec = comparisonChartSpec(series, { yLabel: '%', goal: 50, horizon: 2015 });
    const marks = spec.marks as { ariaHidden?: boolean }[];
    expect(marks).toHaveLength(1 + 3 * 3 + 2 + 2);
    const svg = renderPlot(spec);
    expect(svg).toContain('goal 50');
    // The goal's label in the page's language, its number written for it.
    expect(inLocale('fr', () => renderPlot(comparisonChartSpec(series, { yLabel: '%', goal: 50.5, horizon: 2015 })))).toContain('objectif 50,5');
    expect(inLocale('es', () => renderPlot(comparisonChartSpec(series, { yLabel: '%', goal: 50, horizon: 2015 })))).toContain('meta 50');
    expect(svg).toContain('>Kenya<');
    expect(svg).toContain('stroke-dasharray="5,3"');
    const markGroups = svg.match(/<g [^>]*aria-label="(line|dot|text|rule)"[^>]*>/g) ?? [];
    expect(markGroups).toHaveLength(marks.length);
    for (const g of markGroups) expect(g).toContain('aria-hidden="true"');
  });

  it('refuses no series and duplicate labels', () => {
    expect(() => comparisonChartSpec([], { yLabel: '%' })).toThrow('invalid comparison: no series');
    expect(() => comparisonChartSpec([series[0], series[0]], { yLabel: '%' })).toThrow('duplicate labels');
  });
});

describe('unitKind and shortIndicatorName', () => {
  it('reads the warehouse unit texts', () => {
    expect(unitKind('% of population')).toBe('percent');
    expect(unitKind('per 100 people')).toBe('per_100');
    expect(unitKind('people')).toBe('number');
    expect(unitKind(null)).toBe('number');
    expect(shortIndicatorName('Individuals using the Internet (% of population)')).toBe('Individuals using the Internet');
  });
});

describe('formatIndicatorValue', () => {
  it('writes values in their unit and a dash for missing', () => {
    expect(formatIndicatorValue(35.66, '% of population')).toBe('35.7%');
    expect(formatIndicatorValue(112.44, 'per 100 people')).toBe('112.4 per 100');
    expect(formatIndicatorValue(1234567, 'people')).toBe('1,234,567');
    expect(formatIndicatorValue(null, 'people')).toBe('–');
  });
});
