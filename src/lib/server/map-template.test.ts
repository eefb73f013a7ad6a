import { describe, expect, it } from 'vitest';
import { choroplethSpec, valueClasses, type MapDatum, type MapShape } from '$lib/plot/map';
import { countryShapes } from './maps/world-atlas';
import { MAP_PATH_DIGITS, renderChoropleth } from './map-template';
import { renderPlot } from './plot-render';

const shapes = countryShapes() as MapShape[];
// Plot numbers its class names and clip ids per render: the only parts allowed to differ.
const normalise = (svg: string) => svg.replace(/plot-[0-9a-z]+(-[0-9a-z-]+)?/g, 'plot-X');

function sampleData(): Map<string, MapDatum> {
  const data = new Map<string, MapDatum>();
  data.set('404', { classKey: '2', title: 'Kenya: 40.8% (2023)' });
  data.set('250', { classKey: '4', title: 'France & <overseas>: 86.1% (2023)' });
  data.set('356', { classKey: null, title: 'India: no data' });
  data.set('076', { classKey: null, title: 'Brazil: not a member', inSelection: false });
  return data;
}

describe('renderChoropleth', () => {
  const classes = valueClasses([20, 40, 60, 80]);

  it('draws the world map as the direct render does, each shape with its own fill and tooltip', () => {
    const options = { classes, legendLabel: 'Individuals using the Internet (% of population)', noDataLabel: 'no data' };
    const direct = renderPlot(choroplethSpec(shapes, sampleData(), options), { pathDigits: MAP_PATH_DIGITS });
    const fast = renderChoropleth(shapes, sampleData(), options);
    expect(normalise(fast)).toBe(normalise(direct));
    expect(fast).toContain('<title>France &amp; &lt;overseas&gt;: 86.1% (2023)</title>');
    expect(fast).toContain(`fill="${classes[2].color}"`);
    // Drawn again with other values from the same template.
    const other = new Map([['404', { classKey: '0', title: 'Kenya: 5.0% (2005)' }]]);
    expect(normalise(renderChoropleth(shapes, other, options))).toBe(normalise(renderPlot(choroplethSpec(shapes, other, options), { pathDigits: MAP_PATH_DIGITS })));
  });

  it('draws a region (focus on its members) as the direct render does, with a clip id of its own per map', () => {
    const focus = shapes.filter((s) => ['404', '800', '834'].includes(String(s.id)));
    const options = { classes, focus, noDataLabel: 'no data' };
    const direct = renderPlot(choroplethSpec(shapes, sampleData(), options), { pathDigits: MAP_PATH_DIGITS });
    const a = renderChoropleth(shapes, sampleData(), options);
    const b = renderChoropleth(shapes, sampleData(), options);
    expect(normalise(a)).toBe(normalise(direct));
    const clipOf = (svg: string) => svg.match(/id="(plot-clip-[^"]+)"/)?.[1];
    expect(clipOf(a)).toBeTruthy();
    expect(clipOf(a)).not.toBe(clipOf(b));
  });
});
