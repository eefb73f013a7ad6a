// The numbers a seed report states, and the numbers the warehouse carries from it: pure helpers for
// the seed-facts check (test/integration/seed-facts.test.ts), so a later edit of the reference CSVs
// cannot drift from the seeds without a test saying which number moved.

export interface SeedNumber {
  value: number;
  /** A few words around the number, to find it in the seed. */
  context: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Numbers as a reader sees them: not the digits of codes (C1, PC-2/DT/2, WTDC-06, rev.2, 59/220),
 * clock times, web or mail addresses, or paragraph numbers at the start of a line.
 */
export function numbersIn(text: string): SeedNumber[] {
  const cleaned = text
    .replace(/https?:\/\/\S+|www\.\S+|\S+@\S+/g, ' ')
    .replace(/\b\d{1,2}:\d{2}\b/g, ' ')
    .replace(/^\s*\d+\.(\s|$)/gm, ' ');
  const out: SeedNumber[] = [];
  for (const m of cleaned.matchAll(/(?<![A-Za-z]-?)(?<![\w/.§])(\d+)(?![\d/])/g)) {
    const at = m.index ?? 0;
    const context = cleaned.slice(Math.max(0, at - 30), at + m[0].length + 30).replace(/\s+/g, ' ').trim();
    out.push({ value: Number(m[1]), context });
  }
  return out;
}

/** True when the seed states this date: "16 May", "15-19 May 2006", "9 to 19 May" (start or end of a range). */
export function seedStatesDate(seed: string, isoDate: string): boolean {
  const [year, month, day] = isoDate.split('-').map(Number);
  const name = MONTHS[month - 1];
  const d = String(day);
  const single = new RegExp(`(^|[^\\d])${d}\\s+${name}`);
  const rangeStart = new RegExp(`(^|[^\\d])${d}\\s*(-|–|to)\\s*\\d{1,2}\\s+${name}`);
  const rangeEnd = new RegExp(`\\d{1,2}\\s*(-|–|to)\\s*${d}\\s+${name}`);
  const dayStated = single.test(seed) || rangeStart.test(seed) || rangeEnd.test(seed);
  return dayStated && seed.includes(String(year));
}

/** Seed files named in a `source` column (e.g. "seeds/003_f66fe5b5344d44fe.txt section 2; ..."). */
export function seedsCited(source: string): string[] {
  return [...source.matchAll(/seeds\/(\d{3}_[0-9a-f]+\.txt)/g)].map((m) => m[1]);
}
