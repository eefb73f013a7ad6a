// Display helpers for the action-line page (pure).
import { intlLocale } from '$lib/i18n/locale';

/** Split a `;`-separated list into trimmed, non-empty items (the schema's list encoding). */
export { splitList as listItems } from '../../../../pipelines/schema';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** 'YYYY-MM-DD' -> '18 May 2006' (in the locale given); anything else is returned unchanged. */
export function formatDate(iso: string, locale: string = intlLocale()): string {
  let dateFormat = dateFormats.get(locale);
  if (!dateFormat) dateFormats.set(locale, (dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}
