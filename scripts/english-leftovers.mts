// Lists the English sentences left on the French (or Spanish) pages of a running site: fetches
// one page of every type, strips the markup, removes the text the warehouse holds (source names,
// titles, cited text, which stay as published) and flags what still reads as English.
//   npx tsx scripts/english-leftovers.mts http://127.0.0.1:5314 fr /path/wsis.duckdb [--list]
// A review aid, not a test (test/e2e/i18n-server-text.spec.ts is): it prints a count per page
// type and, with --list, the sentences. Quoted source names and file names still show up.
import { openReadOnly } from '../pipelines/run';

const [base = 'http://127.0.0.1:5314', locale = 'fr', warehouse = process.env.WSIS_WAREHOUSE ?? ''] = process.argv.slice(2);
const list = process.argv.includes('--list');

const PAGES: Record<string, string> = {
  overview: '',
  target: '/targets/10',
  'action line': '/action-lines/C2',
  region: '/regions/WLD',
  country: '/countries/KEN',
  stakeholders: '/stakeholders',
  stocktaking: '/stocktaking',
  mdgs: '/mdgs',
  mdg: '/mdgs/8',
  methodology: '/methodology',
  data: '/data',
  compare: '/compare?indicator=IT.NET.USER.ZS&economy=KEN,NGA,ZAF,IND,BRA',
  '404': '/countries/XXX',
  '400': '/targets/10?horizon=1999'
};

/** Words that are English and neither French nor Spanish. */
const ENGLISH = /\b(the|of|and|is|are|has|have|with|from|which|was|were|this|that|these|each|every|than|between|reported|countries|country|value|values|years?|no data|not|or|by|to|for|rose|fell|highest|lowest|share|goal|trend|world|data)\b/gi;

async function warehouseTexts(): Promise<string[]> {
  if (!warehouse) return [];
  const { conn } = await openReadOnly(warehouse);
  const columns = (await conn.runAndReadAll(
    `SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR' AND table_name NOT LIKE 'observation%' AND table_name NOT IN ('quarantine', 'run_record')`
  )).getRowObjectsJson() as { table_name: string; column_name: string }[];
  const texts = new Set<string>();
  for (const c of columns) {
    const rows = (await conn.runAndReadAll(`SELECT DISTINCT "${c.column_name}" AS v FROM "${c.table_name}" WHERE length("${c.column_name}") >= 4`)).getRowObjectsJson() as { v: string }[];
    for (const r of rows) for (const part of String(r.v).split(/\s*;\s*|\n+/)) if (part.length >= 4) texts.add(part.trim());
  }
  return [...texts].sort((a, b) => b.length - a.length);
}

function textNodes(html: string): string[] {
  const body = html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<(code|pre)\b[\s\S]*?<\/\1>/gi, ' ')
    // Text the page marks as English (data dictionary, run messages) is English on purpose.
    .replace(/<(td|p|span|li)\b[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/gi, ' ');
  const text = body
    .replace(/<\/?(p|li|td|th|h\d|caption|figcaption|dt|dd|div|section|title|text|tspan|option|label|summary|button|a)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  return text.split('\n').map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);
}

function english(node: string, known: string[]): boolean {
  let rest = node;
  for (const t of known) if (rest.length >= t.length && rest.includes(t)) rest = rest.split(t).join(' ');
  const words = new Set((rest.match(ENGLISH) ?? []).map((w) => w.toLowerCase()));
  return words.size >= 2;
}

async function fetchPage(path: string): Promise<string> {
  const res = await fetch(`${base}/${locale}${path}`);
  return res.text();
}

async function checkerPage(): Promise<string> {
  const form = new FormData();
  form.set('file', new File(['title,country,year\n"Ã©cole",KENYA,20x1\n'], 'bad.csv', { type: 'text/csv' }));
  const res = await fetch(`${base}/${locale}/stocktaking/check`, { method: 'POST', body: form, headers: { origin: base.replace('http:', 'https:'), accept: 'text/html' } });
  return res.text();
}

const known = await warehouseTexts();
let total = 0;
for (const [name, path] of [...Object.entries(PAGES), ['stocktaking check', 'POST']] as [string, string][]) {
  const html = path === 'POST' ? await checkerPage() : await fetchPage(path);
  const found = [...new Set(textNodes(html).filter((n) => english(n, known)))];
  total += found.length;
  console.log(`${name.padEnd(18)} ${String(found.length).padStart(4)}`);
  if (list) for (const f of found) console.log(`    ${f.slice(0, 220)}`);
}
console.log(`${'total'.padEnd(18)} ${String(total).padStart(4)}`);
process.exit(0);
