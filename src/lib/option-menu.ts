// A long <select>'s options as HTML written once (per build, for the indicator menu of country and
// region pages: a thousand options, 95 KB, at a thousand indicators), in chunks: each page marks
// its own choice `selected` in the one chunk that holds it and takes the others as they are, so
// the server can splice them in already compressed (page-splice.ts). The markup is FilterSelect's.
import { htmlAttr as attr, htmlText as text } from '$lib/html-text';

export interface MenuOption {
  value: string | number;
  label: string;
}

export interface OptionMenu {
  /** Each chunk's options, HTML, none selected. */
  chunks: string[];
  /** Each option's HTML, by chunk. */
  options: string[][];
  /** Where each value is: [chunk, option]. */
  where: Map<string, [number, number]>;
}

/** Options per chunk: large enough to be worth splicing (about 5 KB), small enough that a page's own chunk is cheap. */
export const MENU_CHUNK = 64;

export function optionMenu(options: readonly MenuOption[], chunk = MENU_CHUNK): OptionMenu {
  const menu: OptionMenu = { chunks: [], options: [], where: new Map() };
  for (let i = 0; i < options.length; i += chunk) {
    const part = options.slice(i, i + chunk);
    const html = part.map((o) => `<option value="${attr(o.value)}">${text(o.label)}</option>`);
    part.forEach((o, j) => {
      if (!menu.where.has(String(o.value))) menu.where.set(String(o.value), [menu.chunks.length, j]);
    });
    menu.options.push(html);
    menu.chunks.push(html.join(''));
  }
  return menu;
}

/** The menu's options with `selected` marked; every other chunk through `splice` (the server's token, or itself). */
export function optionMenuHtml(menu: OptionMenu, selected: string | number | null | undefined, splice: (html: string) => string = (h) => h): string {
  const at = selected == null ? undefined : menu.where.get(String(selected));
  return menu.chunks
    .map((chunk, c) => {
      if (!at || at[0] !== c) return splice(chunk);
      const options = [...menu.options[c]];
      options[at[1]] = options[at[1]].replace(/^(<option value="[^"]*")>/, '$1 selected="">');
      return options.join('');
    })
    .join('');
}

/** A rough count of the menu's bytes, for the per-build memo's budget. */
export function optionMenuBytes(menu: OptionMenu): number {
  let n = 64;
  for (const c of menu.chunks) n += 2 * 2 * c.length + 64;
  return n + menu.where.size * 64;
}
