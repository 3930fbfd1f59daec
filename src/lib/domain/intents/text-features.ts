// Up to three views of a message, each L2-normalised on its own, then concatenated: words (uni- and bigrams,
// TF-IDF) carry the meaning, character n-grams survive typos, plurals and Spanish/English word forms ("tarjeta",
// "tarjetas"; "card", "cards"), and an optional word-vector view (the IDF-weighted average of pretrained word
// vectors, given by the caller) lets words with close meanings share evidence ("came" and "arrived"). A
// vocabulary, not hashing: it keeps the weight matrix as small as the data; the model keeps the vectors of its
// own vocabulary's words only, quantised, so prediction needs nothing but the model.
import { tokenizeText } from './text-normalization';

/** How a message is turned into features; stored with the model so prediction repeats training exactly. */
export interface FeatureOptions {
  /** Longest word n-gram (1 = words only, 2 = words and bigrams). */
  wordNgrams: number;
  /** Character n-gram lengths. 0 turns the character view off. */
  charMin: number;
  charMax: number;
  /** Character n-grams within each word (padded by a space each side) or across the whole folded message. */
  charSpan: 'word' | 'message';
  /** Terms seen in fewer training messages than this are dropped (they rarely help a new message). */
  minDf: number;
  /** Weight of the character view against the word view (both are unit length before it). */
  charWeight: number;
  /** Weight of the word-vector view (unit length before it); 0, or no word vectors given, turns it off. */
  vectorWeight: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  wordNgrams: 2,
  charMin: 3,
  charMax: 5,
  charSpan: 'word',
  minDf: 2,
  charWeight: 1,
  vectorWeight: 2,
};

/** Pretrained word vectors, looked up by folded word (see tokenizeText); undefined for a word it lacks. */
export type WordVectorLookup = (word: string) => ArrayLike<number> | undefined;

/**
 * The vocabulary's word vectors: `dims` numbers per vocabulary word that has one, unit length, rounded to signed
 * bytes (value = byte / 127). `rowOf[column]` is the word's row in `bytes`, or -1.
 */
export interface VocabularyVectors {
  dims: number;
  rowOf: Int32Array;
  bytes: Int8Array;
}

/** The fitted vocabulary: term → column, with each column's inverse document frequency (and word vectors, if any). */
export interface Vocabulary {
  options: FeatureOptions;
  terms: string[];
  idf: Float64Array;
  index: Map<string, number>;
  vectors: VocabularyVectors | null;
}

/** Feature columns of a vocabulary: one per term, then one per word-vector dimension. */
export function featureColumns(vocabulary: Vocabulary): number {
  return vocabulary.terms.length + (vocabulary.vectors?.dims ?? 0);
}

/** A sparse row: column numbers and their values (same length). */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

// Character n-grams start with '#', which tokenization never leaves inside a word, so they cannot collide with words.
const CHAR_MARK = '#';

/** Counts the word and character terms of a message; character terms are prefixed by CHAR_MARK. */
export function countTerms(text: string, options: FeatureOptions): Map<string, number> {
  const tokens = tokenizeText(text);
  const counts = new Map<string, number>();
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  for (let i = 0; i < tokens.length; i++) {
    add(tokens[i]!);
    let gram = tokens[i]!;
    for (let n = 2; n <= options.wordNgrams && i + n <= tokens.length; n++) {
      gram += ` ${tokens[i + n - 1]}`;
      add(gram);
    }
  }
  if (options.charMin > 0) {
    const spans = options.charSpan === 'word' ? tokens : [tokens.join(' ')];
    for (const span of spans) {
      const padded = ` ${span} `;
      for (let n = options.charMin; n <= options.charMax; n++) {
        for (let start = 0; start + n <= padded.length; start++) add(CHAR_MARK + padded.slice(start, start + n));
      }
    }
  }
  return counts;
}

/**
 * Learns the vocabulary and IDF (smoothed, as scikit-learn does) from the training messages, and keeps the word
 * vectors of its single words when `wordVectors` is given and the options weigh that view.
 */
