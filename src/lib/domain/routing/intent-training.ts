// What the desk's own history teaches the intent classifier: each resolved conversation's team and labels are its
// target, the customer's first messages its text, and an agent's correction (a transfer, a label change) overrides
// what the conversation ended with. A model is scored on a held-out part of that history before it may route.
import { evaluateClassifier, splitHeldOut } from '../intents/classifier-evaluation';
import { predictIntent, trainIntentClassifier, type ClassifierOptions, type IntentClassifier, type LabelledText } from '../intents/intent-classifier';
import { handleTimesByIntent, type IntentHandleTime, type ResolvedDuration } from '../signals/expected-complexity';

/** Where a learned intent sends a conversation. */
export interface IntentTarget {
  name: string;
  teamId: string;
  labels: string[];
  /** Expected complexity: the median minutes its resolved conversations took; absent with too few of them. */
  medianHandleMinutes?: number;
}

/** A conversation as training sees it: the customer's opening text, where it ended up, whether it is resolved. */
export interface HistoryConversation {
  id: string;
  text: string;
  teamId: string | null;
  labels: readonly string[];
  resolved: boolean;
  /** Opened → resolved, for a resolved conversation (the metrics' resolution time); absent or 0 when unknown. */
  resolutionMs?: number;
}

/** An agent's correction, newest last per conversation. */
export interface IntentCorrection {
  conversationId: string;
  teamId: string | null;
  labels: readonly string[];
}

export interface TrainingSet {
  examples: LabelledText[];
  /** Examples whose target came from an agent's correction. */
  corrected: ReadonlySet<LabelledText>;
  targets: Record<string, IntentTarget>;
  /** Expected complexity of the intents with enough resolved conversations. */
  handleTimes?: Record<string, IntentHandleTime>;
}

export interface TrainingSetOptions {
  /** A team-and-labels combination with fewer conversations than this is learned as its team alone. */
  minExamples: number;
  teamNames: Readonly<Record<string, string>>;
  labelNames: Readonly<Record<string, string>>;
}

/** One intent's held-out figures, named for the model card. */
export interface IntentCardRow {
  intent: string;
  name: string;
  precision: number;
  recall: number;
  support: number;
}

/** What the model card shows. */
export interface ModelMetrics {
  accuracy: number;
  heldOut: number;
  trainingSize: number;
  corrections: number;
  intents: number;
  perIntent: IntentCardRow[];
  /** The most frequent mistakes on held-out messages: `count` messages of `actual` predicted as `predicted`. */
  confusions: Array<{ actual: string; predicted: string; count: number }>;
  /** Expected complexity per intent, slowest first: the median minutes of the `resolved` conversations it was measured on. */
  handleTimes: Array<{ intent: string; name: string; medianMinutes: number; resolved: number }>;
}

const CONFUSIONS_SHOWN = 5;
/** An agent's correction is a deliberate signal: it counts this many times a conversation that merely ended somewhere. */
export const CORRECTION_WEIGHT = 3;

function keyOf(teamId: string, labels: readonly string[]): string {
  return `${teamId}|${[...labels].sort().join(',')}`;
}

function nameOf(target: { teamId: string; labels: readonly string[] }, options: TrainingSetOptions): string {
  const team = options.teamNames[target.teamId] ?? target.teamId;
  const labels = [...target.labels].map((id) => options.labelNames[id] ?? id).sort();
  return labels.length ? `${team} · ${labels.join(', ')}` : team;
}

/** Builds the labelled examples and the intents' targets from the desk's history and its agents' corrections. */
export function buildTrainingSet(history: readonly HistoryConversation[], corrections: readonly IntentCorrection[], options: TrainingSetOptions): TrainingSet {
  const latest = new Map<string, IntentCorrection>();
  for (const correction of corrections) latest.set(correction.conversationId, correction);
  const rows: Array<{ text: string; teamId: string; labels: readonly string[]; corrected: boolean; resolutionMs: number }> = [];
  for (const conversation of history) {
    const correction = latest.get(conversation.id);
    const target = correction ?? (conversation.resolved ? { teamId: conversation.teamId, labels: conversation.labels } : null);
    if (!target?.teamId || conversation.text.trim() === '') continue;
    rows.push({
      text: conversation.text,
      teamId: target.teamId,
      labels: target.labels,
      corrected: correction !== undefined,
      resolutionMs: conversation.resolved ? (conversation.resolutionMs ?? 0) : 0,
    });
  }
  const sizes = new Map<string, number>();
  for (const row of rows) sizes.set(keyOf(row.teamId, row.labels), (sizes.get(keyOf(row.teamId, row.labels)) ?? 0) + 1);
  const examples: LabelledText[] = [];
  const corrected = new Set<LabelledText>();
  const targets: Record<string, IntentTarget> = {};
  const durations: ResolvedDuration[] = [];
  for (const row of rows) {
    const labels = (sizes.get(keyOf(row.teamId, row.labels)) ?? 0) >= options.minExamples ? [...row.labels].sort() : [];
    const intent = keyOf(row.teamId, labels);
    targets[intent] ??= { name: nameOf({ teamId: row.teamId, labels }, options), teamId: row.teamId, labels };
    const example = { text: row.text, intent };
    examples.push(example);
    if (row.corrected) corrected.add(example);
    durations.push({ intent, resolutionMs: row.resolutionMs });
  }
  const handleTimes = handleTimesByIntent(durations);
  for (const [intent, time] of Object.entries(handleTimes)) targets[intent]!.medianHandleMinutes = time.medianMinutes;
  return { examples, corrected, targets, handleTimes };
}

