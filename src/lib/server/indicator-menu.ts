// The indicator menu of country and region pages, written once per build (option-menu.ts) and its
// chunks encoded and compressed for the responses that splice them in (page-splice.ts). The
// warm-up computes it with the first country page it loads.
import { optionMenu, optionMenuBytes, type OptionMenu } from '$lib/option-menu';
import { perBuild } from './build-memo';
import { fragments } from './page-splice';
import { indicators } from './queries/regions';

export function indicatorMenu(): Promise<OptionMenu> {
  return perBuild(
    'indicator-menu',
    '',
    async () => {
      const menu = optionMenu((await indicators()).map((i) => ({ value: i.code, label: i.name })));
      for (const chunk of menu.chunks) fragments.prepare(chunk);
      return menu;
    },
    optionMenuBytes
  );
}
