import { describe, expect, it } from 'vitest';
import { embedHref, safeBackPath, svgHref } from './chart-links';

describe('chart links', () => {
  it('derive the SVG and embed links from the CSV link, keeping its parameters', () => {
    const csv = '/download/chart/indicator-map.csv?indicator=IT.NET.USER.ZS&year=2020';
    expect(svgHref(csv)).toBe('/download/chart/indicator-map.svg?indicator=IT.NET.USER.ZS&year=2020');
    expect(svgHref('/download/chart/target-coverage.csv')).toBe('/download/chart/target-coverage.svg');
    expect(embedHref(csv, '/targets/10?mapyear=2020')).toBe('/embed/indicator-map?indicator=IT.NET.USER.ZS&year=2020&from=%2Ftargets%2F10%3Fmapyear%3D2020');
  });

  it('link back only to a path on this site', () => {
    expect(safeBackPath('/targets/10?mapyear=2020')).toBe('/targets/10?mapyear=2020');
    expect(safeBackPath('//evil.example/x')).toBe('/');
    expect(safeBackPath('https://evil.example/')).toBe('/');
    expect(safeBackPath('/\\evil.example')).toBe('/');
    expect(safeBackPath(null)).toBe('/');
  });
});
