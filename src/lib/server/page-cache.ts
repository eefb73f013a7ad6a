// Whole-page cache per published build. Every page is a pure function of the warehouse
// build and its URL (filters live in the URL; there are no sessions), so a rendered page can
// be served again until a new build is published. Bounded by entries and bytes; only
// successful HTML answers are kept.
export interface CachedPage {
  body: Uint8Array;
  /** The same body gzip-compressed (adapter-node does not compress responses itself). */
  gzipped?: Uint8Array;
  headers: [string, string][];
}

export class PageCache {
  private entries = new Map<string, CachedPage>();
  private bytes = 0;
  private version = '';

  constructor(
    private maxEntries = 500,
    private maxBytes = 64 * 1024 * 1024
  ) {}

  /** Forget everything when the build changes. */
  private sync(version: string) {
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
    }
  }

  get(version: string, key: string): CachedPage | undefined {
    this.sync(version);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
    }
    return hit;
  }

  set(version: string, key: string, page: CachedPage): void {
    this.sync(version);
    if (page.body.byteLength > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.body.byteLength;
    this.entries.set(key, page);
    this.bytes += page.body.byteLength;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.byteLength;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
