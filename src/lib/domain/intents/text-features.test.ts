import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_OPTIONS, fitVocabulary, vectorize } from './text-features';

describe('the word-vector view', () => {
  const vectors: Record<string, number[]> = { card: [3, 4], arrived: [0, 2], came: [0, 5] };
  const lookup = (word: string) => vectors[word];
  const options = { ...DEFAULT_FEATURE_OPTIONS, minDf: 1, charMin: 0, vectorWeight: 2 };

  it('keeps unit-length byte vectors of single vocabulary words only', () => {
    const vocabulary = fitVocabulary(['card arrived', 'card came', 'lost it'], options, lookup);
    const vectorsOf = vocabulary.vectors!;
    expect(vectorsOf.dims).toBe(2);
    const rowOf = (term: string) => vectorsOf.rowOf[vocabulary.index.get(term)!]!;
    expect(rowOf('lost')).toBe(-1);
    expect(rowOf('card arrived')).toBe(-1);
    expect(Array.from(vectorsOf.bytes.subarray(rowOf('card') * 2, rowOf('card') * 2 + 2))).toEqual([76, 102]);
    expect(Array.from(vectorsOf.bytes.subarray(rowOf('came') * 2, rowOf('came') * 2 + 2))).toEqual([0, 127]);
  });

  it('adds the IDF-weighted sum of the word vectors, unit length times vectorWeight, after the terms', () => {
    const vocabulary = fitVocabulary(['card arrived', 'card came', 'lost it'], options, lookup);
    const vector = vectorize('card card came', vocabulary);
    const dense = [...vector.indices].map((column, i) => [column, vector.values[i]!] as const).filter(([column]) => column >= vocabulary.terms.length);
    expect(dense.map(([column]) => column)).toEqual([vocabulary.terms.length, vocabulary.terms.length + 1]);
    const idf = (term: string) => vocabulary.idf[vocabulary.index.get(term)!]!;
    const sum = [2 * idf('card') * 76, 2 * idf('card') * 102 + idf('came') * 127];
    const norm = Math.hypot(sum[0]!, sum[1]!);
    expect(dense[0]![1]).toBeCloseTo((2 * sum[0]!) / norm, 10);
    expect(dense[1]![1]).toBeCloseTo((2 * sum[1]!) / norm, 10);
    expect(vectorize('lost it', vocabulary).indices.every((column) => column < vocabulary.terms.length)).toBe(true);
  });

  it('is off without vectors or with vectorWeight 0', () => {
    expect(fitVocabulary(['card arrived'], options).vectors).toBeNull();
    expect(fitVocabulary(['card arrived'], { ...options, vectorWeight: 0 }, lookup).vectors).toBeNull();
  });
});
