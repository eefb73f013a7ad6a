// Per-build HTML fragments kept encoded (UTF-8) and compressed (raw deflate ending on a byte
// boundary), and the assembly of a page from its rendered HTML and those fragments. A first
// visit after the warm-up spent most of its time on the page's size, not its content: copying
// the rendered string flat, encoding it, compressing it (a 360 KB target page: 2.8 ms of
// encoding and gzip at level 1, about a fifth of the visit). A chart's SVG and data table are
// the same bytes for every request of a build and language, so they are encoded and
// compressed once, when the chart's view is computed (chart-data/registry.ts, in the warm-up),
// and a response only compresses what is its own.
//
// Why splicing compressed pieces is valid: each piece is raw deflate ended by a sync flush (an
// empty stored block, so the next piece starts on a byte boundary) and its back-references
// never reach before its own start; the pieces in order, a final empty block, the gzip header
// and the CRC-32 and length of the whole make one gzip stream (RFC 1951 3.2.3, RFC 1952).
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { crc32Combine } from './crc32-combine';
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { baseLocale, getLocale, type Locale } from '$lib/i18n/locale';
import { localizeLinks } from '$lib/i18n/links';
import { withoutSplicing } from '$lib/page-splice';
import { budgetFromEnv, ByteBudgetLru } from './byte-budget';
import { perBuild } from './build-memo';
import { warehouseVersion } from './warehouse';

export interface Fragment {
  /** Raw deflate of the text's UTF-8, level 1, ended by a sync flush (not final). */
  deflated: Buffer;
  /**
   * CRC-32 and length of the text's UTF-8, for the gzip trailer of a page it is spliced into.
   * Its UTF-8 itself is not kept: about four times the deflate's size, it is only needed by a
   * response without gzip, which encodes the text again.
   */
  crc: number;
  length: number;
  /**
   * The language its internal links are written in; null when it has none (the same bytes in
   * every language). A page's own links are localised per response (links.ts), so a fragment
   * can stand in a page of its own links' language only.
   */
  linksIn: Locale | null;
}

/** Smaller HTML is not worth a piece of its own (each costs a few bytes of block header and flush). */
export const MIN_FRAGMENT_CHARS = 2048;

/**
 * Fragments of the build being served, by their text; bounded like the other per-build caches
 * (`WSIS_FRAGMENT_CACHE_MB`, on /healthz). A fragment costs its text (the key) and its deflate:
 * about 33 KB counted for a 15 KB chart (the key is counted though it is the chart's own string).
 * The warm-up prepares about 13,100 of them (476 MB counted on the mirror's build, its pages and
 * their filter variants in three languages). With too small a budget the least recently used,
 * the warm-up's first and most visited pages, were the ones evicted.
 */
export const FRAGMENT_CACHE_BYTES = budgetFromEnv('WSIS_FRAGMENT_CACHE_MB', 608);

const DEFLATE = { level: 1, finishFlush: constants.Z_SYNC_FLUSH };
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** A final, empty block with fixed codes: the end of the deflate stream. */
const FINAL_BLOCK = Buffer.from([3, 0]);
const TOKEN = /<!--wsis:splice:(\d+)-->/g;

export class FragmentStore {
  private entries: ByteBudgetLru<Fragment>;
  private version = '';

  constructor(
    budget: number,
    private readonly build: () => string = warehouseVersion
  ) {
    this.entries = new ByteBudgetLru<Fragment>(budget);
  }

  private sync(): void {
    const current = this.build();
    if (current !== this.version) {
      this.entries.clear();
      this.version = current;
    }
  }

  /**
   * Encode and compress `html` once for this build (the warm-up's chart views call this).
   * `linksIn`: the language its internal links are written in (default: the base language,
   * as components write them).
   */
  prepare(html: string, linksIn: Locale = baseLocale): void {
    if (html.length < MIN_FRAGMENT_CHARS) return;
    this.sync();
    if (this.entries.get(html)) return;
    const utf8 = Buffer.from(html, 'utf8');
    const deflated = deflateRawSync(utf8, DEFLATE);
    const fragment = { deflated, crc: crc32(utf8), length: utf8.byteLength, linksIn: /\s(?:href|action)="\//.test(html) ? linksIn : null };
    this.entries.set(html, fragment, deflated.byteLength + 64);
  }

  /** The prepared fragment of `html`, if any (never prepares: a render does not pay for it). */
  find(html: string): Fragment | undefined {
    if (html.length < MIN_FRAGMENT_CHARS) return undefined;
    this.sync();
    return this.entries.get(html);
  }

  clear(): void {
    this.entries.clear();
  }

  stats(): { entries: number; bytes: number; budget: number } {
    return { entries: this.entries.size, bytes: this.entries.bytes, budget: this.entries.maxBytes };
  }
}

export const fragments = new FragmentStore(FRAGMENT_CACHE_BYTES);

/**
 * HTML written once per build (perBuild), prepared as a fragment for the responses that splice it
 * in. Its links are localised here, once, for the request's language (so `key` must name the
 * language): a French page then splices it like an English one, where before every French page
 * localised and compressed each such section as its own text (the overview's tables, /data's).
 */
export function perBuildHtml(kind: string, key: string, write: () => Promise<string> | string): Promise<string> {
  return perBuild(kind, key, async () => {
    const locale = getLocale();
    const html = localizeLinks(await write(), locale);
    fragments.prepare(html, locale);
    return html;
  });
}

/**
 * A component's HTML rendered once per build (perBuildHtml), for a large section of a page that
 * depends on fewer inputs than the page does: `key` names those inputs (always the language), and
 * every page that shares them splices the same bytes in. `props` is only called when the build
 * has no HTML for the key yet.
 * Its styles belong in the page as global rules: a component only the server renders may have
 * no scoped CSS in the page's stylesheet. Charts inside it stay whole in its HTML (withoutSplicing:
 * a token would name a piece of the request that rendered it first); the section is then one
 * prepared fragment of its own.
 */
export function perBuildRender<Props extends Record<string, unknown>>(
  kind: string,
  key: string,
  component: Component<Props>,
  props: () => Props | Promise<Props>
): Promise<string> {
  return perBuildHtml(kind, key, async () => {
    const p = await props();
    // idPrefix: ids ($props.id) unlike those of the page around it.
    return withoutSplicing(() => render(component, { props: p, idPrefix: kind }).body);
  });
}

/** Collects, for one page, the fragments its render put tokens in place of. */
export class SpliceSink {
  readonly pieces: Fragment[] = [];
  private texts: string[] = [];
  /**
   * Values of the template's placeholders (app.html's %paraglide.lang% and %paraglide.dir%), when
   * the language hook leaves them to the assembly: filled in the page's first run only, where
   * they are, instead of by two replaces over the whole page (each a copy of it, 0.7 ms for a
   * 360 KB target page).
   */
  placeholders?: Record<string, string>;

