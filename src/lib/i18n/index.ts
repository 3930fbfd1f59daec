// The UI languages and how one is chosen from the browser's preferences.
import { en, type Messages } from './en';
import { es } from './es';

export type { Messages };
export const catalogs = { en, es } satisfies Record<string, Messages>;
export type Lang = keyof typeof catalogs;
export const LANGS = Object.keys(catalogs) as Lang[];
export const LANG_NAMES: Record<Lang, string> = { en: 'English', es: 'Español' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && value in catalogs;
}

/** The first supported language in the browser's list (`es-MX` → `es`), else English. */
export function pickLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}
