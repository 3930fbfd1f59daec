// The UI language: the browser's preference until the agent picks one, remembered on this device.
import { catalogs, isLang, pickLang, type Lang, type Messages } from '../i18n';

const STORAGE_KEY = 'pocketdesk.lang';

function initialLang(): Lang {
  if (typeof navigator === 'undefined') return 'en';
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLang(saved) ? saved : pickLang(navigator.languages ?? [navigator.language]);
}

class Locale {
  #lang = $state<Lang>(initialLang());

  get lang(): Lang {
    return this.#lang;
  }

  /** The strings of the current language. */
  get t(): Messages {
    return catalogs[this.#lang];
  }

  set(lang: Lang): void {
    this.#lang = lang;
    localStorage.setItem(STORAGE_KEY, lang);
  }
}

export const locale = new Locale();