  constructor(private readonly store: FragmentStore = fragments) {}

  /** A token in place of `html` when it is a prepared fragment usable in this language; else `html`. */
  mark(html: string): string {
    const fragment = this.store.find(html);
    if (!fragment || (fragment.linksIn !== null && fragment.linksIn !== getLocale())) return html;
    this.pieces.push(fragment);
    this.texts.push(html);
    return `<!--wsis:splice:${this.pieces.length - 1}-->`;
  }

  /** The text of the `i`th fragment marked. */
  textOf(i: number): string {
    return this.texts[i];
  }

  /** The HTML with every token back in text (a page answered without assembly). */
  unsplice(html: string): string {
    return this.pieces.length === 0 ? html : html.replace(TOKEN, (token, i: string) => this.texts[Number(i)] ?? token);
  }
}

/** A run of the page: its own text as UTF-8, or a fragment with its text. */
type Part = { utf8: Buffer; fragment?: undefined } | { fragment: Fragment; text: string };

/**
 * The page's bytes from its rendered HTML (with tokens) and the fragments: gzipped when asked
 * (the fragments' pieces as they are, the rest compressed at level 1), else as UTF-8.
 */
export function assemble(html: string, sink: SpliceSink, gzip: boolean): { body: Buffer<ArrayBuffer>; gzipped?: undefined } | { body?: undefined; gzipped: Buffer<ArrayBuffer> } {
  const parts: Part[] = [];
  const text = (from: number, to: number) => {
    if (to > from) parts.push({ utf8: Buffer.from(html.slice(from, to), 'utf8') });
  };
  let last = 0;
  const fill = sink.placeholders;
  if (fill) {
    // The placeholders sit in the <html> tag: the run up to its end is filled on its own.
    const end = htmlTagEnd(html, fill);
    if (end > 0) {
      let head = html.slice(0, end);
      for (const [name, value] of Object.entries(fill)) head = head.replaceAll(name, value);
      parts.push({ utf8: Buffer.from(head, 'utf8') });
      last = end;
    }
  }
  if (sink.pieces.length > 0) {
    TOKEN.lastIndex = last;
    for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
      text(last, m.index);
      const i = Number(m[1]);
      parts.push({ fragment: sink.pieces[i], text: sink.textOf(i) });
      last = m.index + m[0].length;
    }
  }
  text(last, html.length);
  if (gzip) return { gzipped: gzipPieces(parts) };
  const utf8 = parts.map((p) => (p.fragment ? Buffer.from(p.text, 'utf8') : p.utf8));
  return { body: (utf8.length === 1 ? utf8[0] : Buffer.concat(utf8)) as Buffer<ArrayBuffer> };
}

/** The end of the page's <html> tag, where the template puts the placeholders (looked for in the first KB only); 0 when there is none. */
function htmlTagEnd(html: string, fill: Record<string, string>): number {
  const open = html.indexOf('<html');
  if (open < 0 || open > 1024) return 0;
  const close = html.indexOf('>', open);
  if (close < 0) return 0;
  const tag = html.slice(open, close);
  return Object.keys(fill).some((name) => tag.includes(name)) ? close + 1 : 0;
}

/**
 * A page's own runs shorter than this go into the stream stored, not compressed: most are the
 * few tags between two fragments, a compressed run of that size saves at most a few hundred
 * bytes, and each deflate call costs about 20 µs of set-up (a 360 KB target page has 26 own
 * runs, 13 of them under 100 bytes).
 */
export const STORED_BELOW_BYTES = 512;

/** The header of a stored deflate block, not final (RFC 1951 3.2.4): at a byte boundary, as every piece starts and ends. */
function storedBlockHeader(length: number): Buffer {
  const header = Buffer.allocUnsafe(5);
  header[0] = 0; // BFINAL 0, BTYPE 00, then padding to the byte boundary
  header.writeUInt16LE(length, 1);
  header.writeUInt16LE(~length & 0xffff, 3);
  return header;
}

function gzipPieces(parts: Part[]): Buffer<ArrayBuffer> {
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  for (const p of parts) {
    if (p.fragment) {
      crc = crc32Combine(crc, p.fragment.crc, p.fragment.length);
      length += p.fragment.length;
      out.push(p.fragment.deflated);
      continue;
    }
    crc = crc32(p.utf8, crc);
    length += p.utf8.byteLength;
    if (p.utf8.byteLength < STORED_BELOW_BYTES) out.push(storedBlockHeader(p.utf8.byteLength), p.utf8);
    else out.push(deflateRawSync(p.utf8, DEFLATE));
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  out.push(FINAL_BLOCK, trailer);
  return Buffer.concat(out);
}
