// CSV writing (RFC 4180): quote fields containing a comma, quote, or line break.
//
// Spreadsheet formula injection (OWASP "CSV Injection"): a text cell that begins with = + - @
// (or a tab or carriage return) is run as a formula when the file is opened in a spreadsheet.
// Such text cells get a leading single quote, as OWASP advises; numbers are never changed
// (-3.5 in a numeric column is a number, not a formula). The published CSV exports follow the
// same rule (pipelines/publish/exports.ts).
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A text value made safe to open in a spreadsheet. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? escapeFormula(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
