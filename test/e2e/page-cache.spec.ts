// The page cache's compression: a first visit is answered as rendered (no gzip on the critical
// path); the next request that accepts gzip makes the gzipped copy, which later requests get.
import { expect, test } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One GET with the raw bytes as sent (fetch would decompress them). */
function get(url: string, acceptEncoding: string | null): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

test('a first visit is answered uncompressed, the next ones get a gzipped copy of the same page', async ({ baseURL }) => {
  // A URL no other test asks for, so this request renders it.
  const url = `${baseURL}/countries/ISL?horizon=2012&indicator=IT.NET.USER.ZS`;
  const first = await get(url, 'gzip, deflate, br');
  expect(first.status).toBe(200);
  expect(first.headers['x-page-cache']).toBe('miss');
  expect(first.headers['content-encoding']).toBeUndefined();
  const html = first.body.toString('utf8');
  expect(html).toContain('Iceland');

  const later = await get(url, 'gzip');
  expect(later.headers['x-page-cache']).toBe('hit');
  expect(later.headers['content-encoding']).toBe('gzip');
  expect(later.headers['vary']).toBe('accept-encoding');
  expect(later.body.length).toBeLessThan(first.body.length / 3);
  expect(gunzipSync(later.body).toString('utf8')).toBe(html);

  const third = await get(url, 'gzip');
  expect(third.headers['content-encoding']).toBe('gzip');
  expect(third.body.equals(later.body)).toBe(true);

  // A client that does not accept gzip gets the same page uncompressed.
  const plain = await get(url, null);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString('utf8')).toBe(html);
});
