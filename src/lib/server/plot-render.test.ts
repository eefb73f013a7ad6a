import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { latin1Text, lazyListenerMaps, renderPlot } from './plot-render';
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

  it('writes characters beyond Latin-1 as references, so the string is one byte a character, and a browser reads the same text', () => {
    const svg = renderPlot(lineChartSpec([{ series: 'Côte d’Ivoire', year: 2019, value: 53.9 }], { yLabel: '% of population', goal: 50 }));
    expect(svg).not.toMatch(/[^\u0000-\u00ff]/);
    expect(svg).toContain('&#8593; % of population'); // Plot's axis arrow, ↑
    expect(svg).toContain('Côte d&#8217;Ivoire'); // ô is Latin-1 and stays; ’ does not
    const { document } = parseHTML(`<html><body>${svg}</body></html>`);
    expect(document.querySelector('svg')!.textContent).toContain('↑ % of population');
    expect(document.querySelector('title')!.textContent).toBe('Côte d’Ivoire, 2019: 53.9');
  });

  it('leaves <style> text and Latin-1 markup as they are; a character outside the BMP is one reference', () => {
    expect(latin1Text('<p>Ñandú</p>')).toBe('<p>Ñandú</p>');
    expect(latin1Text('<style>.a::after{content:"→"}</style><p>a → b 😀</p>')).toBe('<style>.a::after{content:"→"}</style><p>a &#8594; b &#128512;</p>');
  });

  it('bar tooltips name the bar and its value', () => {
    const svg = renderPlot(barChartSpec([{ label: 'Kenya', value: 16.58785485 }], { xLabel: '%' }));
    expect(svg).toContain('<title>Kenya: 16.59</title>');
  });
});

describe('linkedom without a listener map per node', () => {
  it('is in place, and listeners added later still hear their events', () => {
    // False would mean linkedom changed: charts still render, only slower.
    expect(lazyListenerMaps).toBe(true);
    const { document } = parseHTML('<!doctype html><html><body><p></p></body></html>');
    const p = document.querySelector('p')!;
    const heard: string[] = [];
    p.addEventListener('ping', (e: Event) => heard.push(e.type));
    p.dispatchEvent(new document.defaultView!.Event('ping'));
    document.body.dispatchEvent(new document.defaultView!.Event('ping'));
    expect(heard).toEqual(['ping']);
    const listener = (e: Event) => heard.push(`again ${e.type}`);
    p.addEventListener('ping', listener);
    p.removeEventListener('ping', listener);
    p.dispatchEvent(new document.defaultView!.Event('ping'));
    expect(heard).toEqual(['ping', 'ping']);
  });
});

describe('path precision', () => {
  it('rounds path coordinates without dropping points', async () => {
    const { roundPathData } = await import('./plot-render');
    expect(roundPathData('<path d="M569.985,4L580.893,8.801Z" fill="#000"/>', 1)).toBe('<path d="M570,4L580.9,8.8Z" fill="#000"/>');
  });
});
