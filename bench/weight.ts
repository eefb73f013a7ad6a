// Weight and first paint per page type: gzip bytes of the JavaScript and of everything the
// page links to load (HTML, scripts, module preloads, stylesheets), and Lighthouse 12
// performance and accessibility scores in Debian's chromium (default mobile settings).
import { CHROME_FLAGS, CHROMIUM_PATH } from '../test/chromium';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  path: string;
  status: 'ok' | 'missing' | 'error';
  httpStatus: number;
  jsBytes: number;
  cssBytes: number;
  htmlBytes: number;
  totalBytes: number;
  files: number;
}

const gz = (b: Uint8Array | string) => gzipSync(typeof b === 'string' ? Buffer.from(b) : b, { level: 9 }).length;

/** src/href of scripts, module preloads and stylesheets, and inline script text. */
export function linkedAssets(html: string): { js: string[]; css: string[]; inline: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  const inline: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(m[1]);
    if (src) js.add(src[1]);
    else if (!/type\s*=\s*["']application\/(ld\+)?json["']/i.test(m[1]) && m[2].trim()) inline.push(m[2]);
    // SvelteKit's bootstrap imports its entry modules by URL: count them too.
    for (const imp of m[2].matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) js.add(imp[1]);
  }
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const rel = /\brel\s*=\s*["']([^"']+)["']/i.exec(m[1])?.[1].toLowerCase();
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(m[1])?.[1];
    if (!rel || !href) continue;
    if (rel === 'modulepreload' || (rel === 'preload' && /\bas\s*=\s*["']script/i.test(m[1]))) js.add(href);
    if (rel === 'stylesheet') css.add(href);
  }
  return { js: [...js], css: [...css], inline };
}

export async function pageWeight(base: string, path: string): Promise<PageWeight> {
  const res = await fetch(base + path);
  const html = await res.text();
  const empty = { path, httpStatus: res.status, jsBytes: 0, cssBytes: 0, htmlBytes: 0, totalBytes: 0, files: 0 };
  if (res.status === 404) return { ...empty, status: 'missing' };
  if (!res.ok) return { ...empty, status: 'error' };
  const pageUrl = new URL(path, base);
  const { js, css, inline } = linkedAssets(html);
  const size = async (href: string) => {
    const r = await fetch(new URL(href, pageUrl));
    return r.ok ? gz(new Uint8Array(await r.arrayBuffer())) : 0;
  };
  const jsBytes = (await Promise.all(js.map(size))).reduce((a, b) => a + b, 0) + inline.reduce((a, s) => a + gz(s), 0);
  const cssBytes = (await Promise.all(css.map(size))).reduce((a, b) => a + b, 0);
  const htmlBytes = gz(html);
  return { path, status: 'ok', httpStatus: res.status, jsBytes, cssBytes, htmlBytes, totalBytes: jsBytes + cssBytes + htmlBytes, files: 1 + js.length + css.length };
}


export interface LighthouseScores {
  path: string;
  performance: number | null;
  accessibility: number | null;
  fcpMs: number | null;
  lcpMs: number | null;
  /** Total blocking time, cumulative layout shift and speed index: what moves the performance score. */
  tbtMs?: number | null;
  cls?: number | null;
  speedIndexMs?: number | null;
  error?: string;
}

/** Lighthouse performance and accessibility (0-100) for each path, one chromium for all. */
export async function lighthouseScores(base: string, paths: string[], log: (s: string) => void): Promise<LighthouseScores[]> {
  process.env.CHROME_PATH ??= CHROMIUM_PATH;
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const out: LighthouseScores[] = [];
  try {
    for (const path of paths) {
      try {
        const r = await lighthouse(base + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
        const lhr = r?.lhr;
        const score = (k: string) => (lhr?.categories[k]?.score == null ? null : Math.round(lhr.categories[k].score! * 100));
        const s: LighthouseScores = {
          path,
          performance: score('performance'),
          accessibility: score('accessibility'),
          fcpMs: lhr?.audits['first-contentful-paint']?.numericValue ?? null,
          lcpMs: lhr?.audits['largest-contentful-paint']?.numericValue ?? null,
          tbtMs: lhr?.audits['total-blocking-time']?.numericValue ?? null,
          cls: lhr?.audits['cumulative-layout-shift']?.numericValue ?? null,
          speedIndexMs: lhr?.audits['speed-index']?.numericValue ?? null,
          error: lhr?.runtimeError?.message
        };
        out.push(s);
        log(
          `      ${path}: performance ${s.performance}, accessibility ${s.accessibility}, FCP ${s.fcpMs?.toFixed(0)} ms, LCP ${s.lcpMs?.toFixed(0)} ms, ` +
            `TBT ${s.tbtMs?.toFixed(0)} ms, CLS ${s.cls?.toFixed(3)}, speed index ${s.speedIndexMs?.toFixed(0)} ms${s.error ? ` (${s.error})` : ''}`
        );
      } catch (err) {
        out.push({ path, performance: null, accessibility: null, fcpMs: null, lcpMs: null, error: (err as Error).message });
        log(`      ${path}: lighthouse failed: ${(err as Error).message}`);
      }
    }
  } finally {
    chrome.kill();
  }
  return out;
}
