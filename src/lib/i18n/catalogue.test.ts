// Every sentence a person reads comes from these catalogues: none may be an internal key, a raw validator message
// or a list of field keys ("Fill in: 1, header.1"), in English or Spanish.
import { describe, expect, it } from 'vitest';
import { LANGS, loadPart, PARTS } from './index';

const RAW = [
  /^[a-z]+(?:[-_.][a-z0-9]+)+$/, // a key such as window-closed, missing_parameter, header.1
  /Too (?:small|big):|expected .+ to be|Invalid input|^Required$/, // zod's own words
  /Fill in:|Completa:/, // a bare list of what is missing
  /\b(?:en|es|pt)_[A-Z]{2}\b/, // a locale code
  /undefined|null|NaN|\[object Object\]/,
];

/** Every string of a catalogue part; functions are called with sample arguments, as the screens would. */
function sentences(value: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (typeof value === 'function') out.push([path, String((value as (...a: unknown[]) => unknown)('Order id', 2, 3))]);
  else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) sentences(child, `${path}.${key}`, out);
  return out;
}

describe.each(LANGS)('the %s catalogue', (lang) => {
  it('has no internal keys or raw validator messages among its sentences', async () => {
    const found: string[] = [];
    for (const part of PARTS) {
      for (const [path, text] of sentences(await loadPart(lang, part), part, [])) {
        if (RAW.some((pattern) => pattern.test(text.trim()))) found.push(`${path}: ${text}`);
      }
    }
    expect(found).toEqual([]);
  });
});
