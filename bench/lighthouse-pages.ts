// Weight (gzip bytes of JS and of the whole page) and Lighthouse mobile scores for one page of
// each type, against a server already running: `tsx bench/lighthouse-pages.ts http://127.0.0.1:4206 [out.json]`.
// Used to compare a build before and after a change (issue 12's closing note).
import { writeFileSync } from 'node:fs';
import { lighthouseScores, pageWeight, type PageWeight } from './weight';

export const PAGE_TYPES = [
  '/',
  '/targets/10',
  '/action-lines/C3',
  '/regions/SSF',
  '/countries/KEN',
  '/stakeholders',
  '/methodology',
  '/data',
  '/compare?indicator=IT.NET.USER.ZS&economy=KEN,NGA,ZAF,EGY,ETH'
];

const [base = 'http://127.0.0.1:3000', out] = process.argv.slice(2);
const weights: PageWeight[] = [];
for (const p of PAGE_TYPES) weights.push(await pageWeight(base, p));
const scores = await lighthouseScores(base, PAGE_TYPES.filter((p) => weights.find((w) => w.path === p)?.status === 'ok'), (s) => console.log(s));
const rows = weights.map((w) => ({ ...w, ...(scores.find((s) => s.path === w.path) ?? {}) }));
console.table(rows.map((r) => ({ path: r.path, status: r.httpStatus, jsGzip: r.jsBytes, htmlGzip: r.htmlBytes, totalGzip: r.totalBytes, perf: r.performance, a11y: r.accessibility, lcpMs: r.lcpMs ? Math.round(r.lcpMs) : null })));
if (out) writeFileSync(out, JSON.stringify(rows, null, 2));
