import { crc32, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { localizeLinks } from '$lib/i18n/links';
import type { Locale } from '$lib/paraglide/runtime.js';
import { withLocale } from './locale-context';
import { assemble, FragmentStore, MIN_FRAGMENT_CHARS, SpliceSink, STORED_BELOW_BYTES } from './page-splice';

// A chart-like SVG: long enough to be a fragment, with non-ASCII text (two-byte in UTF-8 and UTF-16).
const svg = (label: string, n = 200) =>
  `<svg viewBox="0 0 640 300">${Array.from({ length: n }, (_, i) => `<circle cx="${i * 3}" cy="${(i * 7) % 300}" r="2.2"><title>${label} – ${1990 + (i % 35)}: ${(i * 1.37).toFixed(2)} ’</title></circle>`).join('')}</svg>`;

function store(build = { id: 'build 1' }, budget = 8 * 2 ** 20) {
  return { build, fragments: new FragmentStore(budget, () => build.id) };
}

describe('page splicing', () => {
  it('answers the same bytes as the page rendered whole, gzipped or not', () => {
    const { fragments } = store();
    const a = svg('Kenya');
    const b = svg('Côte d’Ivoire', 300);
    fragments.prepare(a);
    fragments.prepare(b);
    const sink = new SpliceSink(fragments);
    const page = `<!doctype html><html lang="en"><body><h1>Kenya – Internet users</h1>${sink.mark(a)}<p>between</p>${sink.mark(b)}<footer>…</footer></body></html>`;
    expect(sink.pieces).toHaveLength(2);
    expect(page).not.toContain('<svg');
    const whole = sink.unsplice(page);
    expect(whole).toContain(a);
    expect(whole).toContain(b);
    const { body, gzipped } = assemble(page, sink, true);
    // Gzipped: the stream only (the fragments keep no UTF-8 to join), its trailer's CRC and length those of the whole.
    expect(body).toBeUndefined();
    expect(gunzipSync(gzipped!).toString('utf8')).toBe(whole);
    expect(gzipped!.readUInt32LE(gzipped!.length - 8)).toBe(crc32(Buffer.from(whole, 'utf8')));
    expect(gzipped!.readUInt32LE(gzipped!.length - 4)).toBe(Buffer.byteLength(whole, 'utf8'));
    // Without gzip: the body only.
    const plain = assemble(page, sink, false);
    expect(plain.gzipped).toBeUndefined();
    expect(plain.body!.toString('utf8')).toBe(whole);
  });

  it('splices only what was prepared for the build, and only when it is large', () => {
    const { build, fragments } = store();
    const small = '<svg>' + 'x'.repeat(MIN_FRAGMENT_CHARS - 20) + '</svg>';
    fragments.prepare(small);
    const big = svg('Brazil');
    const sink = new SpliceSink(fragments);
    expect(sink.mark(small)).toBe(small);
    expect(sink.mark(big)).toBe(big); // never prepared: a render does not pay for it
    fragments.prepare(big);
    expect(sink.mark(big)).toBe('<!--wsis:splice:0-->');
    // A new build forgets the fragments of the last.
    build.id = 'build 2';
    expect(new SpliceSink(fragments).mark(big)).toBe(big);
    expect(fragments.stats().entries).toBe(0);
  });

  it('keeps within its byte budget, least recently used out', () => {
    const one = svg('A');
    // An entry costs about 2.2 times its text (the key, counted as UTF-16, and the deflate); one may take an eighth of the budget.
    const { fragments } = store(undefined, 20 * one.length);
    const texts = 'ABCDEFGHIJKL'.split('').map((l) => svg(l));
    for (const t of texts) fragments.prepare(t);
    const { entries, bytes, budget } = fragments.stats();
    expect(bytes).toBeLessThanOrEqual(budget);
    expect(entries).toBeLessThan(texts.length);
    expect(fragments.find(texts[0])).toBeUndefined();
    expect(fragments.find(texts[11])).toBeDefined();
  });

  it('leaves a fragment with an internal link as text outside the base language', () => {
    const { fragments } = store();
    const linked = svg('Kenya').replace('<svg viewBox="0 0 640 300">', '<svg viewBox="0 0 640 300"><a href="/countries/KEN">');
    fragments.prepare(linked);
    expect(fragments.find(linked)?.linksIn).toBe('en');
    expect(fragments.find(svg('Peru'))).toBeUndefined();
    fragments.prepare(svg('Peru'));
    expect(fragments.find(svg('Peru'))?.linksIn).toBeNull();
  });

  it("splices a fragment whose links are written in the page's language, and only there", () => {
    const { fragments } = store();
    const linked = svg('Kenya').replace('<svg viewBox="0 0 640 300">', '<svg viewBox="0 0 640 300"><a href="/countries/KEN">');
    const french = localizeLinks(linked, 'fr');
    expect(french).toContain('href="/fr/countries/KEN"');
    fragments.prepare(linked);
    fragments.prepare(french, 'fr');
    expect(fragments.find(french)?.linksIn).toBe('fr');
    const marks = (locale: Locale, html: string) => withLocale(locale, () => new SpliceSink(fragments).mark(html) !== html);
    expect(marks('fr', french)).toBe(true);
    expect(marks('es', french)).toBe(false);
    expect(marks('en', french)).toBe(false);
    expect(marks('en', linked)).toBe(true);
    expect(marks('fr', linked)).toBe(false);
  });

  it('puts short own runs in stored blocks and still answers the whole page', () => {
    const { fragments } = store();
    const a = svg('Kenya');
    const b = svg('Peru');
    fragments.prepare(a);
    fragments.prepare(b);
    const sink = new SpliceSink(fragments);
    const between = '</div> <details><summary>Données – tableau (217 lignes)</summary>';
    const long = `<p>${'Côte d’Ivoire, 2024: 41.2 % – '.repeat(40)}</p>`;
    expect(Buffer.byteLength(between)).toBeLessThan(STORED_BELOW_BYTES);
    expect(Buffer.byteLength(long)).toBeGreaterThan(STORED_BELOW_BYTES);
    const page = `<h1>Kenya</h1>${sink.mark(a)}${between}${sink.mark(b)}${long}`;
    const { gzipped } = assemble(page, sink, true);
    const whole = sink.unsplice(page);
    expect(gunzipSync(gzipped!).toString('utf8')).toBe(whole);
    // The short runs are in the stream as they are, the long one compressed.
    expect(gzipped!.includes(Buffer.from(between))).toBe(true);
    expect(gzipped!.includes(Buffer.from('<h1>Kenya</h1>'))).toBe(true);
    expect(gzipped!.includes(Buffer.from(long))).toBe(false);
  });

  it('a page without fragments is encoded and gzipped whole', () => {
    const sink = new SpliceSink(store().fragments);
    const page = '<p>Ñandú – 42 ’</p>';
    const { gzipped } = assemble(page, sink, true);
    expect(assemble(page, sink, false).body!.toString('utf8')).toBe(page);
    expect(gunzipSync(gzipped!).toString('utf8')).toBe(page);
    expect(sink.unsplice(page)).toBe(page);
  });

  it("fills the template's lang and dir in the first bytes, with or without fragments", () => {
    const { fragments } = store();
    const a = svg('Kenya');
    fragments.prepare(a);
    const fill = { '%paraglide.lang%': 'en', '%paraglide.dir%': 'ltr' };
    const template = (body: string) => `<!doctype html>\n<html lang="%paraglide.lang%" dir="%paraglide.dir%">\n<head></head><body>${body}</body></html>`;
    const expected = (body: string) => template(body).replace('%paraglide.lang%', 'en').replace('%paraglide.dir%', 'ltr');

    const sink = new SpliceSink(fragments);
    sink.placeholders = fill;
    const page = template(`<h1>Kenya – 100 %</h1>${sink.mark(a)}<p>50 %paraglide.lang% stays in the body</p>`);
    const { gzipped } = assemble(page, sink, true);
    const whole = expected(`<h1>Kenya – 100 %</h1>${a}<p>50 %paraglide.lang% stays in the body</p>`);
    expect(assemble(page, sink, false).body!.toString('utf8')).toBe(whole);
    expect(gunzipSync(gzipped!).toString('utf8')).toBe(whole);

    const plain = new SpliceSink(fragments);
    plain.placeholders = fill;
    const short = template('<p>Ñandú</p>');
    expect(assemble(short, plain, false).body!.toString('utf8')).toBe(expected('<p>Ñandú</p>'));
    // No placeholders asked for: the page as it is.
    expect(assemble(short, new SpliceSink(fragments), false).body!.toString('utf8')).toBe(short);
  });
});
