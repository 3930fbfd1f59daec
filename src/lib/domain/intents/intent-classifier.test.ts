import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../tests/support/seeded-random';
import { evaluateClassifier, splitHeldOut } from './classifier-evaluation';
import { DEFAULT_CLASSIFIER_OPTIONS, predictIntent, trainIntentClassifier, type LabelledText } from './intent-classifier';
import { loadIntentModel, serializeIntentModel } from './model-serialization';

// Four intents, each with its own English and Spanish vocabulary, mixed with shared filler words, so a working
// classifier separates them completely and a broken one (features, solver or scoring) does not.
const INTENTS: Record<string, string[]> = {
  card_arrival: ['card', 'arrived', 'delivery', 'mail', 'tarjeta', 'llegó', 'envío', 'correo'],
  refund: ['refund', 'money back', 'return', 'reembolso', 'devolución', 'devolver'],
  password: ['password', 'login', 'locked', 'contraseña', 'acceso', 'bloqueada'],
  opening_hours: ['open', 'hours', 'closing', 'horario', 'abierto', 'cierran'],
};
const FILLER = ['hi', 'please', 'my', 'the', 'i', 'need', 'help', 'hola', 'por favor', 'mi', 'la', 'necesito', 'ayuda', 'ya', '2', '😡', '🙏'];

function generate(count: number, random: () => number): LabelledText[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const names = Object.keys(INTENTS);
  return Array.from({ length: count }, (_, i) => {
    const intent = names[i % names.length]!;
    const words = [pick(FILLER), pick(INTENTS[intent]!), pick(FILLER), pick(FILLER), pick(INTENTS[intent]!)];
    const text = words.join(' ');
    return { text: random() < 0.3 ? text.toUpperCase() : text, intent };
  });
}

const options = DEFAULT_CLASSIFIER_OPTIONS;

describe('trainIntentClassifier', () => {
  const train = generate(240, seededRandom(1));
  const test = generate(200, seededRandom(2));
  const model = trainIntentClassifier(train, options, seededRandom(7));

  it('separates synthetic English, Spanish and mixed intents completely', () => {
    expect(evaluateClassifier(model, test).accuracy).toBe(1);
    expect(predictIntent(model, 'Hola, my TARJETA never llegó 😡').intent).toBe('card_arrival');
    expect(predictIntent(model, 'necesito un reembolso, I want my money back').intent).toBe('refund');
    expect(predictIntent(model, 'CONTRASEÑA bloqueada').intent).toBe('password');
  });

  it('folds accents so unaccented Spanish reaches the same intent', () => {
    expect(predictIntent(model, 'devolucion por favor').intent).toBe('refund');
    expect(predictIntent(model, 'mi contrasena').intent).toBe('password');
  });

  it('gives the same weights for the same seed and data', () => {
    const again = trainIntentClassifier(train, options, seededRandom(7));
    expect(again.weights).toEqual(model.weights);
    expect(again.bias).toEqual(model.bias);
    expect(serializeIntentModel(again)).toEqual(serializeIntentModel(model));
  });

  it('ranks the best intent first and three alternatives after it, confidences summing to at most 1', () => {
    for (const example of test.slice(0, 40)) {
      const prediction = predictIntent(model, example.text);
      const ranked = [prediction, ...prediction.alternatives];
      expect(prediction.alternatives).toHaveLength(3);
      expect(new Set(ranked.map((score) => score.intent)).size).toBe(4);
      for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.confidence).toBeLessThanOrEqual(ranked[i - 1]!.confidence);
      expect(ranked.reduce((sum, score) => sum + score.confidence, 0)).toBeLessThanOrEqual(1 + 1e-9);
      expect(prediction.confidence).toBeGreaterThan(0.5);
    }
  });

  it('is less sure of a message with none of the learned words', () => {
    const clear = predictIntent(model, 'refund my money back please').confidence;
    const vague = predictIntent(model, 'hello there').confidence;
    expect(vague).toBeLessThan(clear);
  });

  it('refuses a single intent (nothing to tell apart)', () => {
    expect(() =>
      trainIntentClassifier(
        [
          { text: 'a', intent: 'x' },
          { text: 'b', intent: 'x' },
        ],
        options,
        seededRandom(1),
      ),
    ).toThrow();
  });
});

