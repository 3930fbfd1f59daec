import { describe, expect, it } from 'vitest';
import { ANY, CLASS_ESCAPES, codeSet, complement, intersects, NOTHING, rangeSet, union, withCase } from './pattern-char-sets';

const code = (ch: string) => ch.charCodeAt(0);
const has = (set: readonly number[], ch: string) => intersects(set, codeSet(Math.min(code(ch), 128)));

describe('pattern character sets', () => {
  it.each([
    ['d', '7', true],
    ['d', 'a', false],
    ['w', '_', true],
    ['w', '-', false],
    ['s', '\t', true],
    ['s', 'x', false],
    ['D', 'a', true],
    ['D', 'é', true],
    ['W', ' ', true],
    ['S', '5', true],
  ])('\\%s contains %j: %s', (escape, ch, expected) => {
    expect(has(CLASS_ESCAPES.get(escape)!, ch)).toBe(expected);
  });

  it('covers ranges across word boundaries and clamps past ASCII', () => {
    const set = rangeSet(30, 70);
    for (let c = 0; c < 128; c++) expect(intersects(set, codeSet(c))).toBe(c >= 30 && c <= 70);
    expect(rangeSet(200, 300)).toEqual(codeSet(128));
  });

  it('adds the other case of letters only', () => {
    const set = withCase(union(codeSet(code('a')), codeSet(code('Z'))));
    expect(['a', 'A', 'z', 'Z'].map((ch) => has(set, ch))).toEqual([true, true, true, true]);
    expect(['b', '@', '[', '`', '{'].map((ch) => has(set, ch))).toEqual([false, false, false, false, false]);
  });

  it('complements within ASCII and keeps "anything else"', () => {
    expect(intersects(complement(ANY), rangeSet(0, 127))).toBe(false);
    expect(intersects(complement(NOTHING), codeSet(128))).toBe(true);
    expect(intersects(NOTHING, ANY)).toBe(false);
  });
});
