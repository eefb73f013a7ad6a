import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escapeHtml, inline, markdownToHtml, slugify } from './markdown';

describe('markdownToHtml', () => {
  it('renders headings with ids', () => {
    expect(markdownToHtml('# Title\n\n## 1. Inputs')).toBe('<h1 id="title">Title</h1>\n<h2 id="1-inputs">1. Inputs</h2>');
    // A translation keeps the English anchor with an explicit id.
    expect(markdownToHtml('## 1. Données d’entrée {#1-inputs}')).toBe('<h2 id="1-inputs">1. Données d’entrée</h2>');
  });

  it('joins paragraph lines and separates paragraphs on blank lines', () => {
    expect(markdownToHtml('one\ntwo\n\nthree')).toBe('<p>one two</p>\n<p>three</p>');
  });

  it('renders bullet lists with continuation lines, and numbered lists', () => {
    expect(markdownToHtml('- a\n  more\n- b')).toBe('<ul><li>a more</li><li>b</li></ul>');
    expect(markdownToHtml('1. x\n2. y')).toBe('<ol><li>x</li><li>y</li></ol>');
  });

  it('renders pipe tables with a header row', () => {
    expect(markdownToHtml('| A | B |\n|---|---|\n| 1 | **2** |')).toBe(
      '<table><thead><tr><th scope="col">A</th><th scope="col">B</th></tr></thead><tbody><tr><td>1</td><td><strong>2</strong></td></tr></tbody></table>'
    );
  });

  it('renders fenced and indented code, escaped and not formatted', () => {
    expect(markdownToHtml('```\na < b **c**\n```')).toBe('<pre><code>a &lt; b **c**</code></pre>');
    expect(markdownToHtml('text\n\n    x̄ = Σ w x\n    y = 1')).toBe('<p>text</p>\n<pre><code>x̄ = Σ w x\ny = 1</code></pre>');
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
    expect(html).toContain('<pre><code>w(year) = 1 + RECENCY_WEIGHT_STEP × (year − baseline year)');
    expect(html).not.toContain('<script');
    expect(slugify('6. Status')).toBe('6-status');
  });
});
