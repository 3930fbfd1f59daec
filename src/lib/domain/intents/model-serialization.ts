// A trained model as compact JSON: the vocabulary as a term list, IDF rounded, its words' vectors as signed
// bytes, the SVMs' weight matrix as one signed byte per weight (base64) with one scale per intent, and the network's
// two layers as signed bytes with their scales (version 3). A version 2 model (before the network) loads as the SVMs
// alone, a version 1 model (before the word-vector view) as one without that view either. The trained model already
// holds its weights in that form (see quantizeWeights, quantizeNetwork), so a model loaded back predicts exactly
// what the trained one did.
import type { ClassifierOptions, IntentClassifier } from './intent-classifier';
import type { QuantizedNetwork } from './sparse-mlp';
import { vocabularyOf, type VocabularyVectors } from './text-features';

export const MODEL_FORMAT = 'pocketdesk-intent-classifier';
export const MODEL_VERSION = 3;

/** The stored form of the network: `hidden` units, weights as base64 signed bytes, one scale per feature / intent. */
export interface SerializedNetwork {
  hidden: number;
  w1: string;
  w1Scales: number[];
  b1: number[];
  w2: string;
  w2Scales: number[];
  b2: number[];
}

/** The stored form of a model. */
export interface SerializedIntentModel {
  format: typeof MODEL_FORMAT;
  version: number;
  options: ClassifierOptions;
  intents: string[];
  terms: string[];
  idf: number[];
  bias: number[];
  /** Per intent: weight = byte × scale. */
  scales: number[];
  /** Base64: per feature, how many non-zero weights it has (16-bit little-endian). */
  counts: string;
  /** Base64: the intent of each non-zero weight (16-bit little-endian), feature after feature. */
  intentOf: string;
  /** Base64: the non-zero weights as signed bytes, in the same order. */
  weights: string;
  /** Numbers per word vector; 0 without the word-vector view (its weights follow the terms' in `counts`). */
  vectorDims: number;
  /** Base64: the vocabulary columns that have a word vector (32-bit little-endian), ascending. */
  vectorColumns: string;
  /** Base64: their vectors, `vectorDims` signed bytes each, in the same order. */
  vectors: string;
  /** The network beside the SVMs, or null (SVMs alone). */
  network: SerializedNetwork | null;
}

/** The outcome of reading a stored model. */
export type LoadedModel = { ok: true; model: IntentClassifier } | { ok: false; reason: 'not-a-model' | 'unsupported-version' | 'corrupt-weights' };

const IDF_DIGITS = 1e6;

/** Non-zero weights by feature (see IntentClassifier); `rowStart` has one entry per feature plus one. */
export interface QuantizedWeights {
  rowStart: Int32Array;
  intentOf: Uint16Array;
  weights: Int8Array;
  scales: Float64Array;
}

/** Rounds each intent's weights to a signed byte times that intent's scale (its largest weight / 127), zeros dropped. */
export function quantizeWeights(dense: Float32Array, classes: number): QuantizedWeights {
  const scales = new Float64Array(classes);
  for (let p = 0; p < dense.length; p++) scales[p % classes] = Math.max(scales[p % classes]!, Math.abs(dense[p]!));
  for (let k = 0; k < classes; k++) scales[k] = scales[k]! > 0 ? scales[k]! / 127 : 1;
  const columns = dense.length / classes;
  const rowStart = new Int32Array(columns + 1);
  const intentOf: number[] = [];
  const weights: number[] = [];
  for (let column = 0; column < columns; column++) {
    for (let k = 0; k < classes; k++) {
      const q = Math.round(dense[column * classes + k]! / scales[k]!);
      if (q === 0) continue;
      intentOf.push(k);
      weights.push(q);
    }
    rowStart[column + 1] = weights.length;
  }
  return { rowStart, intentOf: Uint16Array.from(intentOf), weights: Int8Array.from(weights), scales };
}

/** Rounds IDF values to what the stored form keeps, so training and loading agree. */
export function roundIdf(idf: Float64Array): void {
  for (let i = 0; i < idf.length; i++) idf[i] = Math.round(idf[i]! * IDF_DIGITS) / IDF_DIGITS;
}

/** The model as a JSON-ready object. */
export function serializeIntentModel(model: IntentClassifier): SerializedIntentModel {
  const { rowStart, intentOf, weights, scales } = model.weights;
  const counts = new Uint16Array(rowStart.length - 1);
  for (let column = 0; column < counts.length; column++) counts[column] = rowStart[column + 1]! - rowStart[column]!;
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    options: model.options,
    intents: model.intents,
    terms: model.vocabulary.terms,
    idf: Array.from(model.vocabulary.idf),
    bias: Array.from(model.bias),
    scales: Array.from(scales),
    counts: encodeBase64(bytesOf16(counts)),
    intentOf: encodeBase64(bytesOf16(intentOf)),
    weights: encodeBase64(new Uint8Array(weights.buffer, weights.byteOffset, weights.length)),
    ...serializeVectors(model.vocabulary.vectors),
    network: model.network && serializeNetwork(model.network),
  };
}