/** The most frequent (actual, predicted) mistakes. */
export function confusionsOf(pairs: ReadonlyArray<{ actual: string; predicted: string }>, limit = CONFUSIONS_SHOWN): ModelMetrics['confusions'] {
  const counts = new Map<string, { actual: string; predicted: string; count: number }>();
  for (const { actual, predicted } of pairs) {
    if (actual === predicted) continue;
    const key = `${actual}\u0000${predicted}`;
    const entry = counts.get(key) ?? { actual, predicted, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.actual.localeCompare(b.actual) || a.predicted.localeCompare(b.predicted)).slice(0, limit);
}

function weighted(examples: readonly LabelledText[], corrected: ReadonlySet<LabelledText>): LabelledText[] {
  return examples.flatMap((example) => (corrected.has(example) ? Array.from({ length: CORRECTION_WEIGHT }, () => example) : [example]));
}

export type DeskEvaluation = { ok: true; metrics: ModelMetrics } | { ok: false; reason: 'too-few-intents' };
export type DeskTraining = { ok: true; model: IntentClassifier; metrics: ModelMetrics } | { ok: false; reason: 'too-few-intents' };

/** Divides the examples into what a trial model learns from and what it is scored on. */
export type HeldOutSplit = (examples: readonly LabelledText[], fraction: number) => { train: LabelledText[]; heldOut: LabelledText[] };

/**
 * Scores a model trained on all but `heldOutFraction` of each intent on the rest; `random` (seeded) orders the solver
 * and, unless `split` is given, splits.
 */
export function evaluateDeskModel(
  set: TrainingSet,
  options: ClassifierOptions,
  heldOutFraction: number,
  random: () => number,
  split: HeldOutSplit = (examples, fraction) => splitHeldOut(examples, fraction, random),
): DeskEvaluation {
  if (Object.keys(set.targets).length < 2) return { ok: false, reason: 'too-few-intents' };
  // Split conversations before corrections are repeated, so no copy of a held-out message is trained on.
  const { train, heldOut } = split(set.examples, heldOutFraction);
  const trial = new Set(train.map((example) => example.intent)).size >= 2 ? trainIntentClassifier(weighted(train, set.corrected), options, random) : null;
  const evaluation = trial ? evaluateClassifier(trial, heldOut) : { accuracy: 0, total: heldOut.length, perIntent: [] };
  const pairs = trial ? heldOut.map((example) => ({ actual: example.intent, predicted: predictIntent(trial, example.text).intent })) : [];
  const name = (intent: string) => set.targets[intent]?.name ?? intent;
  return {
    ok: true,
    metrics: {
      accuracy: evaluation.accuracy,
      heldOut: heldOut.length,
      trainingSize: set.examples.length,
      corrections: set.corrected.size,
      intents: Object.keys(set.targets).length,
      perIntent: evaluation.perIntent.map((row) => ({
        intent: row.intent,
        name: name(row.intent),
        precision: row.precision,
        recall: row.recall,
        support: row.support,
      })),
      confusions: confusionsOf(pairs).map((pair) => ({ ...pair, actual: name(pair.actual), predicted: name(pair.predicted) })),
      handleTimes: Object.entries(set.handleTimes ?? {})
        .map(([intent, time]) => ({ intent, name: name(intent), ...time }))
        .sort((a, b) => b.medianMinutes - a.medianMinutes || (a.intent < b.intent ? -1 : 1)),
    },
  };
}

/** The model that routes: trained on the whole history once its held-out figures are known. */
export function trainFinalModel(set: TrainingSet, options: ClassifierOptions, random: () => number): IntentClassifier {
  return trainIntentClassifier(weighted(set.examples, set.corrected), options, random);
}

/** Evaluates on held-out conversations, then trains the routing model on all of them. */
export function trainDeskModel(set: TrainingSet, options: ClassifierOptions, heldOutFraction: number, random: () => number): DeskTraining {
  const evaluated = evaluateDeskModel(set, options, heldOutFraction, random);
  if (!evaluated.ok) return evaluated;
  return { ok: true, model: trainFinalModel(set, options, random), metrics: evaluated.metrics };
}
