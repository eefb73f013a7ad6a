// Every interface language has every message, with the same placeholders; and the messages are
// really compiled (with the message-format plugin loaded from a CDN instead of node_modules,
// Paraglide compiles no messages at all and says nothing).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages.js';
import { locales } from '$lib/paraglide/runtime.js';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as { baseLocale: string; locales: string[]; modules: string[] };
type Messages = Record<string, unknown>;
const messages = (locale: string): Messages => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Messages;

/** Message keys, nested objects flattened with dots; `$schema` is not a message. */
function keys(object: Messages, prefix = ''): string[] {
  return Object.entries(object).flatMap(([k, v]) =>
    k === '$schema' ? [] : v && typeof v === 'object' && !Array.isArray(v) ? keys(v as Messages, `${prefix}${k}.`) : [`${prefix}${k}`]
  );
}

/** The {placeholders} a message uses, in every variant. */
function placeholders(value: unknown): string[] {
  const text = JSON.stringify(value);
  return [...new Set([...text.matchAll(/\{([A-Za-z_][\w]*)\}/g)].map((x) => x[1]))].sort();
}

describe('interface messages', () => {
  const base = messages(settings.baseLocale);
  const baseKeys = keys(base);

  it('are compiled from the local message-format plugin, for every locale in settings.json', () => {
    expect(settings.modules.every((path) => path.startsWith('./node_modules/'))).toBe(true);
    expect(settings.locales).toEqual(expect.arrayContaining(['en', 'fr', 'es']));
    expect([...locales]).toEqual(settings.locales);
    expect(m.nav_overview({}, { locale: 'en' })).toBe('Overview');
    expect(m.nav_overview({}, { locale: 'fr' })).toBe('Vue d’ensemble');
    expect(m.nav_overview({}, { locale: 'es' })).toBe('Panorama');
    expect(baseKeys.length).toBeGreaterThan(20);
  });

  for (const locale of settings.locales.filter((l) => l !== settings.baseLocale)) {
    it(`${locale} has exactly the ${settings.baseLocale} keys, none missing and none extra`, () => {
      const own = keys(messages(locale));
      expect({ missing: baseKeys.filter((k) => !own.includes(k)), extra: own.filter((k) => !baseKeys.includes(k)) }).toEqual({ missing: [], extra: [] });
    });

    it(`${locale} uses the same placeholders as ${settings.baseLocale}, and no message is empty`, () => {
      const own = messages(locale);
      const flat = (o: Messages, k: string) => k.split('.').reduce<unknown>((x, part) => (x as Messages)?.[part], o);
      const differing = baseKeys.filter((k) => placeholders(flat(own, k)).join() !== placeholders(flat(base, k)).join());
      expect(differing).toEqual([]);
      expect(baseKeys.filter((k) => JSON.stringify(flat(own, k) ?? '').length <= 2)).toEqual([]);
    });
  }
});
