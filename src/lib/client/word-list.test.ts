import { describe, expect, it } from 'vitest';
import { textOfWords, wordsOf } from './word-list';

describe('wordsOf', () => {
  it('splits on commas and new lines, trims, drops blanks and repeats', () => {
    expect(wordsOf(' refund, price ,\nrefund,, envío ')).toEqual(['refund', 'price', 'envío']);
  });

  it('reads back what textOfWords wrote', () => {
    const words = ['a b', 'c*', 'ñ'];
    expect(wordsOf(textOfWords(words))).toEqual(words);
  });
});
