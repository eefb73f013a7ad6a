// The interface languages: Paraglide's locales (project.inlang/settings.json) and what each
// needs beyond its messages: the Intl tag numbers and dates are formatted with, its own name
// for the switcher, and its script direction. Arabic, Chinese and Russian need one row here,
// a messages/<locale>.json file and a line in settings.json.
import { baseLocale, getLocale, isLocale, locales, type Locale } from '$lib/paraglide/runtime.js';

export { baseLocale, getLocale, locales, type Locale };

interface LocaleInfo {
  /** BCP 47 tag for Intl (numbers, dates). English is en-GB: 1,234.5 and 29 November 2026. */
  intl: string;
  /** The language's name in itself, for the switcher. */
  autonym: string;
  dir: 'ltr' | 'rtl';
}

/** Every UN official language; only those in settings.json are served. */
const LOCALE_INFO: Record<string, LocaleInfo> = {
  en: { intl: 'en-GB', autonym: 'English', dir: 'ltr' },
  fr: { intl: 'fr-FR', autonym: 'Français', dir: 'ltr' },
  es: { intl: 'es-ES', autonym: 'Español', dir: 'ltr' },
  ar: { intl: 'ar', autonym: 'العربية', dir: 'rtl' },
  zh: { intl: 'zh-CN', autonym: '中文', dir: 'ltr' },
  ru: { intl: 'ru-RU', autonym: 'Русский', dir: 'ltr' }
};

export function localeInfo(locale: Locale = getLocale()): LocaleInfo {
  return LOCALE_INFO[locale] ?? LOCALE_INFO.en;
}

/** The Intl tag for the request's language (for format.ts and dates). */
export function intlLocale(locale: Locale = getLocale()): string {
  return localeInfo(locale).intl;
}

/** The interface language an Intl tag belongs to ('fr-FR' -> 'fr'); the base locale if none. */
export function localeOfIntl(tag: string): Locale {
  const language = tag.split('-')[0].toLowerCase();
  return isLocale(language) ? language : baseLocale;
}
