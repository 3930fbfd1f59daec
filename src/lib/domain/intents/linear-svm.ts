// One-vs-rest linear SVMs (L2-regularised, squared hinge loss) trained by dual coordinate descent with shrinking
// (Hsieh et al., ICML 2008: the method behind LIBLINEAR and scikit-learn's LinearSVC). It converges in a few
// passes over sparse text data and needs no learning rate; the only randomness is the visiting order, drawn from
// the seeded generator passed in, so a seed gives the same weights on every run.
import type { SparseVector } from './text-features';

/** Training rows in compressed sparse row form. */
export interface SparseRows {
  rowStart: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  columns: number;
}

/** Trainer settings: C is the inverse regularisation strength; eps the stopping tolerance on the projected gradient. */
export interface SvmOptions {
  c: number;
  eps: number;
  maxEpochs: number;
}

export const DEFAULT_SVM_OPTIONS: SvmOptions = { c: 0.5, eps: 0.1, maxEpochs: 200 };

/** Feature-major weights (`weights[column * classes + k]`) and one bias per class. */
export interface LinearWeights {
  classes: number;
  weights: Float32Array;
  bias: Float32Array;
}

/** Packs sparse vectors into one CSR block. */
export function toRows(vectors: readonly SparseVector[], columns: number): SparseRows {
  const rowStart = new Int32Array(vectors.length + 1);
  vectors.forEach((vector, i) => (rowStart[i + 1] = rowStart[i]! + vector.indices.length));
  const indices = new Int32Array(rowStart[vectors.length]!);
  const values = new Float64Array(indices.length);
  vectors.forEach((vector, i) => {
    indices.set(vector.indices, rowStart[i]!);
    values.set(vector.values, rowStart[i]!);
  });
  return { rowStart, indices, values, columns };
}

/** Trains one binary SVM per class (class k against the rest); `targets[i]` is row i's class number. */
export function trainOneVsRest(rows: SparseRows, targets: Int32Array, classes: number, options: SvmOptions, random: () => number): LinearWeights {
  const out: LinearWeights = { classes, weights: new Float32Array(rows.columns * classes), bias: new Float32Array(classes) };
  const n = targets.length;
  const squaredNorms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 1; // the bias is a constant feature of value 1, regularised like the others (as LIBLINEAR does)
    for (let p = rows.rowStart[i]!; p < rows.rowStart[i + 1]!; p++) sum += rows.values[p]! * rows.values[p]!;
    squaredNorms[i] = sum;
  }
  const w = new Float64Array(rows.columns);
  const alpha = new Float64Array(n);
  const sign = new Int8Array(n);
  for (let k = 0; k < classes; k++) {
    w.fill(0);
    alpha.fill(0);
    for (let i = 0; i < n; i++) sign[i] = targets[i] === k ? 1 : -1;
    const bias = solveBinary(rows, sign, squaredNorms, w, alpha, options, random);
    for (let column = 0; column < rows.columns; column++) out.weights[column * classes + k] = w[column]!;
    out.bias[k] = bias;
  }
  return out;
}

function solveBinary(
  rows: SparseRows,
  sign: Int8Array,
  squaredNorms: Float64Array,
  w: Float64Array,
  alpha: Float64Array,
  options: SvmOptions,
  random: () => number,
): number {
  const { rowStart, indices, values } = rows;
  const n = sign.length;
  const diag = 0.5 / options.c;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let bias = 0;
  let active = n;
  let maxOld = Infinity;
  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    for (let s = active - 1; s > 0; s--) {
      const j = Math.floor(random() * (s + 1));
      const swap = order[s]!;
      order[s] = order[j]!;
      order[j] = swap;
    }
    let maxNew = -Infinity;
    let minNew = Infinity;
    for (let s = 0; s < active; s++) {
      const i = order[s]!;
      const y = sign[i]!;
      let margin = bias;
      for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) margin += w[indices[p]!]! * values[p]!;
      const gradient = y * margin - 1 + alpha[i]! * diag;
      let projected = gradient;
      if (alpha[i] === 0) {
        // Shrinking: a row at the bound whose gradient points outward stays there; skip it until the final check.
        if (gradient > maxOld) {
          active--;
          order[s] = order[active]!;
          order[active] = i;
          s--;
          continue;
        }
        if (gradient > 0) projected = 0;
      }
      if (projected > maxNew) maxNew = projected;
      if (projected < minNew) minNew = projected;
      if (Math.abs(projected) > 1e-12) {
        const previous = alpha[i]!;
        alpha[i] = Math.max(previous - gradient / (squaredNorms[i]! + diag), 0);
        const step = (alpha[i]! - previous) * y;
        for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
          const column = indices[p]!;
          w[column] = w[column]! + step * values[p]!;
        }
        bias += step;
      }
    }
    if (maxNew - minNew <= options.eps) {
      if (active === n) break;
      active = n;
      maxOld = Infinity;
      continue;
    }
    maxOld = maxNew <= 0 ? Infinity : maxNew;
  }
  return bias;
}
