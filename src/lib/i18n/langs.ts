// The UI languages and how one is chosen from the browser's preferences. Apart from index.ts (which loads the
// catalogs with dynamic imports) because the service worker needs this too, and a service worker cannot import().

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_NAMES: Record<Lang, string> = { en: 'English', es: 'Español' };

/** The `meta` row (IndexedDB) holding the language the agent picked: the service worker says pushes in it. */
export const LANG_META_KEY = 'lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The first supported language in the browser's list (`es-MX` → `es`), else English. */
export function pickLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}