const bytesOf8 = (values: Int8Array) => encodeBase64(new Uint8Array(values.buffer, values.byteOffset, values.length));

function serializeNetwork(network: QuantizedNetwork): SerializedNetwork {
  return {
    hidden: network.hidden,
    w1: bytesOf8(network.w1),
    w1Scales: Array.from(network.w1Scales),
    b1: Array.from(network.b1),
    w2: bytesOf8(network.w2),
    w2Scales: Array.from(network.w2Scales),
    b2: Array.from(network.b2),
  };
}

// The stored network back, or null when its sizes do not fit the model's features and intents.
function loadNetwork(data: SerializedNetwork, columns: number, classes: number): QuantizedNetwork | null {
  if (data === null || typeof data !== 'object' || !Number.isInteger(data.hidden) || data.hidden < 1) return null;
  const { hidden } = data;
  const w1 = decodeBase64(data.w1);
  const w2 = decodeBase64(data.w2);
  const numbers = (values: unknown, length: number) =>
    Array.isArray(values) && values.length === length && values.every((value) => typeof value === 'number') ? Float64Array.from(values as number[]) : null;
  const w1Scales = numbers(data.w1Scales, columns);
  const b1 = numbers(data.b1, hidden);
  const w2Scales = numbers(data.w2Scales, classes);
  const b2 = numbers(data.b2, classes);
  if (w1 === null || w2 === null || w1.length !== columns * hidden || w2.length !== classes * hidden) return null;
  if (w1Scales === null || b1 === null || w2Scales === null || b2 === null) return null;
  return { hidden, w1: new Int8Array(w1.buffer), w1Scales, b1, w2: new Int8Array(w2.buffer), w2Scales, b2 };
}

function serializeVectors(vectors: VocabularyVectors | null): Pick<SerializedIntentModel, 'vectorDims' | 'vectorColumns' | 'vectors'> {
  if (vectors === null) return { vectorDims: 0, vectorColumns: '', vectors: '' };
  const columns: number[] = [];
  const bytes = new Int8Array(vectors.bytes.length);
  vectors.rowOf.forEach((row, column) => {
    if (row < 0) return;
    bytes.set(vectors.bytes.subarray(row * vectors.dims, (row + 1) * vectors.dims), columns.length * vectors.dims);
    columns.push(column);
  });
  const columnBytes = new Uint8Array(columns.length * 4);
  columns.forEach((column, i) => {
    for (let b = 0; b < 4; b++) columnBytes[4 * i + b] = (column >>> (8 * b)) & 0xff;
  });
  return { vectorDims: vectors.dims, vectorColumns: encodeBase64(columnBytes), vectors: encodeBase64(new Uint8Array(bytes.buffer)) };
}

// The stored vectors back into the vocabulary's form; null when they do not fit its terms.
function loadVectors(data: SerializedIntentModel, terms: number): { vectors: VocabularyVectors | null } | null {
  const dims = data.vectorDims;
  if (dims === 0) return data.vectorColumns === '' && data.vectors === '' ? { vectors: null } : null;
  if (!Number.isInteger(dims) || dims < 0) return null;
  const columnBytes = decodeBase64(data.vectorColumns ?? '');
  const bytes = decodeBase64(data.vectors ?? '');
  if (columnBytes === null || bytes === null || columnBytes.length % 4 !== 0 || bytes.length !== (columnBytes.length / 4) * dims) return null;
  const rowOf = new Int32Array(terms).fill(-1);
  for (let row = 0; row < columnBytes.length / 4; row++) {
    const column = (columnBytes[4 * row]! | (columnBytes[4 * row + 1]! << 8) | (columnBytes[4 * row + 2]! << 16) | (columnBytes[4 * row + 3]! << 24)) >>> 0;
    if (column >= terms || rowOf[column] !== -1) return null;
    rowOf[column] = row;
  }
  return { vectors: { dims, rowOf, bytes: new Int8Array(bytes.buffer) } };
}

