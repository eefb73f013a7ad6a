import { describe, expect, it } from 'vitest';
import { shapeApiError } from './error-shape';

const url = (p: string) => new URL(p, 'http://x');

describe('shapeApiError: every API error is { error, detail }', () => {
  it('turns SvelteKit 405 plain text into JSON and keeps Allow', async () => {
    const kit = new Response('POST method not allowed', { status: 405, headers: { allow: 'GET, HEAD, OPTIONS', 'content-type': 'text/plain' } });
    const r = await shapeApiError(kit, new Request('http://x/api/v1/indicators', { method: 'POST' }), url('/api/v1/indicators'));
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(await r.json()).toEqual({ error: 'method_not_allowed', detail: 'POST is not allowed on /api/v1/indicators; allowed: GET, HEAD, OPTIONS.' });
  });

  it('turns the HTML 404 and 400 pages into JSON', async () => {
    const html = (status: number) => new Response('<!doctype html><h1>x</h1>', { status, headers: { 'content-type': 'text/html' } });
    const nf = await shapeApiError(html(404), new Request('http://x/api/v1/nope'), url('/api/v1/nope'));
    expect(await nf.json()).toMatchObject({ error: 'not_found' });
    const bad = await shapeApiError(html(400), new Request('http://x/api/v1/action-lines/%zz'), url('/api/v1/action-lines/%zz'));
    expect(await bad.json()).toMatchObject({ error: 'bad_request' });
  });

  it('hides whatever a 500 said (no message, path or stack)', async () => {
    const kit = Response.json({ message: 'Error: /srv/app/x.duckdb at Object.<anonymous> (file.js:1:1)' }, { status: 500 });
    const r = await shapeApiError(kit, new Request('http://x/api/v1/indicators'), url('/api/v1/indicators'));
    const body = await r.json();
    expect(body.error).toBe('internal_error');
    expect(JSON.stringify(body)).not.toMatch(/srv|duckdb|file\.js/);
  });

  it('leaves an answer that already has the shape, and successes, alone', async () => {
    const ok = Response.json({ error: 'bad_request', detail: 'Parameter indicator is required.' }, { status: 400 });
    expect(await shapeApiError(ok, new Request('http://x/api/v1/observations'), url('/api/v1/observations'))).toBe(ok);
    const fine = Response.json({ data: [] });
    expect(await shapeApiError(fine, new Request('http://x/api/v1/indicators'), url('/api/v1/indicators'))).toBe(fine);
  });
});
