// Banking77 (../shared/datasets/banking77, CC BY 4.0): trains the intent classifier on the training split only and
// reports test accuracy, training time, per-message inference latency and the serialised model's size.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { evaluateClassifier } from '../../src/lib/domain/intents/classifier-evaluation';
import { DEFAULT_CLASSIFIER_OPTIONS, predictIntent, trainIntentClassifier } from '../../src/lib/domain/intents/intent-classifier';
import { parseLabelledCsv } from '../../src/lib/domain/intents/labelled-csv';
import { loadIntentModel, serializeIntentModel } from '../../src/lib/domain/intents/model-serialization';
import { seededRandom } from '../../tests/support/seeded-random';
import { projectRoot } from '../pocketbase-paths.mjs';
import { loadWordVectors, WORD_VECTOR_PACKAGE } from '../classifier/word-vectors';
import { measureClassifierInVm } from './classifier-vm';

export interface ClassifierBench {
  dataset: string;
  trainMessages: number;
  testMessages: number;
  accuracy: number;
  /** Training time, reading the word vectors included. */
  trainSeconds: number;
  /** CPU time of the training (process.cpuUsage): unlike trainSeconds, it does not count time the OS gave to others. */
  trainCpuSeconds: number;
  /** Whether the model has the network beside the SVMs. */
  network: boolean;
  /** Reading the training words' vectors from the word-vector package (part of trainSeconds); null without it. */
  vectorSeconds: number | null;
  inferenceP50Micros: number;
  inferenceP99Micros: number;
  /** CPU time per message (process.cpuUsage): unlike wall-clock, it does not count time the OS gave to others. */
  inferenceCpuP50Micros: number;
  inferenceCpuP99Micros: number;
  modelMb: number;
  loadMs: number;
  features: number;
  /** The same model in PocketBase's JS VM, on the first VM_MESSAGES test messages; null without the binary. */
  vm: { messages: number; p50Micros: number; p99Micros: number; loadMs: number; samePredictions: boolean; emptyLoopNs: number } | null;
}

const VM_MESSAGES = 300;
const VM_REPEATS = 1;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

function readSplit(path: string) {
  const parsed = parseLabelledCsv(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.reason}`);
  return parsed.examples;
}

/** Runs the benchmark, or returns null when the data set is not on this machine. */
export async function benchClassifier(): Promise<ClassifierBench | null> {
  const dataset = process.env.BENCH_CLASSIFIER_DATA ?? join(projectRoot, '..', 'shared', 'datasets', 'banking77');
  if (!existsSync(join(dataset, 'train.csv'))) return null;
  const train = readSplit(join(dataset, 'train.csv'));
  const test = readSplit(join(dataset, 'test.csv'));

  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const wordVectors = loadWordVectors(train.map((example) => example.text));
  if (wordVectors === null) console.log(`(${WORD_VECTOR_PACKAGE} is not installed: the classifier trains without the word-vector view)`);
  const vectorSeconds = wordVectors === null ? null : (performance.now() - started) / 1000;
  const model = trainIntentClassifier(train, DEFAULT_CLASSIFIER_OPTIONS, seededRandom(1), wordVectors ?? undefined);
  const trainSeconds = (performance.now() - started) / 1000;
  const trainCpu = process.cpuUsage(cpuStarted);

  const json = JSON.stringify(serializeIntentModel(model));
  const loadStarted = performance.now();
  const loaded = loadIntentModel(JSON.parse(json));
  const loadMs = performance.now() - loadStarted;
  if (!loaded.ok) throw new Error(loaded.reason);
  const accuracy = evaluateClassifier(loaded.model, test).accuracy;

  // Latency per message, one at a time as routing would call it, after a warm-up pass.
  for (const example of test.slice(0, 500)) predictIntent(loaded.model, example.text);
  const micros: number[] = [];
  const cpuMicros: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const example of test) {
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      predictIntent(loaded.model, example.text);
      micros.push((performance.now() - t0) * 1000);
      const used = process.cpuUsage(cpu);
      cpuMicros.push(used.user + used.system);
    }
  }
  micros.sort((a, b) => a - b);
  cpuMicros.sort((a, b) => a - b);

  const vmTexts = test.slice(0, VM_MESSAGES).map((example) => example.text);
  const vmFigures = await measureClassifierInVm(json, vmTexts, VM_REPEATS);
  const vmMicros = vmFigures ? [...vmFigures.micros].sort((a, b) => a - b) : [];
  const vm = vmFigures && {
    messages: vmTexts.length,
    p50Micros: Math.round(quantile(vmMicros, 0.5)),
    p99Micros: Math.round(quantile(vmMicros, 0.99)),
    loadMs: vmFigures.loadMs,
    samePredictions: vmTexts.every((text, i) => predictIntent(loaded.model, text).intent === vmFigures.intents[i]),
    emptyLoopNs: vmFigures.loopNs,
  };
  return {
    dataset,
    trainMessages: train.length,
    testMessages: test.length,
    accuracy: Number(accuracy.toFixed(4)),
    trainSeconds: Number(trainSeconds.toFixed(1)),
    trainCpuSeconds: Number(((trainCpu.user + trainCpu.system) / 1e6).toFixed(1)),
    network: model.network !== null,
    vectorSeconds: vectorSeconds === null ? null : Number(vectorSeconds.toFixed(1)),
    inferenceP50Micros: Math.round(quantile(micros, 0.5)),
    inferenceP99Micros: Math.round(quantile(micros, 0.99)),
    inferenceCpuP50Micros: Math.round(quantile(cpuMicros, 0.5)),
    inferenceCpuP99Micros: Math.round(quantile(cpuMicros, 0.99)),
    modelMb: Number((Buffer.byteLength(json) / 1e6).toFixed(2)),
    loadMs: Math.round(loadMs),
    features: model.vocabulary.terms.length,
    vm,
  };
}
