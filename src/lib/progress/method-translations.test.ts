// METHOD.md is translated for the methodology page (METHOD.fr.md, METHOD.es.md). The translations
// must keep in step with it: the same sections with the same anchors, the same tables and code
// blocks, and every constant and code name it cites. Changing METHOD.md without them fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '$lib/markdown';

const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');
const english = read('./METHOD.md');

/** What must match across languages: anchors, counts of table rows and code lines, cited code names. */
function shape(markdown: string) {
  const html = markdownToHtml(markdown);
  return {
    anchors: [...html.matchAll(/<h\d id="([^"]+)"/g)].map((x) => x[1]),
    tableRows: (html.match(/<tr>/g) ?? []).length,
    codeLines: markdown.split('\n').filter((l) => /^ {4}\S/.test(l)).length,
    // Backticked names of code (constants, fields, files, functions): they are not translated.
    codeNames: [...markdown.matchAll(/`([^`]+)`/g)].map((x) => x[1]).filter((n) => /[_.(]|[a-z][A-Z]/.test(n)).sort()
  };
}

describe('METHOD.md translations', () => {
  for (const locale of ['fr', 'es']) {
    it(`METHOD.${locale}.md has the sections, anchors, tables, formulas and code names of METHOD.md`, () => {
      expect(shape(read(`./METHOD.${locale}.md`))).toEqual(shape(english));
    });
  }

  it('the English anchors other pages link to exist', () => {
    expect(shape(english).anchors).toEqual(expect.arrayContaining(['8c-parity-goals', '6-status-a-verdict-always-names-its-horizon-and-its-as-of-year']));
  });
});
