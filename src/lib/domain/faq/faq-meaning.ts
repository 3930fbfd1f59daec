// FAQ matching by meaning: an entry lists example questions ("When will my card arrive?") and a customer's message
// matches the entry whose closest example is similar enough. Similarity is the cosine of the intent classifier's
// own features (TF-IDF word 1–2-grams and character 3–5-grams, text folded for English, Spanish and mixed) over the
// question terms (question-concepts.ts: synonyms as one concept, function words dropped). The IDF is fitted on the
// message and every example of the channel, so words all entries share ("card" at a bank) weigh little.
import { countTerms, type FeatureOptions } from '../intents/text-features';
import { questionTerms } from './question-concepts';

// A question is a sentence or two; a pasted wall of text is cut so matching it stays cheap in the hooks' VM.
const TEXT_LIMIT = 500;

/** The least similarity (0–1) between a message and an entry's closest example that answers with the entry. */
export const MEANING_THRESHOLD = 0.5;

// Words and word pairs only. The character 3–5-grams scored the labelled set the same (33 of 34) but cost three
// times as much in PocketBase's VM (bench: `npm run bench -- faq`); the concepts already join a word's forms.
const FEATURES: FeatureOptions = { wordNgrams: 2, charMin: 0, charMax: 0, charSpan: 'word', minDf: 1, charWeight: 0, vectorWeight: 0 };

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

type TermWeights = Map<string, number>;

// The classifier's weighting (sublinear TF × smoothed IDF, word and character views each unit length, the character
// view weighted, off here) on plain maps: a channel's few dozen examples need no fitted, sorted vocabulary, and each text is
// counted once — in PocketBase's VM, where this runs, the counting is most of the cost.
function weigh(counts: Map<string, number>, idf: (term: string) => number): TermWeights {
  const weights: TermWeights = new Map();
  let word = 0;
  let char = 0;
  counts.forEach((count, term) => {
    const value = (1 + Math.log(count)) * idf(term);
    weights.set(term, value);
    if (term.charCodeAt(0) === 35) char += value * value;
    else word += value * value;
  });
  const wordScale = word > 0 ? 1 / Math.sqrt(word) : 0;
  const charScale = char > 0 ? FEATURES.charWeight / Math.sqrt(char) : 0;
  weights.forEach((value, term) => weights.set(term, value * (term.charCodeAt(0) === 35 ? charScale : wordScale)));
  return weights;
}

function cosine(a: TermWeights, b: TermWeights): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  a.forEach((value) => (normA += value * value));
  b.forEach((value, term) => {
    normB += value * value;
    const other = a.get(term);
    if (other !== undefined) dot += value * other;
  });
  return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
}

/** Each candidate's best similarity to `text` (0–1), in the candidates' order; 0 for a message with no terms. */
export function scoreByMeaning(text: string, candidates: readonly MeaningCandidate[]): MeaningScore[] {
  const message = questionTerms(text.slice(0, TEXT_LIMIT));
  if (message === '') return candidates.map((candidate) => ({ id: candidate.id, score: 0 }));
  const asked = countTerms(message, FEATURES);
  const examples = candidates.map((candidate) => candidate.examples.map((example) => countTerms(questionTerms(example), FEATURES)));
  // IDF over the message and every example, smoothed as the classifier's is.
  const df = new Map<string, number>();
  let documents = 1;
  asked.forEach((_, term) => df.set(term, 1));
  for (const list of examples)
    for (const counts of list) {
      documents++;
      counts.forEach((_, term) => df.set(term, (df.get(term) ?? 0) + 1));
    }
  const idf = (term: string) => Math.log((1 + documents) / (1 + (df.get(term) ?? 0))) + 1;
  const askedWeights = weigh(asked, idf);
  return candidates.map((candidate, i) => {
    let score = 0;
    for (const counts of examples[i]!) if (counts.size > 0) score = Math.max(score, cosine(askedWeights, weigh(counts, idf)));
    return { id: candidate.id, score };
  });
}

/** The candidate whose closest example is most similar to `text`, at least `threshold`; null when none is. */
export function matchByMeaning(text: string, candidates: readonly MeaningCandidate[], threshold = MEANING_THRESHOLD): MeaningScore | null {
  let best: MeaningScore | null = null;
  for (const scored of scoreByMeaning(text, candidates)) if (scored.score >= threshold && (best === null || scored.score > best.score)) best = scored;
  return best;
}
