/**
 * Small linear learners over hashed binary features: logistic regression and softmax regression,
 * trained with AdaGrad and a seeded shuffle, weights averaged over the last epochs.
 */
import { seededRandom } from '../core/seeded-random.js';

export { seededRandom };

/** Rows of sparse binary features with a label each. */
export interface Rows {
  readonly feats: Int32Array;
  readonly offs: readonly number[];
  readonly labels: readonly number[];
}

/** Rows of sparse binary features with a label each, in growable typed arrays. */
export class SparseRows {
  feats = new Int32Array(1 << 16);
  offs: number[] = [0];
  labels: number[] = [];
  get length(): number {
    return this.labels.length;
  }
  push(features: readonly number[], label: number): void {
    const at = this.offs[this.offs.length - 1]!;
    if (at + features.length > this.feats.length) {
      const grown = new Int32Array(Math.max(this.feats.length * 2, at + features.length));
      grown.set(this.feats);
      this.feats = grown;
    }
    for (let i = 0; i < features.length; i++) this.feats[at + i] = features[i]!;
    this.offs.push(at + features.length);
    this.labels.push(label);
  }
}


function shuffled(rows: readonly number[], random: () => number): number[] {
  const out = [...rows];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface TrainOptions {
  readonly epochs: number;
  readonly learningRate: number;
  /** L2 shrinkage applied to the weights a row touches. */
  readonly l2: number;
  readonly seed: number;
}

/** Binary logistic regression; `labels` are 0/1. Returns `1 << bits` weights. */
export function trainLogistic(data: Rows, rows: readonly number[], bits: number, options: TrainOptions): Float32Array {
  const size = 1 << bits;
  const w = new Float32Array(size);
  const g2 = new Float32Array(size);
  const avg = new Float64Array(size);
  const random = seededRandom(options.seed);
  const averageFrom = Math.floor(options.epochs / 2);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const r of shuffled(rows, random)) {
      const a = data.offs[r]!;
      const b = data.offs[r + 1]!;
      let z = 0;
      for (let i = a; i < b; i++) z += w[data.feats[i]!]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = p - data.labels[r]!;
      for (let i = a; i < b; i++) {
        const h = data.feats[i]!;
        const gi = g + options.l2 * w[h]!;
        g2[h]! += gi * gi;
        w[h]! -= (options.learningRate * gi) / Math.sqrt(g2[h]! + 1e-6);
      }
    }
    if (epoch >= averageFrom) for (let h = 0; h < size; h++) avg[h]! += w[h]!;
  }
  const n = options.epochs - averageFrom;
  for (let h = 0; h < size; h++) w[h] = avg[h]! / n;
  return w;
}

/** Softmax regression over `classes` labels 0…classes−1. Returns `classes << bits` weights, `w[k << bits | h]`. */
export function trainSoftmax(data: Rows, rows: readonly number[], bits: number, classes: number, options: TrainOptions): Float32Array {
  const size = classes << bits;
  const w = new Float32Array(size);
  const g2 = new Float32Array(size);
  const avg = new Float64Array(size);
  const random = seededRandom(options.seed);
  const scores = new Float64Array(classes);
  const averageFrom = Math.floor(options.epochs / 2);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const r of shuffled(rows, random)) {
      const a = data.offs[r]!;
      const b = data.offs[r + 1]!;
      let max = -Infinity;
      for (let k = 0; k < classes; k++) {
        let z = 0;
        const base = k << bits;
        for (let i = a; i < b; i++) z += w[base + data.feats[i]!]!;
        scores[k] = z;
        if (z > max) max = z;
      }
      let sum = 0;
      for (let k = 0; k < classes; k++) {
        scores[k] = Math.exp(scores[k]! - max);
        sum += scores[k]!;
      }
      const y = data.labels[r]!;
      for (let k = 0; k < classes; k++) {
        const g = scores[k]! / sum - (k === y ? 1 : 0);
        const base = k << bits;
        for (let i = a; i < b; i++) {
          const h = base + data.feats[i]!;
          const gi = g + options.l2 * w[h]!;
          g2[h]! += gi * gi;
          w[h]! -= (options.learningRate * gi) / Math.sqrt(g2[h]! + 1e-6);
        }
      }
    }
    if (epoch >= averageFrom) for (let h = 0; h < size; h++) avg[h]! += w[h]!;
  }
  const n = options.epochs - averageFrom;
  for (let h = 0; h < size; h++) w[h] = avg[h]! / n;
  return w;
}

/**
 * Class probabilities of softmax weights (`classes` blocks of `2^bits` each, as `trainSoftmax`
 * lays them out) for each of `rows`, written to `out[row]`.
 */
export function predictSoftmax(data: SparseRows, rows: readonly number[], w: Float32Array, classes: number, bits: number, out: Float64Array[]): void {
  for (const r of rows) {
    const s = new Float64Array(classes);
    let max = -Infinity;
    for (let k = 0; k < classes; k++) {
      let z = 0;
      for (let i = data.offs[r]!; i < data.offs[r + 1]!; i++) z += w[(k << bits) + data.feats[i]!]!;
      s[k] = z;
      max = Math.max(max, z);
    }
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += s[k] = Math.exp(s[k]! - max);
    for (let k = 0; k < classes; k++) s[k]! /= sum;
    out[r] = s;
  }
}
