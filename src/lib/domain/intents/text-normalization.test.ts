import { describe, expect, it } from 'vitest';
import { tokenizeText } from './text-normalization';
import { countTerms, DEFAULT_FEATURE_OPTIONS, fitVocabulary, vectorize } from './text-features';

describe('tokenizeText', () => {
  it.each([
    ['My card still hasn’t arrived!!', ['my', 'card', 'still', 'hasnt', 'arrived']],
    ["I haven't got it", ['i', 'havent', 'got', 'it']],
    ['¿Dónde está mi TARJETA? Ya pasó 1 semana', ['donde', 'esta', 'mi', 'tarjeta', 'ya', 'paso', '1', 'semana']],
    ['Año, niño, pingüino', ['ano', 'nino', 'pinguino']],
    ['No me llegó 😡😡 the card', ['no', 'me', 'llego', '😡', '😡', 'the', 'card']],
    ['paid £20 and €15 (+5%)', ['paid', '£', '20', 'and', '€', '15', '+', '5', '%']],
    ['order #4829, pls', ['order', '4829', 'pls']],
    ['👍🏽 thanks', ['👍', '🏽', 'thanks']],
    ['   ', []],
  ])('%s → %j', (text, tokens) => {
    expect(tokenizeText(text)).toEqual(tokens);
  });

  it('gives accented and unaccented spellings the same tokens', () => {
    expect(tokenizeText('Devolución RÁPIDA')).toEqual(tokenizeText('devolucion rapida'));
  });
});

describe('text features', () => {
  it('counts words, bigrams and character n-grams within words', () => {
    const terms = countTerms('card card arrived', { ...DEFAULT_FEATURE_OPTIONS, charMin: 3, charMax: 3 });
    expect(terms.get('card')).toBe(2);
    expect(terms.get('card card')).toBe(1);
    expect(terms.get('card arrived')).toBe(1);
    expect(terms.get('# ca')).toBe(2);
    expect(terms.get('#ed ')).toBe(1);
    expect(terms.has('#d a')).toBe(false);
  });

  it('makes each view unit length and drops unknown terms', () => {
    const vocabulary = fitVocabulary(['card arrived', 'card lost', 'refund please'], { ...DEFAULT_FEATURE_OPTIONS, minDf: 1, charWeight: 1 });
    const vector = vectorize('card arrived yesterday', vocabulary);
    let word = 0;
    let char = 0;
    vector.indices.forEach((column, i) => {
      if (vocabulary.terms[column]!.startsWith('#')) char += vector.values[i]! ** 2;
      else word += vector.values[i]! ** 2;
    });
    expect(word).toBeCloseTo(1, 10);
    expect(char).toBeCloseTo(1, 10);
    expect(vector.indices.every((column) => vocabulary.terms[column] !== 'yesterday')).toBe(true);
  });

  it('keeps terms seen in at least minDf training messages only', () => {
    const vocabulary = fitVocabulary(['card arrived', 'card lost'], { ...DEFAULT_FEATURE_OPTIONS, minDf: 2, charMin: 0 });
    expect(vocabulary.terms).toEqual(['card']);
  });
});
