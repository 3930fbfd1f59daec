import { beforeEach, describe, expect, it, vi } from 'vitest';

// A fresh module per test: the locale is a singleton that remembers what it downloaded.
async function freshLocale(saved: string | null) {
  vi.resetModules();
  const store = new Map<string, string>(saved ? [['pocketdesk.lang', saved]] : []);
  vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) });
  vi.stubGlobal('navigator', { languages: ['en-GB'], language: 'en-GB' });
  const { locale } = await import('./locale.svelte');
  return { locale, store };
}

describe('locale', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('has the strings of a part once it is loaded, in the saved language', async () => {
    const { locale } = await freshLocale('es');
    await locale.load('core');
    expect(locale.lang).toBe('es');
    expect(locale.t.header.menu).toBe('Menú');
    expect(locale.t.signIn).toBeUndefined();
    await locale.load('signIn');
    expect(locale.t.signIn.submit).toBe('Entrar');
    expect(locale.t.admin).toBeUndefined();
    await locale.load('admin');
    expect(typeof locale.t.admin.title).toBe('string');
  });

  it('switches language with every part a screen asked for already there', async () => {
    const { locale, store } = await freshLocale(null);
    await locale.load('core', 'settings');
    await locale.set('es');
    expect(locale.lang).toBe('es');
    expect(store.get('pocketdesk.lang')).toBe('es');
    expect(locale.t.settings.title).toBe('Ajustes');
    expect(locale.t.header.menu).toBe('Menú');
  });

  it('keeps the last language picked when an earlier pick downloads late', async () => {
    const { locale } = await freshLocale(null);
    await locale.load('core');
    const first = locale.set('es');
    await locale.set('en');
    await first;
    expect(locale.lang).toBe('en');
  });
});
