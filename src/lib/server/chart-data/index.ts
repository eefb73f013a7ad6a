// Every chart the dashboard draws, by id: one static map built from the subject modules'
// own maps (each module defines the data behind its charts; Plot specs live in $lib/plot).
import type { ChartDefinition } from './registry';
import { actionLineCharts } from './action-lines';
import { countryCharts } from './countries';
import { compareCharts } from './compare';
import { mapCharts } from './maps';
import { regionCharts } from './regions';
import { stakeholderCharts } from './stakeholders';
import { targetCharts } from './targets';
import { mdgCharts } from './mdgs';
import { seriesCharts } from './series';
import { stocktakingCharts } from './stocktaking';

export { chartCsvHref, type ChartDefinition } from './registry';

const CHARTS: ReadonlyMap<string, ChartDefinition> = (() => {
  const map = new Map<string, ChartDefinition>();
  for (const group of [targetCharts, actionLineCharts, stakeholderCharts, regionCharts, countryCharts, mdgCharts, seriesCharts, stocktakingCharts, mapCharts, compareCharts]) {
    for (const [id, definition] of Object.entries(group)) {
      if (map.has(id)) throw new Error(`chart id defined twice: ${id}`);
      map.set(id, definition);
    }
  }
  return map;
})();

export function chartDefinition(id: string): ChartDefinition | undefined {
  return CHARTS.get(id);
}

export function chartIds(): string[] {
  return [...CHARTS.keys()];
}
