// What the methodology page lists from the warehouse being read.
import { query } from '../warehouse';

/** A series served: one indicator from one file and vintage, with its count of values and years. */
export interface ServedSeries {
  indicator: string;
  name: string | null;
  file: string;
  layout: string;
  vintage: string | null;
  values: number;
  firstYear: number;
  lastYear: number;
}

/** Every served series (headline values only, no breakdowns), by indicator, newest vintage first. */
export function servedSeries(): Promise<ServedSeries[]> {
  return query<ServedSeries>(
    `SELECT o.indicator, i.name, b.file, b.layout, b.vintage, count(*)::INTEGER AS "values",
            min(o.year)::INTEGER AS "firstYear", max(o.year)::INTEGER AS "lastYear"
       FROM observation o JOIN observation_batch b ON b.batch_id = o.batch_id LEFT JOIN indicator i ON i.code = o.indicator
      WHERE o.disaggregation = ''
      GROUP BY ALL ORDER BY o.indicator, b.vintage DESC NULLS LAST, b.file`
  );
}
