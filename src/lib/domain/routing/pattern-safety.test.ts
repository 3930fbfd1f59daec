import { describe, expect, it } from 'vitest';
import { checkPattern, MAX_PATTERN_LENGTH } from './pattern-safety';

// Generated cases run thousands of decisions; give them room on a loaded CI machine.
const GENERATED = { timeout: 30_000 };

describe('checkPattern', () => {
  it.each([
    ['refund|reembolso'],
    ['^order\\s*#?\\d{4,10}$'],
    ['(foo|far)+'],
    ['(a|b|c)*d'],
    ['[a-z]+@[a-z]+\\.com'],
    ['(?:price|precio|preço)'],
    ['(ab)+'],
    ['(a{3})+'],
    ['(?=.*urgent).*'],
    ['colou?r'],
    ['\\bvip\\b'],
    ['[^\\s]+'],
    ['(x|y)?z+'],
    ['a{2,}b'],
    ['order.*\\d+'],
    ['[(]+'],
    ['\\(+'],
    ['[]a]'],
    ['a{,3}'],
  ])('accepts %s', (pattern) => {
    expect(checkPattern(pattern)).toEqual({ ok: true });
  });

  it.each([
    ['(a+)+', 'nested-quantifier'],
    ['(.*)*', 'nested-quantifier'],
    ['(a*)*b', 'nested-quantifier'],
    ['(\\w+\\s?)+$', 'nested-quantifier'],
    ['((ab)+c)*', 'nested-quantifier'],
    ['(a?){25}a{25}', 'nested-quantifier'],
    ['(?:x+){2,}', 'nested-quantifier'],
    ['(a|a)*', 'overlapping-alternation'],
    ['(a|aa)+', 'overlapping-alternation'],
    ['(\\w|\\d)+', 'overlapping-alternation'],
    ['(.|\\s)*', 'overlapping-alternation'],
    ['(A|a)+', 'overlapping-alternation'],
    ['(a|)+', 'overlapping-alternation'],
    ['((a|ab)c)+', 'overlapping-alternation'],
    ['([a-f]|[e-z])+', 'overlapping-alternation'],
    ['(', 'invalid-pattern'],
    ['[a-', 'invalid-pattern'],
    ['a**', 'invalid-pattern'],
    ['(?<=a)b', 'unsupported-pattern'],
    ['(?<name>a)', 'unsupported-pattern'],
    ['(a)\\1', 'unsupported-pattern'],
    ['a'.repeat(MAX_PATTERN_LENGTH + 1), 'pattern-too-long'],
  ])('rejects %s as %s', (pattern, code) => {
    expect(checkPattern(pattern)).toMatchObject({ ok: false, code });
  });

  it('never throws and agrees with the engine about what compiles, on thousands of generated patterns', GENERATED, () => {
    const pieces = ['a', 'b', '\\d', '\\w', '.', '[a-c]', '[^x]', '(', ')', '(?:', '|', '*', '+', '?', '{2}', '{1,3}', '^', '$', '\\', 'x', '\\s', '(?=', ']'];
    let seed = 99;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 5000; i++) {
      const pattern = Array.from({ length: 1 + Math.floor(next() * 10) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      let compiles = true;
      try {
        new RegExp(pattern, 'i');
      } catch {
        compiles = false;
      }
      const check = checkPattern(pattern);
      if (!compiles) expect(check).toMatchObject({ ok: false, code: 'invalid-pattern' });
      else if (!check.ok) expect(check.code).not.toBe('invalid-pattern');
    }
  });
});
