// The transcribed published figures (mirror: wsis/published_figures_transcribed.csv): one
// figure per row with its verbatim sentence and page address. Read at load time from the
// mirror, never copied into the repository. Shared by the meetings and stocktaking sources.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../lib/csv';

export const PUBLISHED_FIGURES_FILE = 'wsis/published_figures_transcribed.csv';

export interface PublishedFigure {
  line: number;
  id: string;
  topic: string;
  reference_year: number | null;
  figure: string;
  /** As written: a number, or a list such as "Government 32; Private Sector 21". */
  value: string;
  unit: string;
  qualifier: string;
  verbatim_quote: string;
  source_url: string;
  source_kind: string;
  note: string;
}

const COLUMNS = ['id', 'topic', 'reference_year', 'figure', 'value', 'unit', 'qualifier', 'verbatim_quote', 'source_url', 'source_kind', 'note'];

export interface PublishedFiguresFile {
  path: string;
  bytes: Buffer;
  figures: PublishedFigure[];
}

/** Null when the mirror does not have the file. Throws (naming the file) when it cannot be read as expected. */
export function readPublishedFigures(mirror: string): PublishedFiguresFile | null {
  const path = join(mirror, PUBLISHED_FIGURES_FILE);
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  const table = parseCsv(bytes.toString('utf8'));
  const missing = COLUMNS.filter((c) => !table.header.includes(c));
  if (missing.length > 0) throw new Error(`${PUBLISHED_FIGURES_FILE}: missing column(s) ${missing.join(', ')}`);
  const figures = table.rows.map(({ line, record: r }) => ({
    line,
    id: r.id.trim(),
    topic: r.topic.trim(),
    reference_year: r.reference_year.trim() === '' ? null : Number(r.reference_year),
    figure: r.figure,
    value: r.value.trim(),
    unit: r.unit.trim(),
    qualifier: r.qualifier.trim(),
    verbatim_quote: r.verbatim_quote,
    source_url: r.source_url.trim(),
    source_kind: r.source_kind,
    note: r.note
  }));
  return { path, bytes, figures };
}

/** "source_url (published_figures_transcribed.csv F07)": the citation used for loaded rows. */
export function citeFigure(f: PublishedFigure): string {
  return `${f.source_url} (${PUBLISHED_FIGURES_FILE} ${f.id})`;
}

/** "Government 32; Private Sector 21" -> [["Government", 32], ["Private Sector", 21]]; null if a part is not "label number". */
export function parseLabelledList(value: string): [string, number][] | null {
  const parts = value.split(';').map((p) => p.trim());
  const out: [string, number][] = [];
  for (const part of parts) {
    const m = /^(.*\S)\s+(\d+(?:\.\d+)?)$/.exec(part);
    if (!m) return null;
    out.push([m[1], Number(m[2])]);
  }
  return out;
}
