// The UI language: the browser's preference until the agent picks one, remembered on this device.
// Strings arrive in parts (see $lib/i18n): a route awaits `locale.load(...)` for its parts before it renders.
import { db } from '../client/db';
import { isLang, loadPart, pickLang, type Lang, type Messages, type Part } from '../i18n';
import { LANG_META_KEY } from '../i18n/langs';

const STORAGE_KEY = 'pocketdesk.lang';

function initialLang(): Lang {
  if (typeof navigator === 'undefined') return 'en';
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLang(saved) ? saved : pickLang(navigator.languages ?? [navigator.language]);
}

class Locale {
  #lang = $state<Lang>(initialLang());
  #requested: Lang | null = null;
  // Replaced, never mutated, so a screen re-renders when a part lands.
  #strings = $state.raw<Record<Lang, Partial<Messages>>>({ en: {}, es: {} });
  #loaded: Record<Lang, Set<Part>> = { en: new Set(), es: new Set() };
  // Every part some screen has asked for: switching language fetches them all before the switch.
  #wanted = new Set<Part>();

  get lang(): Lang {
    return this.#lang;
  }

  /** The strings of the current language: only the parts a route has loaded are there. */
  get t(): Messages {
    return this.#strings[this.#lang] as Messages;
  }

  /** Downloads `parts` of the current language (once); resolves when their strings can be read. */
  async load(...parts: Part[]): Promise<void> {
    for (const part of parts) this.#wanted.add(part);
    await this.#fetch(this.#lang, parts);
  }

  /** Switches language once every part in use is there, so no screen ever shows a missing string. */
  async set(lang: Lang): Promise<void> {
    this.#requested = lang;
    localStorage.setItem(STORAGE_KEY, lang);
    void db.meta.put({ key: LANG_META_KEY, value: lang }).catch(() => {});
    await this.#fetch(lang, [...this.#wanted]);
    // A later pick whose strings were already here must not be undone by this one's late download.
    if (this.#requested === lang) this.#lang = lang;
  }

  async #fetch(lang: Lang, parts: Part[]): Promise<void> {
    const missing = parts.filter((part) => !this.#loaded[lang].has(part));
    if (missing.length === 0) return;
    const strings = await Promise.all(missing.map((part) => loadPart(lang, part)));
    for (const part of missing) this.#loaded[lang].add(part);
    this.#strings = { ...this.#strings, [lang]: Object.assign({}, this.#strings[lang], ...strings) };
  }
}

export const locale = new Locale();
