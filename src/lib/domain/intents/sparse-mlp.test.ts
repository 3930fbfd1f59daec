import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../tests/support/seeded-random';
import { toRows, trainOneVsRest } from './linear-svm';
import { networkProbabilities, quantizeNetwork, trainMlp, type MlpOptions } from './sparse-mlp';
import type { SparseVector } from './text-features';

const vector = (columns: number[]): SparseVector => ({ indices: Int32Array.from(columns), values: Float64Array.from(columns, () => 1) });
const best = (probabilities: Float64Array) => probabilities.indexOf(Math.max(...probabilities));
const options: MlpOptions = { hidden: 16, epochs: 60, batchSize: 8, learningRate: 0.02, dropout: 0, inputDropout: 0 };

// XOR over two features: class 1 when exactly one of them is present. No straight line separates it.
const XOR_CASES: Array<[number[], number]> = [
  [[], 0],
  [[0], 1],
  [[1], 1],
  [[0, 1], 0],
];
const xorRows = Array.from({ length: 80 }, (_, i) => XOR_CASES[i % 4]!);

describe('trainMlp', () => {
  it('learns a separable set: each class marked by its own features', () => {
    const random = seededRandom(5);
    const examples = Array.from({ length: 120 }, (_, i) => {
      const k = i % 3;
      return { columns: [2 * k + (random() < 0.5 ? 0 : 1), 6 + Math.floor(random() * 3)], k };
    });
    const rows = toRows(
      examples.map((example) => vector(example.columns)),
      9,
    );
    const net = quantizeNetwork(
      trainMlp(
        rows,
        Int32Array.from(examples, (example) => example.k),
        3,
        { ...options, epochs: 20 },
        seededRandom(1),
      ),
    );
    for (let k = 0; k < 3; k++) {
      expect(best(networkProbabilities(net, vector([2 * k, 7])))).toBe(k);
      expect(best(networkProbabilities(net, vector([2 * k + 1])))).toBe(k);
    }
  });

  it('learns XOR, which the linear SVMs cannot', () => {
    const rows = toRows(
      xorRows.map(([columns]) => vector(columns)),
      2,
    );
    const targets = Int32Array.from(xorRows, ([, k]) => k);
    const net = quantizeNetwork(trainMlp(rows, targets, 2, options, seededRandom(2)));
    for (const [columns, k] of XOR_CASES) expect(best(networkProbabilities(net, vector(columns)))).toBe(k);

    const linear = trainOneVsRest(rows, targets, 2, { c: 10, eps: 0.01, maxEpochs: 500 }, seededRandom(2));
    const linearRight = XOR_CASES.filter(([columns, k]) => {
      const margins = [0, 1].map((c) => linear.bias[c]! + columns.reduce((sum, column) => sum + linear.weights[column * 2 + c]!, 0));
      return (margins[1]! > margins[0]! ? 1 : 0) === k;
    }).length;
    expect(linearRight).toBeLessThan(4);
  });

  it('gives the same network for the same seed and another for another seed', () => {
    const rows = toRows(
      xorRows.map(([columns]) => vector(columns)),
      2,
    );
    const targets = Int32Array.from(xorRows, ([, k]) => k);
    const dropping = { ...options, epochs: 5, dropout: 0.5, inputDropout: 0.2 };
    const first = trainMlp(rows, targets, 2, dropping, seededRandom(9));
    expect(trainMlp(rows, targets, 2, dropping, seededRandom(9))).toEqual(first);
    expect(trainMlp(rows, targets, 2, dropping, seededRandom(10)).w1).not.toEqual(first.w1);
  });

  it('keeps each weight within one step of its byte when quantised', () => {
    const rows = toRows(
      xorRows.map(([columns]) => vector(columns)),
      2,
    );
    const net = trainMlp(
      rows,
      Int32Array.from(xorRows, ([, k]) => k),
      2,
      options,
      seededRandom(2),
    );
    const kept = quantizeNetwork(net);
    for (let p = 0; p < net.w1.length; p++) {
      const scale = kept.w1Scales[Math.floor(p / net.hidden)]!;
      expect(Math.abs(kept.w1[p]! * scale - net.w1[p]!)).toBeLessThanOrEqual(scale / 2 + 1e-9);
    }
  });
});
