// How well a model does on messages it was not trained on: overall accuracy and per-intent precision, recall
// and F1, the figures an admin needs before switching a model on. The held-out split is stratified so every
// intent keeps its share on both sides, and seeded so the same data gives the same split.
import { predictIntent, type IntentClassifier, type LabelledText } from './intent-classifier';

/** One intent's figures on the evaluated messages (support = how many of them carry that intent). */
export interface IntentFigures {
  intent: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** The evaluation of a model on labelled messages. */
export interface ClassifierEvaluation {
  accuracy: number;
  total: number;
  perIntent: IntentFigures[];
}

/** Predicts every message and compares with its label; intents the model does not know count as misses. */
export function evaluateClassifier(model: IntentClassifier, examples: readonly LabelledText[]): ClassifierEvaluation {
  const intents = [...new Set([...model.intents, ...examples.map((example) => example.intent)])].sort();
  const counts = new Map(intents.map((intent) => [intent, { truePositives: 0, predicted: 0, support: 0 }]));
  let correct = 0;
  for (const example of examples) {
    const predicted = predictIntent(model, example.text).intent;
    counts.get(predicted)!.predicted++;
    counts.get(example.intent)!.support++;
    if (predicted === example.intent) {
      correct++;
      counts.get(predicted)!.truePositives++;
    }
  }
  const perIntent = intents
    .filter((intent) => counts.get(intent)!.support > 0 || counts.get(intent)!.predicted > 0)
    .map((intent) => {
      const { truePositives, predicted, support } = counts.get(intent)!;
      const precision = predicted > 0 ? truePositives / predicted : 0;
      const recall = support > 0 ? truePositives / support : 0;
      const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
      return { intent, precision, recall, f1, support };
    });
  return { accuracy: examples.length > 0 ? correct / examples.length : 0, total: examples.length, perIntent };
}

/** Splits labelled messages into training and held-out parts, `fraction` of each intent held out (at least one when it has two or more). */
export function splitHeldOut(examples: readonly LabelledText[], fraction: number, random: () => number): { train: LabelledText[]; heldOut: LabelledText[] } {
  const byIntent = new Map<string, LabelledText[]>();
  for (const example of examples) {
    const group = byIntent.get(example.intent) ?? [];
    group.push(example);
    byIntent.set(example.intent, group);
  }
  const train: LabelledText[] = [];
  const heldOut: LabelledText[] = [];
  for (const intent of [...byIntent.keys()].sort()) {
    const group = [...byIntent.get(intent)!];
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [group[i], group[j]] = [group[j]!, group[i]!];
    }
    const held = group.length < 2 ? 0 : Math.max(1, Math.round(group.length * fraction));
    heldOut.push(...group.slice(0, held));
    train.push(...group.slice(held));
  }
  return { train, heldOut };
}
