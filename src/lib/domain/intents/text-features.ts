// Two views of a message, each TF-IDF weighted and L2-normalised on its own, then concatenated: words (uni- and
// bigrams) carry the meaning, character n-grams survive typos, plurals and Spanish/English word forms ("tarjeta",
// "tarjetas"; "card", "cards"). A vocabulary, not hashing: it keeps the weight matrix as small as the data.
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
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { wordNgrams: 2, charMin: 3, charMax: 5, charSpan: 'word', minDf: 2, charWeight: 1 };

/** The fitted vocabulary: term → column, with each column's inverse document frequency. */
export interface Vocabulary {
  options: FeatureOptions;
  terms: string[];
  idf: Float64Array;
  index: Map<string, number>;
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

/** Learns the vocabulary and IDF (smoothed, as scikit-learn does) from the training messages. */
export function fitVocabulary(texts: readonly string[], options: FeatureOptions): Vocabulary {
  const df = new Map<string, number>();
  for (const text of texts) for (const term of countTerms(text, options).keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const terms = [...df.entries()]
    .filter(([, count]) => count >= options.minDf)
    .map(([term]) => term)
    .sort();
  const idf = new Float64Array(terms.length);
  terms.forEach((term, column) => (idf[column] = Math.log((1 + texts.length) / (1 + df.get(term)!)) + 1));
  return vocabularyOf(options, terms, idf);
}

/** Rebuilds the term index of a stored vocabulary. */
export function vocabularyOf(options: FeatureOptions, terms: string[], idf: Float64Array): Vocabulary {
  return { options, terms, idf, index: new Map(terms.map((term, column) => [term, column])) };
}

/** The message's feature vector: sublinear TF × IDF, each view scaled to unit length, then the char view weighted. */
export function vectorize(text: string, vocabulary: Vocabulary): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  const isChar: boolean[] = [];
  let wordNorm = 0;
  let charNorm = 0;
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
  });
  const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
  const charScale = charNorm > 0 ? vocabulary.options.charWeight / Math.sqrt(charNorm) : 0;
  const out: SparseVector = { indices: Int32Array.from(indices), values: new Float64Array(values.length) };
  for (let i = 0; i < values.length; i++) out.values[i] = values[i]! * (isChar[i] ? charScale : wordScale);
  return out;
}
