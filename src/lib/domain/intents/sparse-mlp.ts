// A one-hidden-layer network over the same sparse TF-IDF rows the SVMs learn from: ReLU hidden units with dropout,
// a softmax over the intents, trained by minibatch Adam on the cross-entropy. The first layer is stored by
// feature, so a message touches only the rows of its own terms (forward and backward), and Adam updates only
// those rows in each step ("lazy" Adam): a pass over ten thousand Banking77 messages takes about 4 s of CPU. The
// rate falls linearly to zero. The initial weights, the visiting order and the dropout masks all come from the
// seeded generator passed in, so a seed gives the same network on every run.
import type { SparseRows } from './linear-svm';
import type { SparseVector } from './text-features';

/** Network settings. */
export interface MlpOptions {
  hidden: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Share of hidden units dropped in each training step (0 = none). */
  dropout: number;
  /** Share of a message's features dropped in each training step (0 = none). */
  inputDropout: number;
}

export const DEFAULT_MLP_OPTIONS: MlpOptions = { hidden: 256, epochs: 6, batchSize: 64, learningRate: 0.003, dropout: 0.5, inputDropout: 0 };

/** Trained weights: `w1[column * hidden + j]`, `w2[k * hidden + j]`. */
export interface MlpWeights {
  inputs: number;
  hidden: number;
  classes: number;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/** Gaussian-ish noise from the seeded generator (sum of uniforms, mean 0, variance 1). */
function noise(random: () => number): number {
  return (random() + random() + random() - 1.5) * 2;
}

/** Trains the network on CSR rows; `targets[i]` is row i's class number. */
export function trainMlp(
  rows: SparseRows,
  targets: Int32Array,
  classes: number,
  options: MlpOptions,
  random: () => number,
  onEpoch?: (epoch: number, net: MlpWeights) => void,
): MlpWeights {
  const inputs = rows.columns;
  const hidden = options.hidden;
  const net: MlpWeights = {
    inputs,
    hidden,
    classes,
    w1: new Float32Array(inputs * hidden),
    b1: new Float32Array(hidden),
    w2: new Float32Array(classes * hidden),
    b2: new Float32Array(classes),
  };
  for (let p = 0; p < net.w1.length; p++) net.w1[p] = noise(random) * 0.1;
  const scale2 = Math.sqrt(2 / (hidden + classes));
  for (let p = 0; p < net.w2.length; p++) net.w2[p] = noise(random) * scale2;

  const adam = {
    w1: [new Float32Array(net.w1.length), new Float32Array(net.w1.length)] as const,
    b1: [new Float64Array(hidden), new Float64Array(hidden)] as const,
    w2: [new Float64Array(net.w2.length), new Float64Array(net.w2.length)] as const,
    b2: [new Float64Array(classes), new Float64Array(classes)] as const,
  };
  const { w1, b1, w2, b2 } = net;
  const { rowStart, indices, values } = rows;
  const g1 = new Float32Array(w1.length);
  const touched = new Uint8Array(inputs);
  const touchedList = new Int32Array(inputs);
  let touchedCount = 0;
  const gb1 = new Float64Array(hidden);
  const gw2 = new Float64Array(w2.length);
  const gb2 = new Float64Array(classes);
  const h = new Float32Array(hidden);
  const dh = new Float32Array(hidden);
  const out = new Float64Array(classes);
  const active = new Uint8Array(indices.length).fill(1);
  const n = targets.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const keepScale = 1 / (1 - options.dropout);
  const steps = options.epochs * Math.ceil(n / options.batchSize);
  let step = 0;

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let s = n - 1; s > 0; s--) {
      const j = Math.floor(random() * (s + 1));
      const swap = order[s]!;
      order[s] = order[j]!;
      order[j] = swap;
    }
    for (let start = 0; start < n; start += options.batchSize) {
      const end = Math.min(n, start + options.batchSize);
      for (let s = start; s < end; s++) {
        const i = order[s]!;
        const from = rowStart[i]!;
        const to = rowStart[i + 1]!;
        // Forward: hidden = ReLU(b1 + x·W1), dropped units zeroed and the kept ones scaled up.
        h.set(b1);
        for (let p = from; p < to; p++) {
          if (options.inputDropout > 0) active[p] = random() < options.inputDropout ? 0 : 1;
          if (active[p] === 0) continue;
          const value = values[p]!;
          const base = indices[p]! * hidden;
          for (let j = 0; j < hidden; j++) h[j] = h[j]! + value * w1[base + j]!;
        }
        for (let j = 0; j < hidden; j++) {
          const dropped = options.dropout > 0 && random() < options.dropout;
          h[j] = h[j]! > 0 && !dropped ? h[j]! * keepScale : 0;
        }
        softmaxOf(net, h, out);
        out[targets[i]!] = out[targets[i]!]! - 1;
        // Backward: the output error into the second layer's gradient and back through the kept units.
        dh.fill(0);
        for (let k = 0; k < classes; k++) {
          const d = out[k]!;
          gb2[k] = gb2[k]! + d;
          const base = k * hidden;
          for (let j = 0; j < hidden; j++) {
            gw2[base + j] = gw2[base + j]! + d * h[j]!;
            dh[j] = dh[j]! + d * w2[base + j]!;
          }
        }
        for (let j = 0; j < hidden; j++) {
          dh[j] = h[j]! > 0 ? dh[j]! * keepScale : 0;
          gb1[j] = gb1[j]! + dh[j]!;
        }
        for (let p = from; p < to; p++) {
          if (active[p] === 0) continue;
          const column = indices[p]!;
          const value = values[p]!;
          if (touched[column] === 0) {
            touched[column] = 1;
            touchedList[touchedCount++] = column;
          }
          const base = column * hidden;
          for (let j = 0; j < hidden; j++) g1[base + j] = g1[base + j]! + value * dh[j]!;
        }
      }
      step++;
      const size = end - start;
      const rate = ((1 - (step - 1) / steps) * options.learningRate * Math.sqrt(1 - Math.pow(BETA2, step))) / (1 - Math.pow(BETA1, step));
      const [m1, v1] = adam.w1;
      for (let t = 0; t < touchedCount; t++) {
        const column = touchedList[t]!;
        adamStep(w1, g1, m1, v1, column * hidden, column * hidden + hidden, size, rate);
        touched[column] = 0;
      }
      touchedCount = 0;
      adamStep(b1, gb1, adam.b1[0], adam.b1[1], 0, hidden, size, rate);
      adamStep(w2, gw2, adam.w2[0], adam.w2[1], 0, gw2.length, size, rate);
      adamStep(b2, gb2, adam.b2[0], adam.b2[1], 0, classes, size, rate);
    }
    onEpoch?.(epoch + 1, net);
  }
  return net;
}

