// Display helpers for the action-line page (pure).

/** Split a `;`-separated list into trimmed, non-empty items. */
export function listItems(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 'YYYY-MM-DD' -> '18 May 2006'; anything else is returned unchanged. */
export function formatDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}
