import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, toMatchQuery } from './match-query';

const matchOf = (input: string) => {
  const result = toMatchQuery(input);
  return result.ok ? result.match : result.reason;
};

describe('toMatchQuery', () => {
  it.each([
    ['pedido', '"pedido"*'],
    ['  PEDIDO  roto ', '"PEDIDO" "roto"*'],
    ['canción', '"canción"*'],
    ['¿Dónde está mi pedido?', '"Dónde" "está" "mi" "pedido"*'],
    ['pump AND NOT leak', '"pump" "AND" "NOT" "leak"*'],
    ['NEAR(a b)', '"NEAR" "a" "b"'],
    ['body:leak', '"body" "leak"*'],
    ['-leak ^pump', '"leak" "pump"*'],
    ['"broken', '"broken"*'],
    ['lea*', '"lea"*'],
    ['+34 612-345', '"34612345"*'],
    ['(0)612 34', '"061234"*'],
    ['order 4521', '"order" "4521"*'],
    ['gracias 🙏 “mucho”…', '"gracias" "mucho"*'],
    ['vitamina c', '"vitamina" "c"'],
    ['a', '"a"'],
  ])('reads %j as %s', (input, expected) => {
    expect(matchOf(input)).toBe(expected);
  });

  it.each(['', '   ', '"', '*', '-', '()', '"*:^', '🙏🙏', '¿?', '… — «»'])('finds nothing to search in %j', (input) => {
    expect(matchOf(input)).toBe('empty');
  });

  it('refuses a query longer than the limit instead of cutting it', () => {
    expect(matchOf('a'.repeat(MAX_QUERY_LENGTH))).toBe(`"${'a'.repeat(MAX_QUERY_LENGTH)}"*`);
    expect(matchOf('a'.repeat(MAX_QUERY_LENGTH + 1))).toBe('too-long');
  });

  it('keeps the first words when too many are typed', () => {
    const result = toMatchQuery('one two three four five six seven eight nine ten');
    expect(result.ok && result.words).toHaveLength(MAX_QUERY_WORDS);
  });

  it('never lets a double quote out of its word, whatever is typed', () => {
    for (let code = 0; code < 0x3100; code++) {
      const result = toMatchQuery(`a${String.fromCharCode(code)}"b ${String.fromCharCode(code)}`);
      if (!result.ok) continue;
      // Every quote opens or closes a word: an even count, and no quote inside a word.
      expect(result.match).toMatch(/^("[^"]+" )*"[^"]+"\*?$/);
    }
  });
});
