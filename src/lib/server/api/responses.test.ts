import { describe, expect, it } from 'vitest';
import { notFound } from './errors';
import { csv, etagFor, etagMatches, json, page, respond } from './responses';

const url = (s: string) => new URL(`http://x${s}`);
const deps = { version: () => 'v1' };

describe('etag', () => {
  it('depends on the build and the query', () => {
    const a = etagFor('v1', url('/api/v1/observations?indicator=A'));
    expect(a).toMatch(/^"v1-[0-9a-f]{16}"$/);
    expect(etagFor('v1', url('/api/v1/observations?indicator=A'))).toBe(a);
    expect(etagFor('v2', url('/api/v1/observations?indicator=A'))).not.toBe(a);
    expect(etagFor('v1', url('/api/v1/observations?indicator=B'))).not.toBe(a);
  });
  it('matches lists, weak tags and *', () => {
    expect(etagMatches('"a", W/"b"', '"b"')).toBe(true);
    expect(etagMatches('*', '"b"')).toBe(true);
    expect(etagMatches('"c"', '"b"')).toBe(false);
    expect(etagMatches(null, '"b"')).toBe(false);
  });
});

describe('respond', () => {
  it('pages JSON with cache, ETag and CORS headers', async () => {
    const res = await respond(new Request('http://x/a'), url('/a'), deps, async () => json(page([{ a: 1 }], 5, { limit: 1, offset: 2 })));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ total: 5, limit: 1, offset: 2, data: [{ a: 1 }] });
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('etag')).toBe(etagFor('v1', url('/a')));
  });
  it('answers 304 without running the handler when the ETag is current', async () => {
    let ran = false;
    const req = new Request('http://x/a', { headers: { 'if-none-match': etagFor('v1', url('/a')) } });
    const res = await respond(req, url('/a'), deps, async () => ((ran = true), json({})));
    expect(res.status).toBe(304);
    expect(ran).toBe(false);
  });
  it('writes CSV rows with the total in X-Total-Count', async () => {
    const res = await respond(new Request('http://x/a'), url('/a'), deps, async () => csv(['a', 'b'], [{ a: 1, b: 'x,y' }], 9, 'a.csv'));
    expect(await res.text()).toBe('a,b\r\n1,"x,y"\r\n');
    expect(res.headers.get('x-total-count')).toBe('9');
  });
  it('turns ApiError into { error, detail } with its status', async () => {
    const res = await respond(new Request('http://x/a'), url('/a'), deps, async () => {
      throw notFound('No indicator X.');
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', detail: 'No indicator X.' });
  });
});
