// The intent classifier: TF-IDF word and character n-grams into one-vs-rest linear SVMs. Training is pure and
// deterministic for a seed; prediction reads only the model, so it runs the same in Node and in PocketBase's VM.
import { DEFAULT_SVM_OPTIONS, toRows, trainOneVsRest, type SvmOptions } from './linear-svm';
import { quantizeWeights, roundIdf } from './model-serialization';
import { DEFAULT_FEATURE_OPTIONS, fitVocabulary, vectorize, type FeatureOptions, type Vocabulary } from './text-features';

/** One labelled message. */
export interface LabelledText {
  text: string;
  intent: string;
}

/** Everything that shapes a model; stored with it. */
export interface ClassifierOptions {
  features: FeatureOptions;
  svm: SvmOptions;
  /** Multiplies the SVM margins before the softmax that turns them into confidences. */
  confidenceScale: number;
}

export const DEFAULT_CLASSIFIER_OPTIONS: ClassifierOptions = { features: DEFAULT_FEATURE_OPTIONS, svm: DEFAULT_SVM_OPTIONS, confidenceScale: 5 };

/** A trained model: intents in a fixed order, the vocabulary, and feature-major weights. */
export interface IntentClassifier {
  options: ClassifierOptions;
  intents: string[];
  vocabulary: Vocabulary;
  /** Quantised, feature-major: intent k's weight for column c is `weights[c * intents.length + k] * scales[k]`. */
  weights: Int8Array;
  scales: Float64Array;
  bias: Float64Array;
}

/** One intent and how sure the model is of it (0–1; the confidences of all intents sum to 1). */
export interface IntentScore {
  intent: string;
  confidence: number;
}

/** The best intent and the next three, by confidence. */
export interface IntentPrediction extends IntentScore {
  alternatives: IntentScore[];
}

/** Trains a classifier on labelled messages; `random` (seeded) only orders the solver's passes. */
export function trainIntentClassifier(examples: readonly LabelledText[], options: ClassifierOptions, random: () => number): IntentClassifier {
  const intents = [...new Set(examples.map((example) => example.intent))].sort();
  if (intents.length < 2) throw new Error('an intent classifier needs at least two intents');
  const classOf = new Map(intents.map((intent, k) => [intent, k]));
  const vocabulary = fitVocabulary(
    examples.map((example) => example.text),
    options.features,
  );
  roundIdf(vocabulary.idf);
  const rows = toRows(
    examples.map((example) => vectorize(example.text, vocabulary)),
    vocabulary.terms.length,
  );
  const targets = Int32Array.from(examples, (example) => classOf.get(example.intent)!);
  const trained = trainOneVsRest(rows, targets, intents.length, options.svm, random);
  const { bytes, scales } = quantizeWeights(trained.weights, intents.length);
  return { options, intents, vocabulary, weights: bytes, scales, bias: Float64Array.from(trained.bias) };
}

/** The raw margin of every intent for a message (in `model.intents` order). */
export function scoreIntents(model: IntentClassifier, text: string): Float64Array {
  const classes = model.intents.length;
  const scores = new Float64Array(classes);
  const { indices, values } = vectorize(text, model.vocabulary);
  for (let p = 0; p < indices.length; p++) {
    const base = indices[p]! * classes;
    const value = values[p]!;
    for (let k = 0; k < classes; k++) scores[k] = scores[k]! + value * model.weights[base + k]!;
  }
  for (let k = 0; k < classes; k++) scores[k] = scores[k]! * model.scales[k]! + model.bias[k]!;
  return scores;
}

/** The most likely intent with its confidence (softmax over the scaled margins) and the three next best. */
export function predictIntent(model: IntentClassifier, text: string): IntentPrediction {
  const scores = scoreIntents(model, text);
  let top = -Infinity;
  for (const score of scores) if (score > top) top = score;
  let sum = 0;
  const confidences = Array.from(scores, (score) => {
    const e = Math.exp((score - top) * model.options.confidenceScale);
    sum += e;
    return e;
  });
  const ranked = model.intents
    .map((intent, k) => ({ intent, confidence: confidences[k]! / sum }))
    .sort((a, b) => b.confidence - a.confidence || (a.intent < b.intent ? -1 : 1));
  return { ...ranked[0]!, alternatives: ranked.slice(1, 4) };
}
