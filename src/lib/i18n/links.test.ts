import { describe, expect, it } from 'vitest';
import { languageLinks, localHref, localizeLinks, routePath } from './links';

const u = (s: string) => new URL(s, 'http://localhost');

describe('localHref', () => {
  it('prefixes site pages with the language, English without prefix', () => {
    expect(localHref('/targets/10?year=2015', 'fr')).toBe('/fr/targets/10?year=2015');
    expect(localHref('/countries/KEN', 'es')).toBe('/es/countries/KEN');
    expect(localHref('/targets/10', 'en')).toBe('/targets/10');
    expect(localHref('/', 'fr')).toBe('/fr');
    expect(localHref('/', 'en')).toBe('/');
  });

  it('leaves files, the API and other sites alone', () => {
    expect(localHref('/download/chart/target-10-world?format=svg', 'fr')).toBe('/download/chart/target-10-world?format=svg');
    expect(localHref('/api/v1/progress', 'es')).toBe('/api/v1/progress');
    expect(localHref('/data/download/observation.csv', 'fr')).toBe('/data/download/observation.csv');
    expect(localHref('https://data.worldbank.org/', 'fr')).toBe('https://data.worldbank.org/');
    expect(localHref('#method', 'fr')).toBe('#method');
  });
});

describe('routePath', () => {
  it('maps a localized page to its route, and no endpoint under a language prefix', () => {
    expect(routePath(u('/fr/targets/10'))).toBe('/targets/10');
    expect(routePath(u('/es'))).toBe('/');
    expect(routePath(u('/targets/10'))).toBe('/targets/10');
    expect(routePath(u('/fr/api/v1/progress'))).toBe('/fr/api/v1/progress');
  });
});

describe('languageLinks', () => {
  it('keeps the page and the filters it reads, and only those', () => {
    const links = languageLinks(u('/fr/targets/10?year=2015&x=1&horizon=2012'), '/targets/[n]', 'fr');
    expect(links.map((l) => [l.locale, l.href, l.current])).toEqual([
      ['en', '/targets/10?horizon=2012&year=2015', false],
      ['fr', '/fr/targets/10?horizon=2012&year=2015', true],
      ['es', '/es/targets/10?horizon=2012&year=2015', false]
    ]);
    expect(links.map((l) => l.autonym)).toEqual(['English', 'Français', 'Español']);
  });

  it('keeps the whole query of a page not in the cache table (/compare reads a list)', () => {
    const links = languageLinks(u('/compare?indicator=IT.NET.USER.ZS&economy=KEN,NGA'), '/compare', 'en');
    expect(links.find((l) => l.locale === 'es')?.href).toBe('/es/compare?indicator=IT.NET.USER.ZS&economy=KEN,NGA');
  });
});

describe('localizeLinks', () => {
  const page = [
    '<link rel="alternate" hreflang="en" href="/targets/10"/>',
    '<a href="/targets/10?year=2015&amp;horizon=2012#maps">Target 10</a>',
    '<a class="x" href="/">Home</a>',
    '<a href="/fr/countries">already French</a>',
    '<a href="/targets/10" hreflang="en" lang="en">English</a>',
    '<a href="/download/chart/target-10-world?format=csv">CSV</a>',
    '<a href="/api/v1/progress">API</a>',
    '<a href="#main">Skip</a>',
    '<a href="https://data.worldbank.org/">World Bank</a>',
    '<form class="filters" method="GET" action="/compare">'
  ].join('\n');

  it('puts every internal page link and form of a French page in French, and nothing else', () => {
    expect(localizeLinks(page, 'fr').split('\n')).toEqual([
      '<link rel="alternate" hreflang="en" href="/targets/10"/>',
      '<a href="/fr/targets/10?year=2015&amp;horizon=2012#maps">Target 10</a>',
      '<a class="x" href="/fr">Home</a>',
      '<a href="/fr/countries">already French</a>',
      '<a href="/targets/10" hreflang="en" lang="en">English</a>',
      '<a href="/download/chart/target-10-world?format=csv">CSV</a>',
      '<a href="/api/v1/progress">API</a>',
      '<a href="#main">Skip</a>',
      '<a href="https://data.worldbank.org/">World Bank</a>',
      '<form class="filters" method="GET" action="/fr/compare">'
    ]);
  });

  it('leaves an English page as it is', () => {
    expect(localizeLinks(page, 'en')).toBe(page);
  });

  it('keeps each localised path per language: the same link in French, then Spanish, then French again', () => {
    const link = '<a href="/countries/KEN?indicator=IT.CEL.SETS.P2">Kenya</a> <a href="/api/v1/indicators">API</a>';
    expect(localizeLinks(link, 'fr')).toBe('<a href="/fr/countries/KEN?indicator=IT.CEL.SETS.P2">Kenya</a> <a href="/api/v1/indicators">API</a>');
    expect(localizeLinks(link, 'es')).toBe('<a href="/es/countries/KEN?indicator=IT.CEL.SETS.P2">Kenya</a> <a href="/api/v1/indicators">API</a>');
    expect(localizeLinks(link, 'fr')).toBe(localizeLinks(link, 'fr'));
    expect(localizeLinks(link, 'fr')).toContain('/fr/countries/KEN');
  });
});
