import { describe, expect, it } from 'vitest';
import { LANGS, loadPart, PARTS, pickLang } from './index';

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

const keys = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix];

describe('catalogs', () => {
  it.each(PARTS)('translate every string of the %s part in every language', async (part) => {
    const english = keys(await loadPart('en', part)).sort();
    expect(english.length).toBeGreaterThan(0);
    for (const lang of LANGS) expect(keys(await loadPart(lang, part)).sort()).toEqual(english);
  });

  it('keep every top-level key in exactly one part', async () => {
    const owners = new Map<string, string[]>();
    for (const part of PARTS) for (const key of Object.keys(await loadPart('en', part))) owners.set(key, [...(owners.get(key) ?? []), part]);
    expect([...owners].filter(([, parts]) => parts.length > 1)).toEqual([]);
  });
});