// One Adam step on entries [from, to) with the batch's summed gradient, which it then clears.
function adamStep(
  weights: Float32Array,
  gradient: Float32Array | Float64Array,
  m: Float32Array | Float64Array,
  v: Float32Array | Float64Array,
  from: number,
  to: number,
  size: number,
  rate: number,
): void {
  for (let p = from; p < to; p++) {
    const g = gradient[p]! / size;
    gradient[p] = 0;
    m[p] = BETA1 * m[p]! + (1 - BETA1) * g;
    v[p] = BETA2 * v[p]! + (1 - BETA2) * g * g;
    weights[p] = weights[p]! - (rate * m[p]!) / (Math.sqrt(v[p]!) + EPSILON);
  }
}

// The output layer's softmax for hidden activations `h`, into `out`.
function softmaxOf(net: MlpWeights, h: Float32Array | Float64Array, out: Float64Array): void {
  let top = -Infinity;
  for (let k = 0; k < net.classes; k++) {
    let sum = net.b2[k]!;
    const base = k * net.hidden;
    for (let j = 0; j < net.hidden; j++) sum += net.w2[base + j]! * h[j]!;
    out[k] = sum;
    if (sum > top) top = sum;
  }
  let total = 0;
  for (let k = 0; k < net.classes; k++) {
    out[k] = Math.exp(out[k]! - top);
    total += out[k]!;
  }
  for (let k = 0; k < net.classes; k++) out[k] = out[k]! / total;
}

/**
 * The network as the model keeps it: each weight a signed byte times a scale, one scale per input feature for the
 * first layer (rare and common terms have weights of very different sizes) and one per intent for the second.
 */
export interface QuantizedNetwork {
  hidden: number;
  w1: Int8Array;
  w1Scales: Float64Array;
  b1: Float64Array;
  w2: Int8Array;
  w2Scales: Float64Array;
  b2: Float64Array;
}

// Rounds `count` groups of `size` weights to signed bytes, one scale (largest magnitude / 127) per group.
function quantizeGroups(weights: Float32Array, count: number, size: number): { bytes: Int8Array; scales: Float64Array } {
  const bytes = new Int8Array(weights.length);
  const scales = new Float64Array(count);
  for (let g = 0; g < count; g++) {
    let largest = 0;
    for (let p = g * size; p < (g + 1) * size; p++) largest = Math.max(largest, Math.abs(weights[p]!));
    // Scales are stored as JSON numbers: rounded to 9 significant digits, as written, so a loaded model is identical.
    const scale = largest > 0 ? Number((largest / 127).toPrecision(9)) : 1;
    scales[g] = scale;
    for (let p = g * size; p < (g + 1) * size; p++) bytes[p] = Math.max(-127, Math.min(127, Math.round(weights[p]! / scale)));
  }
  return { bytes, scales };
}

/** The trained network rounded to the form the model keeps (and predicts with, before and after saving). */
export function quantizeNetwork(net: MlpWeights): QuantizedNetwork {
  const first = quantizeGroups(net.w1, net.inputs, net.hidden);
  const second = quantizeGroups(net.w2, net.classes, net.hidden);
  const round = (values: Float32Array) => Float64Array.from(values, (value) => Number(value.toPrecision(9)));
  return { hidden: net.hidden, w1: first.bytes, w1Scales: first.scales, b1: round(net.b1), w2: second.bytes, w2Scales: second.scales, b2: round(net.b2) };
}

/** The kept network's probability of every class for one sparse row. */
export function networkProbabilities(net: QuantizedNetwork, vector: SparseVector): Float64Array {
  const { hidden, w1, w1Scales, w2, w2Scales } = net;
  const h = Float64Array.from(net.b1);
  for (let p = 0; p < vector.indices.length; p++) {
    const column = vector.indices[p]!;
    const value = vector.values[p]! * w1Scales[column]!;
    const base = column * hidden;
    for (let j = 0; j < hidden; j++) h[j] = h[j]! + value * w1[base + j]!;
  }
  for (let j = 0; j < hidden; j++) if (h[j]! < 0) h[j] = 0;
  const classes = net.b2.length;
  const out = new Float64Array(classes);
  let top = -Infinity;
  for (let k = 0; k < classes; k++) {
    let sum = 0;
    for (let j = 0, base = k * hidden; j < hidden; j++) sum += w2[base + j]! * h[j]!;
    out[k] = sum * w2Scales[k]! + net.b2[k]!;
    if (out[k]! > top) top = out[k]!;
  }
  let total = 0;
  for (let k = 0; k < classes; k++) {
    out[k] = Math.exp(out[k]! - top);
    total += out[k]!;
  }
  for (let k = 0; k < classes; k++) out[k] = out[k]! / total;
  return out;
}
