import { describe, expect, it } from 'vitest';
import { predictSoftmax, SparseRows, trainSoftmax } from './linear.js';

describe('softmax regression over hashed features', () => {
  it('predicts normalised class probabilities from the weight blocks', () => {
    const data = new SparseRows();
    data.push([0, 2], 0);
    data.push([1], 1);
    const bits = 2;
    // Class 0 likes feature 0, class 1 likes feature 1; block k starts at k << bits.
    const w = new Float32Array(2 << bits);
    w[0] = 2;
    w[(1 << bits) + 1] = 3;
    const out: Float64Array[] = [];
    predictSoftmax(data, [0, 1], w, 2, bits, out);
    expect(out[0]![0]! + out[0]![1]!).toBeCloseTo(1, 12);
    expect(out[0]![0]).toBeCloseTo(Math.exp(2) / (Math.exp(2) + 1), 12);
    expect(out[1]![1]).toBeCloseTo(Math.exp(3) / (Math.exp(3) + 1), 12);
  });

  it('learns a separable toy problem it can then predict', () => {
    const data = new SparseRows();
    for (let i = 0; i < 40; i++) data.push([i % 2 === 0 ? 1 : 2, 3], i % 2);
    const rows = [...Array(40).keys()];
    const w = trainSoftmax(data, rows, 3, 2, { epochs: 8, learningRate: 0.3, l2: 0, seed: 1 });
    const out: Float64Array[] = [];
    predictSoftmax(data, rows, w, 2, 3, out);
    expect(rows.every((r) => (out[r]![data.labels[r]!]! > 0.5))).toBe(true);
  });
});
