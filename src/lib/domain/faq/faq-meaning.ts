// FAQ matching by meaning: an entry lists example questions ("When will my card arrive?") and a customer's message
// matches the entry whose closest example is similar enough. Similarity is the cosine of the intent classifier's
// own word features (TF-IDF word 1–2-grams, text folded for English, Spanish and mixed) over the question terms (question-concepts.ts: synonyms as one concept, function words dropped). The IDF is fitted on the
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

// A channel's examples are the same for every message while its FAQ is unchanged, and in PocketBase's VM folding and
// weighing them was nearly all the cost: 44 ms a message for 168 examples. So the examples' term counts, document
// frequencies and norms are prepared once per FAQ, kept in a memo the caller owns (the hooks keep one per pooled VM),
// and a message only corrects the few terms it shares with an example (counting the message as one more document).
interface PreparedExample {
  tf: Map<string, number>; // sublinear term frequency, 1 + ln(count)
  baseNormSq: number; // the squared norm with every term weighed as if the message did not contain it
}

interface PreparedFaq {
  documents: number; // the examples and the message
  df: Map<string, number>; // in how many examples a term appears
  candidates: PreparedExample[][];
}

/** The last FAQ prepared for matching, reused while its examples are unchanged. */
export interface MeaningMemo {
  key: string;
  prepared: PreparedFaq | null;
}

export function createMeaningMemo(): MeaningMemo {
  return { key: '', prepared: null };
}

function prepare(candidates: readonly MeaningCandidate[], memo: MeaningMemo): PreparedFaq {
  const key = candidates.map((candidate) => candidate.examples.join('\u0001')).join('\u0002');
  if (memo.prepared !== null && key === memo.key) return memo.prepared;
  const counted = candidates.map((candidate) => candidate.examples.map((example) => countTerms(questionTerms(example), FEATURES)));
  const df = new Map<string, number>();
  let documents = 1;
  for (const list of counted)
    for (const counts of list) {
      documents++;
      counts.forEach((_, term) => df.set(term, (df.get(term) ?? 0) + 1));
    }
  const idf = inverseFrequency(documents, df, 0);
  const examples = counted.map((list) =>
    list.map((counts) => {
      const tf = new Map<string, number>();
      let baseNormSq = 0;
      counts.forEach((count, term) => {
        const value = 1 + Math.log(count);
        tf.set(term, value);
        baseNormSq += (value * idf(term)) ** 2;
      });
      return { tf, baseNormSq };
    }),
  );
  memo.key = key;
  memo.prepared = { documents, df, candidates: examples };
  return memo.prepared;
}

// The classifier's smoothed IDF; `extra` counts the message as a document holding the term.
function inverseFrequency(documents: number, df: Map<string, number>, extra: number): (term: string) => number {
  return (term) => Math.log((1 + documents) / (1 + (df.get(term) ?? 0) + extra)) + 1;
}

/** Each candidate's best similarity to `text` (0–1), in the candidates' order; 0 for a message with no terms. */
export function scoreByMeaning(text: string, candidates: readonly MeaningCandidate[], memo: MeaningMemo = createMeaningMemo()): MeaningScore[] {
  const message = questionTerms(text.slice(0, TEXT_LIMIT));
  if (message === '') return candidates.map((candidate) => ({ id: candidate.id, score: 0 }));
  const faq = prepare(candidates, memo);
  const without = inverseFrequency(faq.documents, faq.df, 0);
  const withMessage = inverseFrequency(faq.documents, faq.df, 1);
  // Sublinear TF × IDF, cosine: the view's unit-length scaling cancels out of a cosine, so it is left out.
  const asked: Array<{ term: string; value: number; idf: number; idfWithout: number }> = [];
  let askedNormSq = 0;
  countTerms(message, FEATURES).forEach((count, term) => {
    const idf = withMessage(term);
    const value = (1 + Math.log(count)) * idf;
    askedNormSq += value * value;
    asked.push({ term, value, idf, idfWithout: without(term) });
  });
  return candidates.map((candidate, i) => {
    let score = 0;
    for (const example of faq.candidates[i]!) {
      if (example.tf.size === 0) continue;
      let dot = 0;
      let normSq = example.baseNormSq;
      for (const { term, value, idf, idfWithout } of asked) {
        const tf = example.tf.get(term);
        if (tf === undefined) continue;
        dot += value * tf * idf;
        normSq += (tf * idf) ** 2 - (tf * idfWithout) ** 2;
      }
      if (dot > 0 && askedNormSq > 0 && normSq > 0) score = Math.max(score, dot / Math.sqrt(askedNormSq * normSq));
    }
    return { id: candidate.id, score };
  });
}

/** The candidate whose closest example is most similar to `text`, at least `threshold`; null when none is. */
export function matchByMeaning(
  text: string,
  candidates: readonly MeaningCandidate[],
  threshold = MEANING_THRESHOLD,
  memo: MeaningMemo = createMeaningMemo(),
): MeaningScore | null {
  let best: MeaningScore | null = null;
  for (const scored of scoreByMeaning(text, candidates, memo)) if (scored.score >= threshold && (best === null || scored.score > best.score)) best = scored;
  return best;
}
