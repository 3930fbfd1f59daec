// The intent classifier from the command line, for any labelled CSV (`text,category`):
//   evaluate --train A.csv (--test B.csv | --holdout 0.2) [--seed 1] [--save model.json] [--options '{"svm":{"c":1},"mlp":null}'] [--without-vectors]
//   predict --model model.json "message" ...
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { evaluateClassifier, splitHeldOut } from '../../src/lib/domain/intents/classifier-evaluation';
import {
  DEFAULT_CLASSIFIER_OPTIONS,
  predictIntent,
  trainIntentClassifier,
  type ClassifierOptions,
  type LabelledText,
} from '../../src/lib/domain/intents/intent-classifier';
import { parseLabelledCsv } from '../../src/lib/domain/intents/labelled-csv';
import { loadIntentModel, serializeIntentModel } from '../../src/lib/domain/intents/model-serialization';
import { seededRandom } from '../../tests/support/seeded-random';
import { loadWordVectors, WORD_VECTOR_PACKAGE } from './word-vectors';

const USAGE = `usage: npm run classifier -- evaluate --train A.csv (--test B.csv | --holdout 0.2) [--seed N] [--save model.json] [--options JSON] [--without-vectors]
       npm run classifier -- predict --model model.json "message" ...`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Reads a labelled CSV or exits with the problem and its line. */
function readLabelledCsv(path: string): LabelledText[] {
  const parsed = parseLabelledCsv(readFileSync(path, 'utf8'));
  if (!parsed.ok) fail(`${path}: ${parsed.reason}${parsed.line ? ` (line ${parsed.line})` : ''}`);
  return parsed.examples;
}

/**
 * Default options with a partial override given as JSON (`{"features":{"charWeight":1.5},"svm":{"c":1},"mlp":{"hidden":128}}`;
 * `{"mlp":null}` trains the SVMs alone).
 */
function optionsFrom(json: string | undefined): ClassifierOptions {
  const override = json
    ? (JSON.parse(json) as Partial<Omit<ClassifierOptions, 'features' | 'svm' | 'mlp'> & { features: object; svm: object; mlp: object | null }>)
    : {};
  const defaults = DEFAULT_CLASSIFIER_OPTIONS;
  return {
    features: { ...defaults.features, ...override.features },
    svm: { ...defaults.svm, ...override.svm },
    confidenceScale: override.confidenceScale ?? defaults.confidenceScale,
    mlp: override.mlp === null ? null : { ...defaults.mlp!, ...override.mlp },
    mlpWeight: override.mlpWeight ?? defaults.mlpWeight,
    mlpMinExamples: override.mlpMinExamples ?? defaults.mlpMinExamples,
  };
}

const pad = (text: string, width: number) => text.padEnd(width);
const fixed = (value: number) => value.toFixed(4);

function evaluate(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      train: { type: 'string' },
      test: { type: 'string' },
      holdout: { type: 'string' },
      seed: { type: 'string', default: '1' },
      save: { type: 'string' },
      options: { type: 'string' },
      'without-vectors': { type: 'boolean', default: false },
    },
  });
  if (!values.train || (!values.test && !values.holdout)) fail(USAGE);
  const seed = Number(values.seed);
  let train = readLabelledCsv(values.train);
  let test: LabelledText[];
  if (values.test) test = readLabelledCsv(values.test);
  else ({ train, heldOut: test } = splitHeldOut(train, Number(values.holdout), seededRandom(seed + 1000)));
  const started = performance.now();
  const options = optionsFrom(values.options);
  const wordVectors = values['without-vectors'] || options.features.vectorWeight === 0 ? null : loadWordVectors(train.map((example) => example.text));
  if (wordVectors === null && !values['without-vectors'] && options.features.vectorWeight > 0)
    console.log(`(${WORD_VECTOR_PACKAGE} is not installed: training without the word-vector view)`);
  const vectorSeconds = (performance.now() - started) / 1000;
  const model = trainIntentClassifier(train, options, seededRandom(seed), wordVectors ?? undefined);
  const trainSeconds = (performance.now() - started) / 1000;
  const result = evaluateClassifier(model, test);
  const width = Math.max(6, ...result.perIntent.map((row) => row.intent.length));
  console.log(
    `trained on ${train.length} messages, ${model.intents.length} intents, ${model.vocabulary.terms.length} terms` +
      `${model.vocabulary.vectors ? ` and ${model.vocabulary.vectors.dims}-d word vectors (read in ${vectorSeconds.toFixed(1)} s)` : ''}` +
      `${model.network ? `, SVMs and a ${model.network.hidden}-unit network` : ', SVMs alone'} in ${trainSeconds.toFixed(1)} s\n`,
  );
  console.log(`${pad('intent', width)}  precision  recall     f1         support`);
  for (const row of result.perIntent)
    console.log(`${pad(row.intent, width)}  ${pad(fixed(row.precision), 9)}  ${pad(fixed(row.recall), 9)}  ${pad(fixed(row.f1), 9)}  ${row.support}`);
  const macroF1 = result.perIntent.reduce((sum, row) => sum + row.f1, 0) / Math.max(1, result.perIntent.length);
  console.log(`\nmacro F1: ${fixed(macroF1)}`);
  if (values.save) {
    writeFileSync(values.save, JSON.stringify(serializeIntentModel(model)));
    console.log(`model written to ${values.save}`);
  }
  console.log(`accuracy: ${fixed(result.accuracy)} (${result.total} test messages)`);
}

function predict(args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { model: { type: 'string' } } });
  if (!values.model || positionals.length === 0) fail(USAGE);
  const loaded = loadIntentModel(JSON.parse(readFileSync(values.model, 'utf8')));
  if (!loaded.ok)
    fail(
      loaded.reason === 'unsupported-version'
        ? `${values.model}: a model of another format version; train it again with this version (evaluate --save)`
        : `${values.model}: ${loaded.reason}`,
    );
  for (const text of positionals) {
    const prediction = predictIntent(loaded.model, text);
    const others = prediction.alternatives.map((alt) => `${alt.intent} ${alt.confidence.toFixed(2)}`).join(', ');
    console.log(`${text}\n  → ${prediction.intent} ${prediction.confidence.toFixed(2)} (then ${others})`);
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'evaluate') evaluate(rest);
else if (command === 'predict') predict(rest);
else fail(USAGE);
