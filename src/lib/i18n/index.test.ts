import { describe, expect, it } from 'vitest';
import { catalogs, pickLang } from './index';

describe('pickLang', () => {
  it.each([
    [['es-MX', 'en'], 'es'],
    [['de-DE', 'es'], 'es'],
    [['fr'], 'en'],
    [[], 'en'],
  ] as const)('picks a supported language from %j', (preferred, lang) => {
    expect(pickLang(preferred)).toBe(lang);
  });
});

describe('catalogs', () => {
  it('translate every string of every language', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix];
    const english = keys(catalogs.en).sort();
    for (const catalog of Object.values(catalogs)) expect(keys(catalog).sort()).toEqual(english);
  });
});