describe('model serialisation', () => {
  const train = generate(160, seededRandom(3));
  const model = trainIntentClassifier(train, options, seededRandom(9));

  it('loads back from JSON text a model that predicts exactly the same', () => {
    const loaded = loadIntentModel(JSON.parse(JSON.stringify(serializeIntentModel(model))));
    if (!loaded.ok) throw new Error(loaded.reason);
    for (const example of generate(100, seededRandom(4))) {
      expect(predictIntent(loaded.model, example.text)).toEqual(predictIntent(model, example.text));
    }
    expect(predictIntent(loaded.model, 'anything at all ✨')).toEqual(predictIntent(model, 'anything at all ✨'));
  });

  it.each([
    ['not-a-model', null],
    ['not-a-model', { format: 'something-else' }],
    ['unsupported-version', { ...serializeIntentModel(model), version: 99 }],
    ['corrupt-weights', { ...serializeIntentModel(model), weights: 'AAAA' }],
    ['corrupt-weights', { ...serializeIntentModel(model), weights: '!!!!' }],
    ['corrupt-weights', { ...serializeIntentModel(model), intentOf: 'AAA=' }],
    ['corrupt-weights', { ...serializeIntentModel(model), counts: '' }],
    ['corrupt-weights', { ...serializeIntentModel(model), scales: [1] }],
  ])('answers %s for a stored value that is not a usable model', (reason, stored) => {
    expect(loadIntentModel(stored)).toEqual({ ok: false, reason });
  });
});

describe('evaluateClassifier and splitHeldOut', () => {
  it('holds out the same share of every intent, the same way for the same seed', () => {
    const data = generate(100, seededRandom(5));
    const { train, heldOut } = splitHeldOut(data, 0.2, seededRandom(1));
    expect(train.length + heldOut.length).toBe(100);
    for (const intent of Object.keys(INTENTS)) expect(heldOut.filter((e) => e.intent === intent)).toHaveLength(5);
    expect(splitHeldOut(data, 0.2, seededRandom(1))).toEqual({ train, heldOut });
  });

  it('counts an intent the model never saw as a miss, with zero recall', () => {
    const model = trainIntentClassifier(generate(80, seededRandom(6)), options, seededRandom(1));
    const result = evaluateClassifier(model, [
      { text: 'refund please', intent: 'refund' },
      { text: 'where is the nearest branch', intent: 'branches' },
    ]);
    expect(result.accuracy).toBe(0.5);
    expect(result.perIntent.find((row) => row.intent === 'branches')).toMatchObject({ recall: 0, support: 1 });
    expect(result.perIntent.find((row) => row.intent === 'refund')).toMatchObject({ recall: 1, support: 1 });
  });
});

describe('the word-vector view in training', () => {
  // Fruit and vehicle words; "pear" and "van" occur in training only together, once under each intent, so only
  // their vectors (close to the other fruit / vehicle words) can tell which intent they belong to.
  const random = seededRandom(11);
  const around = (axis: number) => Array.from({ length: 6 }, (_, d) => (d === axis ? 1 : 0) + (random() - 0.5) * 0.4);
  const vectors: Record<string, number[]> = {};
  for (const word of ['apple', 'banana', 'cherry', 'pear']) vectors[word] = around(0);
  for (const word of ['car', 'truck', 'bus', 'van']) vectors[word] = around(1);
  for (const word of ['i', 'want', 'a', 'the', 'see']) vectors[word] = around(2 + Math.floor(random() * 4));
  const lookup = (word: string) => vectors[word];
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const filler = ['i', 'want', 'a', 'the', 'see'];
  const train: LabelledText[] = [
    ...Array.from({ length: 40 }, () => ({ text: `${pick(filler)} ${pick(['apple', 'banana', 'cherry'])} ${pick(filler)}`, intent: 'fruit' })),
    ...Array.from({ length: 40 }, () => ({ text: `${pick(filler)} ${pick(['car', 'truck', 'bus'])} ${pick(filler)}`, intent: 'vehicle' })),
    { text: 'pear van', intent: 'fruit' },
    { text: 'pear van', intent: 'vehicle' },
  ];
  const options = { ...DEFAULT_CLASSIFIER_OPTIONS, features: { ...DEFAULT_CLASSIFIER_OPTIONS.features, charMin: 0, vectorWeight: 2 } };

  it('places words by their vectors where the training labels say nothing', () => {
    const model = trainIntentClassifier(train, options, seededRandom(3), lookup);
    expect(predictIntent(model, 'i want the pear').intent).toBe('fruit');
    expect(predictIntent(model, 'i want the van').intent).toBe('vehicle');
    const without = trainIntentClassifier(train, options, seededRandom(3));
    expect(without.vocabulary.vectors).toBeNull();
    expect([predictIntent(without, 'i want the pear').intent, predictIntent(without, 'i want the van').intent]).not.toEqual(['fruit', 'vehicle']);
  });

  it('stores the vectors with the model: loaded back, it predicts the same without any lookup', () => {
    const model = trainIntentClassifier(train, options, seededRandom(3), lookup);
    const again = trainIntentClassifier(train, options, seededRandom(3), lookup);
    expect(serializeIntentModel(again)).toEqual(serializeIntentModel(model));
    const loaded = loadIntentModel(JSON.parse(JSON.stringify(serializeIntentModel(model))));
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.model.vocabulary.vectors).not.toBeNull();
    for (const text of ['i want the pear', 'see a van', 'banana bus', 'nothing known'])
      expect(predictIntent(loaded.model, text)).toEqual(predictIntent(model, text));
  });

  it.each([
    ['vectors of the wrong length', { vectors: 'AAAA' }],
    ['a vector column past the terms', { vectorColumns: 'AAAAfw==' }],
    ['vectors without their size', { vectorDims: 0 }],
  ])('refuses a stored model with %s', (_, change) => {
    const stored = serializeIntentModel(trainIntentClassifier(train, options, seededRandom(3), lookup));
    expect(loadIntentModel({ ...stored, ...change })).toEqual({ ok: false, reason: 'corrupt-weights' });
  });

  it('loads a version 1 model (stored before the word-vector view) and predicts as before', () => {
    const model = trainIntentClassifier(train, { ...options, mlp: null }, seededRandom(3));
    const { vectorDims, vectorColumns, vectors, network, ...version1 } = { ...serializeIntentModel(model), version: 1 };
    expect([vectorDims, vectorColumns, vectors, network]).toEqual([0, '', '', null]);
    const loaded = loadIntentModel(JSON.parse(JSON.stringify(version1)));
    if (!loaded.ok) throw new Error(loaded.reason);
    for (const text of ['i want the pear', 'see a van', 'banana bus']) expect(predictIntent(loaded.model, text)).toEqual(predictIntent(model, text));
    expect(loadIntentModel({ ...version1, vectorDims: 0 })).toEqual({ ok: false, reason: 'corrupt-weights' });
  });
});

