// The thread a desk's intent model trains in (issue #20): seconds of synchronous CPU work that would otherwise hold
// the worker's event loop, so its sends, pushes and webhook deliveries would wait. It receives the history and
// corrections, posts progress and then the serialized model (or the reason it could not train), and ends.
import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_CLASSIFIER_OPTIONS } from '../lib/domain/intents/intent-classifier';
import { serializeIntentModel } from '../lib/domain/intents/model-serialization';
import { seededRandom } from '../lib/domain/random/seeded-random';
import { splitHeldOutByText } from '../lib/domain/routing/held-out-split';
import { buildTrainingSet, evaluateDeskModel, trainFinalModel, type HistoryConversation, type IntentCorrection } from '../lib/domain/routing/intent-training';
import type { TrainingReport } from '../lib/schemas/intent-model';

/** What the worker hands the thread. */
export interface TrainingJobInput {
  version: number;
  history: HistoryConversation[];
  corrections: IntentCorrection[];
  teamNames: Record<string, string>;
  labelNames: Record<string, string>;
}

/** What the thread posts back: progress while it trains, then exactly one outcome. */
export type TrainingThreadMessage =
  { kind: 'progress'; progress: number; stage: string } | { kind: 'outcome'; outcome: NonNullable<TrainingReport['outcome']> };

const HELD_OUT = 0.2;
/** A team-and-labels combination needs this many conversations to be an intent of its own (else its team alone). */
const MIN_EXAMPLES = 3;

function train(input: TrainingJobInput, post: (message: TrainingThreadMessage) => void): void {
  const set = buildTrainingSet(input.history, input.corrections, { minExamples: MIN_EXAMPLES, teamNames: input.teamNames, labelNames: input.labelNames });
  post({ kind: 'progress', progress: 10, stage: 'evaluating' });
  // Seeded by the model's version, so the same history gives the same model.
  const random = seededRandom(input.version);
  // Held out by what customers wrote (not by random ids or the version): the same history, the same score.
  const evaluated = evaluateDeskModel(set, DEFAULT_CLASSIFIER_OPTIONS, HELD_OUT, random, splitHeldOutByText);
  if (!evaluated.ok) return post({ kind: 'outcome', outcome: { ok: false, error: evaluated.reason } });
  post({ kind: 'progress', progress: 55, stage: 'training' });
  const model = trainFinalModel(set, DEFAULT_CLASSIFIER_OPTIONS, random);
  post({ kind: 'progress', progress: 90, stage: 'saving' });
  post({ kind: 'outcome', outcome: { ok: true, model: serializeIntentModel(model), targets: set.targets, metrics: evaluated.metrics } });
}

// An exception here ends the thread with an 'error' event, which the worker reports as the training's failure.
if (parentPort) train(workerData as TrainingJobInput, (message) => parentPort!.postMessage(message));
