import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escapeHtml, inline, markdownToHtml, slugify } from './markdown';

describe('markdownToHtml', () => {
  it.each([
    ['renders headings with ids', '# Title\n\n## 1. Inputs', '<h1 id="title">Title</h1>\n<h2 id="1-inputs">1. Inputs</h2>'],
    ['joins paragraph lines and separates paragraphs on blank lines', 'one\ntwo\n\nthree', '<p>one two</p>\n<p>three</p>'],
    ['renders bullet lists with continuation lines', '- a\n  more\n- b', '<ul><li>a more</li><li>b</li></ul>'],
    ['renders numbered lists', '1. x\n2. y', '<ol><li>x</li><li>y</li></ol>'],
    [
      'renders pipe tables with a header row',
      '| A | B |\n|---|---|\n| 1 | **2** |',
      '<table tabindex="0"><thead><tr><th scope="col">A</th><th scope="col">B</th></tr></thead><tbody><tr><td>1</td><td><strong>2</strong></td></tr></tbody></table>'
    ],
    ['renders fenced code, escaped and not formatted', '```\na < b **c**\n```', '<pre tabindex="0"><code>a &lt; b **c**</code></pre>'],
    ['renders indented code, not formatted', 'text\n\n    x̄ = Σ w x\n    y = 1', '<p>text</p>\n<pre tabindex="0"><code>x̄ = Σ w x\ny = 1</code></pre>']
  ])('%s', (_name, markdown, html) => {
    expect(markdownToHtml(markdown)).toBe(html);
  });

  it('keeps the English anchor of a translated heading given an explicit id', () => {
    expect(markdownToHtml('## 1. Données d’entrée {#1-inputs}')).toBe('<h2 id="1-inputs">1. Données d’entrée</h2>');
  });

  it('renders inline code, bold, italic and links', () => {
    expect(inline('use `MIN_POINTS` = 2, **met**, *maybe*, [docs](https://example.org/a?b=1&c=2)')).toBe(
      'use <code>MIN_POINTS</code> = 2, <strong>met</strong>, <em>maybe</em>, <a href="https://example.org/a?b=1&amp;c=2">docs</a>'
    );
  });

  it('escapes HTML everywhere and refuses javascript: links', () => {
    expect(markdownToHtml('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(inline('[x](javascript:alert(1))')).not.toContain('href');
    expect(inline('`<b>`')).toBe('<code>&lt;b&gt;</code>');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });

  it('does not treat multiplication signs or snake_case as emphasis', () => {
    expect(inline('a × b and some_name_here')).toBe('a × b and some_name_here');
  });

  it('renders the real METHOD.md: its status table and its formulas', () => {
    const html = markdownToHtml(readFileSync('src/lib/progress/METHOD.md', 'utf8'));
    expect(html).toContain('<h1 id="how-progress-toward-a-target-is-assessed">');
    expect(html).toContain('<th scope="col">Status</th>');
    expect(html).toContain('<td><strong>On track</strong></td>');
    expect(html).toContain('<pre tabindex="0"><code>w(year) = 1 + RECENCY_WEIGHT_STEP × (year − baseline year)');
    expect(html).not.toContain('<script');
    expect(slugify('6. Status')).toBe('6-status');
  });
});
