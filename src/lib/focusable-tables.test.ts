// On a phone a wide table (or code block) scrolls in its own box (app.css); tabindex="0" lets keyboard
// users scroll it (axe: scrollable-region-focusable). Each <table> and <pre> carries it in its own markup
// (this used to be a regular expression over every rendered page); this test keeps new ones from missing it.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToHtml } from './markdown';

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.svelte'))
    .map((e) => join(e.parentPath, e.name));
}

describe('scrollable tables and code blocks', () => {
  it('every <table> and <pre> in a component is focusable', () => {
    const files = svelteFiles('src');
    const missing = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/<(table|pre)\b[^>]*>/g)].filter((m) => !/\btabindex="0"/.test(m[0])).map((m) => `${file}: ${m[0]}`)
    );
    expect(files.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('markdown tables and code blocks are focusable', () => {
    const html = markdownToHtml('| A |\n|---|\n| 1 |\n\n```\ncode\n```');
    expect(html).toContain('<table tabindex="0">');
    expect(html).toContain('<pre tabindex="0"><code>code</code></pre>');
  });
});
