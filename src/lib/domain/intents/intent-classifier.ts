// The intent classifier: TF-IDF word and character n-grams (and, when given, averaged pretrained word vectors)
// into one-vs-rest linear SVMs and, on data sets big enough to teach it, a one-hidden-layer network over the same
// features; a prediction averages the two models' probabilities. Training is pure and deterministic for a seed;
// prediction reads only the model, so it runs the same in Node and in PocketBase's VM.
import { DEFAULT_SVM_OPTIONS, toRows, trainOneVsRest, type SvmOptions } from './linear-svm';
import { DEFAULT_MLP_OPTIONS, networkProbabilities, quantizeNetwork, trainMlp, type MlpOptions, type QuantizedNetwork } from './sparse-mlp';
import { quantizeWeights, roundIdf, type QuantizedWeights } from './model-serialization';
import {
  DEFAULT_FEATURE_OPTIONS,
  featureColumns,
  fitVocabulary,
  vectorize,
  type FeatureOptions,
  type SparseVector,
  type Vocabulary,
  type WordVectorLookup,
} from './text-features';

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
  /** The network trained beside the SVMs, or null for the SVMs alone. */
  mlp: MlpOptions | null;
  /** The network's share of the averaged probabilities (the SVMs' softmax has the rest). */
  mlpWeight: number;
  /** Fewer training messages than this train the SVMs alone: a handful of examples cannot teach the network. */
  mlpMinExamples: number;
}

export const DEFAULT_CLASSIFIER_OPTIONS: ClassifierOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  svm: DEFAULT_SVM_OPTIONS,
  confidenceScale: 5,
  mlp: DEFAULT_MLP_OPTIONS,
  mlpWeight: 0.6,
  mlpMinExamples: 200,
};

/**
 * A trained model: intents in a fixed order, the vocabulary, and the weights quantised to signed bytes and stored
 * by feature with the zeros left out (about two thirds of them are): column c's non-zero weights are entries
 * `rowStart[c]` to `rowStart[c + 1]`, weight `weights[e] * scales[intentOf[e]]` for intent `intentOf[e]`.
 */
export interface IntentClassifier {
  options: ClassifierOptions;
  intents: string[];
  vocabulary: Vocabulary;
  weights: QuantizedWeights;
  bias: Float64Array;
  /** The network, or null when the model is the SVMs alone (small data, options, or a model of format 1–2). */
  network: QuantizedNetwork | null;
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

/**
 * Trains a classifier on labelled messages; `random` (seeded) orders the solvers' passes and draws the network's
 * initial weights and dropout. `wordVectors`
 * (optional) looks up pretrained word vectors; the model keeps those of its vocabulary, so it needs no lookup later.
 */
export function trainIntentClassifier(
  examples: readonly LabelledText[],
  options: ClassifierOptions,
  random: () => number,
  wordVectors?: WordVectorLookup,
): IntentClassifier {
  const intents = [...new Set(examples.map((example) => example.intent))].sort();
  if (intents.length < 2) throw new Error('an intent classifier needs at least two intents');
  const classOf = new Map(intents.map((intent, k) => [intent, k]));
  const vocabulary = fitVocabulary(
    examples.map((example) => example.text),
    options.features,
    wordVectors,
  );
  roundIdf(vocabulary.idf);
  const rows = toRows(
    examples.map((example) => vectorize(example.text, vocabulary)),
    featureColumns(vocabulary),
  );
  const targets = Int32Array.from(examples, (example) => classOf.get(example.intent)!);
  const trained = trainOneVsRest(rows, targets, intents.length, options.svm, random);
  const network =
    options.mlp && examples.length >= options.mlpMinExamples ? quantizeNetwork(trainMlp(rows, targets, intents.length, options.mlp, random)) : null;
  return { options, intents, vocabulary, weights: quantizeWeights(trained.weights, intents.length), bias: Float64Array.from(trained.bias), network };
}

/** The raw margin of every intent for a message (in `model.intents` order). */
export function scoreIntents(model: IntentClassifier, text: string): Float64Array {
  return marginsOf(model, vectorize(text, model.vocabulary));
}

function marginsOf(model: IntentClassifier, { indices, values }: SparseVector): Float64Array {
  const classes = model.intents.length;
  const scores = new Float64Array(classes);
  const { rowStart, intentOf, weights, scales } = model.weights;
  for (let p = 0; p < indices.length; p++) {
    const value = values[p]!;
    for (let e = rowStart[indices[p]!]!, end = rowStart[indices[p]! + 1]!; e < end; e++) {
      const k = intentOf[e]!;
      scores[k] = scores[k]! + value * weights[e]!;
    }
  }
  for (let k = 0; k < classes; k++) scores[k] = scores[k]! * scales[k]! + model.bias[k]!;
  return scores;
}

/**
 * Every intent's probability for a message: the softmax of the scaled SVM margins, averaged with the network's
 * probabilities when the model has one.
 */
export function intentProbabilities(model: IntentClassifier, text: string): Float64Array {
  const vector = vectorize(text, model.vocabulary);
  const scores = marginsOf(model, vector);
  let top = -Infinity;
  for (let k = 0; k < scores.length; k++) if (scores[k]! > top) top = scores[k]!;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    scores[k] = Math.exp((scores[k]! - top) * model.options.confidenceScale);
    sum += scores[k]!;
  }
  for (let k = 0; k < scores.length; k++) scores[k] = scores[k]! / sum;
  if (model.network === null) return scores;
  const network = networkProbabilities(model.network, vector);
  const share = model.options.mlpWeight;
  for (let k = 0; k < scores.length; k++) scores[k] = (1 - share) * scores[k]! + share * network[k]!;
  return scores;
}

/** The most likely intent with its confidence (see intentProbabilities) and the three next best. */
export function predictIntent(model: IntentClassifier, text: string): IntentPrediction {
  const scores = intentProbabilities(model, text);
  // A scan for the best four instead of sorting every intent: comparator calls are costly in PocketBase's VM.
  const best: number[] = [];
  for (let k = 0; k < scores.length; k++) {
    let at = best.length;
    while (at > 0 && scores[k]! > scores[best[at - 1]!]!) at--;
    if (at < 4) {
      best.splice(at, 0, k);
      if (best.length > 4) best.pop();
    }
  }
  const ranked = best.map((k) => ({ intent: model.intents[k]!, confidence: scores[k]! }));
  return { ...ranked[0]!, alternatives: ranked.slice(1) };
}
