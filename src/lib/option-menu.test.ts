import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import FilterSelect from '$lib/components/FilterSelect.svelte';
import { MENU_CHUNK, optionMenu, optionMenuHtml, type MenuOption, type OptionMenu } from './option-menu';

// Real codes and names from the catalogue, and names that need escaping.
const OPTIONS = [
  { value: 'IT.NET.USER.ZS', label: 'Individuals using the Internet (% of population)' },
  { value: 'IT.CEL.SETS.P2', label: 'Mobile cellular subscriptions (per 100 people)' },
  { value: 'X&"<', label: 'Research & development <expenditure> "quoted"' },
  ...Array.from({ length: 150 }, (_, i) => ({ value: `SYN.BENCH.${String(i + 1).padStart(5, '0')}`, label: `Synthetic indicator ${i + 1}` }))
];

/** FilterSelect's markup without Svelte's hydration comments. */
const html = (props: { selected: string | null; options?: MenuOption[]; menu?: OptionMenu }) =>
  render(FilterSelect, { props: { label: 'Indicator', name: 'indicator', ...props } }).body.replace(/<!--[^>]*-->/g, '');

describe('optionMenu', () => {
  it('gives FilterSelect the markup its own options loop gives, for any choice', () => {
    const menu = optionMenu(OPTIONS);
    expect(menu.chunks).toHaveLength(Math.ceil(OPTIONS.length / MENU_CHUNK));
    for (const selected of ['IT.NET.USER.ZS', 'X&"<', 'SYN.BENCH.00150', 'not in the menu', null]) {
      expect(html({ menu, selected }), String(selected)).toBe(html({ options: OPTIONS, selected }));
    }
    expect(html({ menu, selected: 'SYN.BENCH.00100' })).toContain('<option value="SYN.BENCH.00100" selected="">Synthetic indicator 100</option>');
  });

  it('passes every chunk but the chosen one through the splice marker', () => {
    const menu = optionMenu(OPTIONS);
    const out = optionMenuHtml(menu, 'SYN.BENCH.00070', (chunk) => `[${menu.chunks.indexOf(chunk)}]`);
    // SYN.BENCH.00070 is option 73 (three named ones first): chunk 1 is written with it selected.
    expect(out.startsWith('[0]<option value="SYN.BENCH.00062">')).toBe(true);
    expect(out).toContain('<option value="SYN.BENCH.00070" selected="">');
    expect(out.endsWith('</option>[2]')).toBe(true);
  });
});
