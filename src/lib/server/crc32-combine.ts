// CRC-32 of two byte runs joined, from each run's CRC and the second's length (zlib's
// crc32_combine, which node:zlib does not expose): a page spliced from pieces compressed once
// (page-splice.ts) needs the CRC of the whole page in its gzip trailer, and keeping every
// piece's bytes only to run crc32 over them again cost more memory than the compressed pieces.
// Arithmetic on polynomials over GF(2) modulo the CRC-32 polynomial, bits reflected as zlib has
// them (crc32.c: multmodp, x2nmodp).

/** The CRC-32 polynomial, reflected. */
const POLY = 0xedb88320;

/** a(x) * b(x) modulo p(x). */
function multmodp(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo p(x), for k = 0..31. */
const X2N: number[] = (() => {
  const table = [0x40000000]; // x^1
  for (let k = 1; k < 32; k++) table.push(multmodp(table[k - 1], table[k - 1]));
  return table;
})();

/** x^(n * 2^k) modulo p(x). */
function x2nmodp(n: number, k: number): number {
  let p = 0x80000000; // x^0
  while (n) {
    if (n & 1) p = multmodp(X2N[k & 31], p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

/** The CRC-32 of A followed by B, from crc(A), crc(B) and B's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multmodp(x2nmodp(lengthB, 3), crcA) ^ crcB) >>> 0;
}
