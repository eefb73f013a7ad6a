// Published totals of the WSIS stocktaking database (the wsis_stocktaking_* rows of the
// transcribed published figures) -> stocktaking_total, each with its verbatim sentence and
// page. Some published "totals" count something else than entries (activities submitted by
// governments only, stakeholders of the platform): they are kept, with an info flag saying so.
import type { QuarantineRow } from '../../lib/context';
import type { FlagRow } from '../meetings/flags';
import { PUBLISHED_FIGURES_FILE, citeFigure, type PublishedFigure } from '../meetings/published-figures';
import type { RowOf } from '../../schema';

export type StocktakingTotal = RowOf<'stocktaking_total'>;

/** Topics whose figure is a count of the database's entries or activities as a whole. */
const WHOLE_DATABASE_TOPICS = new Set(['wsis_stocktaking_entries', 'wsis_stocktaking_activities_reported']);
const QUALIFIERS = new Set(['exact', 'approximately', 'more than']);

export function publishedTotals(figures: PublishedFigure[]): { totals: StocktakingTotal[]; flags: FlagRow[]; refused: QuarantineRow[] } {
  const totals: StocktakingTotal[] = [];
  const flags: FlagRow[] = [];
  const refused: QuarantineRow[] = [];
  for (const f of figures.filter((x) => x.topic.startsWith('wsis_stocktaking'))) {
    const entries = Number(f.value);
    let reason: string | null = null;
    if (!/^\d+$/.test(f.value)) reason = `invalid value: "${f.value}" (a whole number)`;
    else if (!QUALIFIERS.has(f.qualifier)) reason = `invalid qualifier: "${f.qualifier}" (exact, approximately or more than)`;
    if (reason) {
      refused.push({ source: 'stocktaking', file: PUBLISHED_FIGURES_FILE, row_number: f.line, reason, raw: `${f.id},${f.topic},${f.value}` });
      continue;
    }
    totals.push({ id: f.id, year: f.reference_year, entries, qualifier: f.qualifier, quote: f.verbatim_quote, source: citeFigure(f) });
    if (!WHOLE_DATABASE_TOPICS.has(f.topic)) {
      flags.push({
        id: `stocktaking_total:${f.id}:not-all-entries`,
        subject_table: 'stocktaking_total',
        subject_id: f.id,
        action_line: null,
        severity: 'info',
        message: `${f.id} (${f.reference_year ?? 'undated'}) counts "${f.figure}" (${entries} ${f.unit}), not all entries of the database; kept with its quote${f.note ? ` (${f.note})` : ''}`,
        source: citeFigure(f)
      });
    }
  }
  return { totals, flags, refused };
}