describe('the network beside the SVMs', () => {
  const train = generate(240, seededRandom(1));
  const model = trainIntentClassifier(train, options, seededRandom(7));
  const texts = ['Hola, my TARJETA never llegó 😡', 'necesito un reembolso', 'hello there', 'open hours please'];

  it('is trained once there are enough examples, and not below that', () => {
    expect(model.network).not.toBeNull();
    expect(trainIntentClassifier(train.slice(0, options.mlpMinExamples - 1), options, seededRandom(7)).network).toBeNull();
    expect(trainIntentClassifier(train, { ...options, mlp: null }, seededRandom(7)).network).toBeNull();
  });

  it('changes the confidences the SVMs alone give', () => {
    const alone = trainIntentClassifier(train, { ...options, mlp: null }, seededRandom(7));
    expect(texts.map((text) => predictIntent(model, text).confidence)).not.toEqual(texts.map((text) => predictIntent(alone, text).confidence));
  });

  it('is saved with the model: loaded back, it predicts exactly the same', () => {
    const loaded = loadIntentModel(JSON.parse(JSON.stringify(serializeIntentModel(model))));
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.model.network).not.toBeNull();
    for (const text of texts) expect(predictIntent(loaded.model, text)).toEqual(predictIntent(model, text));
  });

  it('loads a version 2 model (stored before the network) as the SVMs alone, predicting as before', () => {
    const alone = trainIntentClassifier(train, { ...options, mlp: null }, seededRandom(7));
    const { network, ...stored } = serializeIntentModel(alone);
    const { mlp, mlpWeight, mlpMinExamples, ...version2Options } = stored.options;
    expect([network, mlp]).toEqual([null, null]);
    const loaded = loadIntentModel(JSON.parse(JSON.stringify({ ...stored, version: 2, options: version2Options })));
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.model.network).toBeNull();
    for (const text of texts) expect(predictIntent(loaded.model, text)).toEqual(predictIntent(alone, text));
    expect([mlpWeight, mlpMinExamples]).toEqual([options.mlpWeight, options.mlpMinExamples]);
  });

  it.each([
    ['no network entry', { network: undefined }],
    ['first-layer weights of the wrong size', { w1: 'AAAA' }],
    ['a scale missing', { w2Scales: [1] }],
  ])('refuses a stored model with %s', (_, change) => {
    const stored = JSON.parse(JSON.stringify(serializeIntentModel(model)));
    const changed = 'network' in change ? { ...stored, network: undefined } : { ...stored, network: { ...stored.network, ...change } };
    expect(loadIntentModel(JSON.parse(JSON.stringify(changed)))).toEqual({ ok: false, reason: 'corrupt-weights' });
  });
});
