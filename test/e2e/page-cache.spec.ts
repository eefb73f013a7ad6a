// The page cache's compression: a first visit is answered with a quick gzip (level 1) made for it
// alone; the next request that accepts gzip makes the copy kept for every later request.
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

test('a first visit gets a quick gzip of its own, the next ones the kept gzipped copy of the same page', async ({ baseURL }) => {
  // A URL no other test asks for, so this request renders it.
  const url = `${baseURL}/countries/ISL?horizon=2012&indicator=IT.NET.USER.ZS`;
  const first = await get(url, 'gzip, deflate, br');
  expect(first.status).toBe(200);
  expect(first.headers['x-page-cache']).toBe('miss');
  expect(first.headers['content-encoding']).toBe('gzip');
  const html = gunzipSync(first.body).toString('utf8');
  expect(html).toContain('Iceland');

  const later = await get(url, 'gzip');
  expect(later.headers['x-page-cache']).toBe('hit');
  expect(later.headers['content-encoding']).toBe('gzip');
  expect(later.headers['vary']).toBe('accept-encoding');
  // The kept copy is compressed harder than the first answer's.
  expect(later.body.length).toBeLessThan(first.body.length);
  expect(gunzipSync(later.body).toString('utf8')).toBe(html);

  const third = await get(url, 'gzip');
  expect(third.headers['content-encoding']).toBe('gzip');
  expect(third.body.equals(later.body)).toBe(true);

  // A client that does not accept gzip gets the same page uncompressed.
  const plain = await get(url, null);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString('utf8')).toBe(html);
});
