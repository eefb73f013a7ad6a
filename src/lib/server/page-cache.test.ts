import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache';

const page = (text: string) => ({ body: new TextEncoder().encode(text), headers: [['content-type', 'text/html']] as [string, string][] });

describe('PageCache', () => {
  it('serves a page again for the same build and forgets it when the build changes', () => {
    const cache = new PageCache();
    cache.set('build-1', '/targets/10', page('<h1>10</h1>'));
    expect(new TextDecoder().decode(cache.get('build-1', '/targets/10')!.body)).toBe('<h1>10</h1>');
    expect(cache.get('build-2', '/targets/10')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used page past its bounds', () => {
    const cache = new PageCache(2, 1_000_000);
    cache.set('b', '/a', page('a'));
    cache.set('b', '/b', page('b'));
    cache.get('b', '/a'); // /a is now the most recent
    cache.set('b', '/c', page('c'));
    expect(cache.get('b', '/b')).toBeUndefined();
    expect(cache.get('b', '/a')).toBeDefined();
    expect(cache.get('b', '/c')).toBeDefined();
  });
});
