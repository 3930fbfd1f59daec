// A trained model as compact JSON: the vocabulary as a term list, IDF rounded, and the weight matrix as
// one signed byte per weight (base64) with one scale per intent. The trained model already holds its weights in
// that form (see quantizeWeights), so a model loaded back predicts exactly what the trained one did.
import type { ClassifierOptions, IntentClassifier } from './intent-classifier';
import { vocabularyOf } from './text-features';

export const MODEL_FORMAT = 'pocketdesk-intent-classifier';
export const MODEL_VERSION = 1;

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
  /** Feature-major signed bytes, base64. */
  weights: string;
}

/** The outcome of reading a stored model. */
export type LoadedModel = { ok: true; model: IntentClassifier } | { ok: false; reason: 'not-a-model' | 'unsupported-version' | 'corrupt-weights' };

const IDF_DIGITS = 1e6;

/** Rounds each intent's weights to a signed byte times that intent's scale (its largest weight / 127). */
export function quantizeWeights(weights: Float32Array, classes: number): { bytes: Int8Array; scales: Float64Array } {
  const scales = new Float64Array(classes);
  for (let p = 0; p < weights.length; p++) scales[p % classes] = Math.max(scales[p % classes]!, Math.abs(weights[p]!));
  for (let k = 0; k < classes; k++) scales[k] = scales[k]! > 0 ? scales[k]! / 127 : 1;
  const bytes = new Int8Array(weights.length);
  for (let p = 0; p < weights.length; p++) bytes[p] = Math.round(weights[p]! / scales[p % classes]!);
  return { bytes, scales };
}

/** Rounds IDF values to what the stored form keeps, so training and loading agree. */
export function roundIdf(idf: Float64Array): void {
  for (let i = 0; i < idf.length; i++) idf[i] = Math.round(idf[i]! * IDF_DIGITS) / IDF_DIGITS;
}

/** The model as a JSON-ready object. */
export function serializeIntentModel(model: IntentClassifier): SerializedIntentModel {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    options: model.options,
    intents: model.intents,
    terms: model.vocabulary.terms,
    idf: Array.from(model.vocabulary.idf),
    bias: Array.from(model.bias),
    scales: Array.from(model.scales),
    weights: encodeBase64(new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.length)),
  };
}

/** Loads a stored model back; anything that is not one of ours comes back as a reason, not an exception. */
export function loadIntentModel(stored: unknown): LoadedModel {
  const data = stored as Partial<SerializedIntentModel> | null;
  if (data === null || typeof data !== 'object' || data.format !== MODEL_FORMAT) return { ok: false, reason: 'not-a-model' };
  if (data.version !== MODEL_VERSION) return { ok: false, reason: 'unsupported-version' };
  const { options, intents, terms, idf, bias, scales, weights } = data as SerializedIntentModel;
  const classes = intents.length;
  const bytes = decodeBase64(weights);
  if (bytes === null || bytes.length !== terms.length * classes || scales.length !== classes || bias.length !== classes || idf.length !== terms.length) {
    return { ok: false, reason: 'corrupt-weights' };
  }
  const vocabulary = vocabularyOf(options.features, terms, Float64Array.from(idf));
  const model: IntentClassifier = { options, intents, vocabulary, weights: new Int8Array(bytes.buffer), scales: Float64Array.from(scales), bias: Float64Array.from(bias) };
  return { ok: true, model };
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
