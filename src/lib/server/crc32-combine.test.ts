import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { crc32Combine } from './crc32-combine';

describe('crc32Combine', () => {
  it('gives zlib.crc32 of the joined bytes, for runs of many lengths', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
    for (const [a, b] of [[0, 0], [1, 0], [0, 1], [1, 1], [5, 300], [4096, 3], [70_000, 123_457]]) {
      const [x, y] = [bytes(a), bytes(b)];
      expect(crc32Combine(crc32(x), crc32(y), y.length), `${a}+${b}`).toBe(crc32(Buffer.concat([x, y])));
    }
  });

  it('combines a page of pieces as crc32 over the whole page does', () => {
    const pieces = ['<!doctype html><html lang="fr">', '<svg>'.repeat(900), 'Données — 1 234,5 ', '</html>'].map((s) => Buffer.from(s, 'utf8'));
    const combined = pieces.reduce((crc, p) => crc32Combine(crc, crc32(p), p.length), 0);
    expect(combined).toBe(crc32(Buffer.concat(pieces)));
    expect(combined).toBeGreaterThan(0x7fffffff); // this page's CRC has its top bit set: kept unsigned, as zlib gives it
  });
});
