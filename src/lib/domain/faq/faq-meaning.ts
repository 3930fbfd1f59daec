// FAQ matching by meaning: an entry lists example questions ("When will my card arrive?") and a customer's message
// matches the entry whose closest example is similar enough. Similarity is the cosine of the intent classifier's
// own features (TF-IDF word 1–2-grams and character 3–5-grams, text folded for English, Spanish and mixed) over the
// question terms (question-concepts.ts: synonyms as one concept, function words dropped). The IDF is fitted on the
// message and every example of the channel, so words all entries share ("card" at a bank) weigh little.
import { fitVocabulary, vectorize, type FeatureOptions, type SparseVector } from '../intents/text-features';
import { questionTerms } from './question-concepts';

// A question is a sentence or two; a pasted wall of text is cut so matching it stays cheap in the hooks' VM.
const TEXT_LIMIT = 500;

/** The least similarity (0–1) between a message and an entry's closest example that answers with the entry. */
export const MEANING_THRESHOLD = 0.5;

// minDf 1: one example is enough to know a word. The character view is weighted below the words: it relates forms
// of a word ("refunded", "refund") but also unrelated words that share letters.
const FEATURES: FeatureOptions = { wordNgrams: 2, charMin: 3, charMax: 5, charSpan: 'word', minDf: 1, charWeight: 0.5, vectorWeight: 0 };

/** One entry's example questions, as the matcher reads them. */
export interface MeaningCandidate {
  id: string;
  examples: readonly string[];
}

/** How close a message comes to an entry: the similarity of its closest example. */
export interface MeaningScore {
  id: string;
  score: number;
}

function cosine(a: SparseVector, b: SparseVector): number {
  const at = new Map<number, number>();
  let normA = 0;
  for (let i = 0; i < a.indices.length; i++) {
    at.set(a.indices[i]!, a.values[i]!);
    normA += a.values[i]! * a.values[i]!;
  }
  let dot = 0;
  let normB = 0;
  for (let i = 0; i < b.indices.length; i++) {
    normB += b.values[i]! * b.values[i]!;
    const value = at.get(b.indices[i]!);
    if (value !== undefined) dot += value * b.values[i]!;
  }
  return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
}

/** Each candidate's best similarity to `text` (0–1), in the candidates' order; 0 for a message with no terms. */
export function scoreByMeaning(text: string, candidates: readonly MeaningCandidate[]): MeaningScore[] {
  const message = questionTerms(text.slice(0, TEXT_LIMIT));
  const examples = candidates.map((candidate) => candidate.examples.map(questionTerms));
  if (message === '') return candidates.map((candidate) => ({ id: candidate.id, score: 0 }));
  const vocabulary = fitVocabulary([message, ...examples.flat()], FEATURES);
  const asked = vectorize(message, vocabulary);
  return candidates.map((candidate, i) => {
    let score = 0;
    for (const example of examples[i]!) if (example !== '') score = Math.max(score, cosine(asked, vectorize(example, vocabulary)));
    return { id: candidate.id, score };
  });
}

/** The candidate whose closest example is most similar to `text`, at least `threshold`; null when none is. */
export function matchByMeaning(text: string, candidates: readonly MeaningCandidate[], threshold = MEANING_THRESHOLD): MeaningScore | null {
  let best: MeaningScore | null = null;
  for (const scored of scoreByMeaning(text, candidates)) if (scored.score >= threshold && (best === null || scored.score > best.score)) best = scored;
  return best;
}
