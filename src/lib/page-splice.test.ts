import { afterEach, describe, expect, it } from 'vitest';
import { setSpliceMarker, spliceable, withoutSplicing } from './page-splice';

describe('spliceable', () => {
  afterEach(() => setSpliceMarker((html) => html));

  it('leaves HTML whole inside withoutSplicing (a section kept beyond one request), and marks it again after', () => {
    setSpliceMarker((html) => `<!--token:${html.length}-->`);
    const svg = '<svg viewBox="0 0 10 10"><circle r="2"></circle></svg>';
    expect(spliceable(svg)).toBe(`<!--token:${svg.length}-->`);
    expect(withoutSplicing(() => `<figure>${spliceable(svg)}</figure>`)).toBe(`<figure>${svg}</figure>`);
    // Nested, and after a render that threw: marking is back on outside.
    expect(withoutSplicing(() => withoutSplicing(() => spliceable(svg)) + spliceable(svg))).toBe(svg + svg);
    expect(() =>
      withoutSplicing(() => {
        throw new Error('render failed');
      })
    ).toThrow('render failed');
    expect(spliceable(svg)).toBe(`<!--token:${svg.length}-->`);
  });
});