export function fitVocabulary(texts: readonly string[], options: FeatureOptions, wordVectors?: WordVectorLookup): Vocabulary {
  const df = new Map<string, number>();
  for (const text of texts) for (const term of countTerms(text, options).keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const terms = [...df.entries()]
    .filter(([, count]) => count >= options.minDf)
    .map(([term]) => term)
    .sort();
  const idf = new Float64Array(terms.length);
  terms.forEach((term, column) => (idf[column] = Math.log((1 + texts.length) / (1 + df.get(term)!)) + 1));
  const vectors = wordVectors && options.vectorWeight > 0 ? quantizeVectors(terms, wordVectors) : null;
  return vocabularyOf(options, terms, idf, vectors);
}

/** Rebuilds the term index of a stored vocabulary. */
export function vocabularyOf(options: FeatureOptions, terms: string[], idf: Float64Array, vectors: VocabularyVectors | null = null): Vocabulary {
  return { options, terms, idf, index: new Map(terms.map((term, column) => [term, column])), vectors };
}

// Single words only (no space, not a character n-gram); each vector unit length, then one signed byte per number.
function quantizeVectors(terms: readonly string[], wordVectors: WordVectorLookup): VocabularyVectors | null {
  let dims = 0;
  const rowOf = new Int32Array(terms.length).fill(-1);
  const rows: ArrayLike<number>[] = [];
  terms.forEach((term, column) => {
    if (term.charCodeAt(0) === 35 || term.includes(' ')) return;
    const vector = wordVectors(term);
    if (!vector || vector.length === 0 || (dims > 0 && vector.length !== dims)) return;
    dims = vector.length;
    rowOf[column] = rows.length;
    rows.push(vector);
  });
  if (rows.length === 0) return null;
  const bytes = new Int8Array(rows.length * dims);
  rows.forEach((vector, row) => {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += vector[d]! * vector[d]!;
    const scale = norm > 0 ? 127 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) bytes[row * dims + d] = Math.round(vector[d]! * scale);
  });
  return { dims, rowOf, bytes };
}

/**
 * The message's feature vector: sublinear TF × IDF, each view scaled to unit length, then the char view weighted;
 * with word vectors, the IDF × count weighted sum of the message's word vectors, unit length × vectorWeight, in the
 * columns after the terms.
 */
export function vectorize(text: string, vocabulary: Vocabulary): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  const isChar: boolean[] = [];
  let wordNorm = 0;
  let charNorm = 0;
  const vectors = vocabulary.vectors;
  const sum = vectors ? new Float64Array(vectors.dims) : null;
  // forEach, not for…of with destructuring: iterator objects are slow in PocketBase's interpreter.
  countTerms(text, vocabulary.options).forEach((count, term) => {
    const column = vocabulary.index.get(term);
    if (column === undefined) return;
    const value = (1 + Math.log(count)) * vocabulary.idf[column]!;
    const char = term.charCodeAt(0) === 35;
    indices.push(column);
    values.push(value);
    isChar.push(char);
    if (char) charNorm += value * value;
    else wordNorm += value * value;
    const row = vectors ? vectors.rowOf[column]! : -1;
    if (row >= 0) {
      const weight = count * vocabulary.idf[column]!;
      for (let d = 0, at = row * vectors!.dims; d < vectors!.dims; d++) sum![d] = sum![d]! + weight * vectors!.bytes[at + d]!;
    }
  });
  const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
  const charScale = charNorm > 0 ? vocabulary.options.charWeight / Math.sqrt(charNorm) : 0;
  let sumNorm = 0;
  if (sum) for (let d = 0; d < sum.length; d++) sumNorm += sum[d]! * sum[d]!;
  const dense = sumNorm > 0 ? sum!.length : 0;
  const out: SparseVector = { indices: new Int32Array(values.length + dense), values: new Float64Array(values.length + dense) };
  for (let i = 0; i < values.length; i++) {
    out.indices[i] = indices[i]!;
    out.values[i] = values[i]! * (isChar[i] ? charScale : wordScale);
  }
  const vectorScale = dense > 0 ? vocabulary.options.vectorWeight / Math.sqrt(sumNorm) : 0;
  for (let d = 0; d < dense; d++) {
    out.indices[values.length + d] = vocabulary.terms.length + d;
    out.values[values.length + d] = sum![d]! * vectorScale;
  }
  return out;
}