/** Loads a stored model back; anything that is not one of ours comes back as a reason, not an exception. */
export function loadIntentModel(stored: unknown): LoadedModel {
  const data = stored as Partial<SerializedIntentModel> | null;
  if (data === null || typeof data !== 'object' || data.format !== MODEL_FORMAT) return { ok: false, reason: 'not-a-model' };
  if (data.version !== MODEL_VERSION && data.version !== 1 && data.version !== 2) return { ok: false, reason: 'unsupported-version' };
  if (data.version === 1) {
    if ('vectorDims' in data || 'vectorColumns' in data || 'vectors' in data) return { ok: false, reason: 'corrupt-weights' };
    return loadIntentModel({ ...data, version: 2, vectorDims: 0, vectorColumns: '', vectors: '' });
  }
  if (data.version === 2) {
    if ('network' in data || data.options === null || typeof data.options !== 'object') return { ok: false, reason: 'corrupt-weights' };
    const options: ClassifierOptions = { ...data.options, mlp: null, mlpWeight: 0, mlpMinExamples: 0 };
    return loadIntentModel({ ...data, version: MODEL_VERSION, options, network: null });
  }
  if (!('network' in data)) return { ok: false, reason: 'corrupt-weights' };
  const { options, intents, terms, idf, bias, scales } = data as SerializedIntentModel;
  const counts = words16Of(decodeBase64(data.counts ?? ''));
  const intentOf = words16Of(decodeBase64(data.intentOf ?? ''));
  const bytes = decodeBase64(data.weights ?? '');
  if (counts === null || intentOf === null || bytes === null) return { ok: false, reason: 'corrupt-weights' };
  const rowStart = new Int32Array(counts.length + 1);
  for (let column = 0; column < counts.length; column++) rowStart[column + 1] = rowStart[column]! + counts[column]!;
  const classes = intents.length;
  const loadedVectors = Array.isArray(terms) ? loadVectors(data as SerializedIntentModel, terms.length) : null;
  if (loadedVectors === null) return { ok: false, reason: 'corrupt-weights' };
  const { vectors } = loadedVectors;
  const consistent =
    counts.length === terms.length + (vectors?.dims ?? 0) &&
    idf.length === terms.length &&
    scales.length === classes &&
    bias.length === classes &&
    rowStart[counts.length] === bytes.length &&
    intentOf.length === bytes.length &&
    intentOf.every((k) => k < classes);
  if (!consistent) return { ok: false, reason: 'corrupt-weights' };
  const network = data.network === null ? null : loadNetwork(data.network!, counts.length, classes);
  if (data.network !== null && network === null) return { ok: false, reason: 'corrupt-weights' };
  const weights: QuantizedWeights = { rowStart, intentOf, weights: new Int8Array(bytes.buffer), scales: Float64Array.from(scales) };
  const vocabulary = vocabularyOf(options.features, terms, Float64Array.from(idf), vectors);
  return { ok: true, model: { options, intents, vocabulary, weights, bias: Float64Array.from(bias), network } };
}

// 16-bit values as little-endian byte pairs, written by hand so the byte order never depends on the machine.
function bytesOf16(values: Uint16Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    bytes[2 * i] = values[i]! & 0xff;
    bytes[2 * i + 1] = values[i]! >> 8;
  }
  return bytes;
}

function words16Of(bytes: Uint8Array | null): Uint16Array | null {
  if (bytes === null || bytes.length % 2 !== 0) return null;
  const values = new Uint16Array(bytes.length / 2);
  for (let i = 0; i < values.length; i++) values[i] = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
  return values;
}

// Hand-written: neither btoa/atob nor Buffer exist in PocketBase's VM.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function encodeBase64(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let start = 0; start < bytes.length; start += 3 * 4096) {
    let chunk = '';
    for (let i = start; i < Math.min(bytes.length, start + 3 * 4096); i += 3) {
      const b0 = bytes[i]!;
      const b1 = i + 1 < bytes.length ? bytes[i + 1]! : 0;
      const b2 = i + 2 < bytes.length ? bytes[i + 2]! : 0;
      chunk += ALPHABET[b0 >> 2]! + ALPHABET[((b0 & 3) << 4) | (b1 >> 4)]!;
      chunk += i + 1 < bytes.length ? ALPHABET[((b1 & 15) << 2) | (b2 >> 6)]! : '=';
      chunk += i + 2 < bytes.length ? ALPHABET[b2 & 63]! : '=';
    }
    chunks.push(chunk);
  }
  return chunks.join('');
}

function decodeBase64(text: string): Uint8Array | null {
  if (typeof text !== 'string' || text.length % 4 !== 0) return null;
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) lookup[ALPHABET.charCodeAt(i)] = i;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let quad = 0;
    for (let j = 0; j < 4; j++) {
      const code = text.charCodeAt(i + j);
      const value = code === 61 && i + j >= text.length - padding ? 0 : code < 128 ? lookup[code]! : -1;
      if (value < 0) return null;
      quad = (quad << 6) | value;
    }
    if (o < out.length) out[o++] = (quad >> 16) & 0xff;
    if (o < out.length) out[o++] = (quad >> 8) & 0xff;
    if (o < out.length) out[o++] = quad & 0xff;
  }
  return out;
}
