import { TECHNIQUE_NAMES, type TechniqueName } from './types.js';

/** How token probabilities become spans (tuned on held-out training folds). */
export interface DecodeParams {
  /** Weight of the two neighbours when smoothing token probabilities (0 = none). */
  readonly smooth: number;
  /** Longest run of sub-threshold tokens bridged between two positive runs of one sentence. */
  readonly gap: number;
  /** A sentence whose positive share reaches this is emitted whole (> 1 disables it). */
  readonly sentenceCover: number;
  /** Spans of fewer tokens are dropped. */
  readonly minTokens: number;
}

export interface RhetoricModel {
  readonly version: string;
  /** Span identification: a logistic-regression token tagger over hashed features. */
  readonly si: {
    readonly bits: number;
    readonly weights: Float32Array;
    readonly thresholds: { readonly balanced: number; readonly highPrecision: number };
    readonly decode: DecodeParams;
  };
  /** Technique classification: a softmax classifier over hashed span features, `weights[k << bits | h]`. */
  readonly tc: {
    readonly bits: number;
    readonly labels: readonly TechniqueName[];
    readonly weights: Float32Array;
  };
}

/** The JSON header stored next to the weight files. */
export interface RhetoricModelHeader {
  readonly format: 'claimtrace-rhetoric';
  readonly version: string;
  readonly si: Omit<RhetoricModel['si'], 'weights'> & { readonly file: string };
  readonly tc: Omit<RhetoricModel['tc'], 'weights'> & { readonly file: string };
  readonly trainedOn: string;
  readonly scores?: unknown;
}

/** Builds a model from its header and the two decoded weight buffers; throws on a mismatch. */
export function modelFromParts(header: RhetoricModelHeader, siWeights: Float32Array, tcWeights: Float32Array): RhetoricModel {
  if (header.format !== 'claimtrace-rhetoric') throw new Error(`Expected a claimtrace-rhetoric model header, not \`${String(header.format)}\``);
  if (siWeights.length !== 1 << header.si.bits) throw new Error(`Expected ${1 << header.si.bits} span weights, not ${siWeights.length}`);
  if (tcWeights.length !== header.tc.labels.length << header.tc.bits) {
    throw new Error(`Expected ${header.tc.labels.length << header.tc.bits} technique weights, not ${tcWeights.length}`);
  }
  for (const label of header.tc.labels) {
    if (!(TECHNIQUE_NAMES as readonly string[]).includes(label)) throw new Error(`Expected a PTC technique name, not \`${label}\``);
  }
  return {
    version: header.version,
    si: { bits: header.si.bits, weights: siWeights, thresholds: header.si.thresholds, decode: header.si.decode },
    tc: { bits: header.tc.bits, labels: header.tc.labels, weights: tcWeights },
  };
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Softmax over `scores`, in place. */
export function softmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    scores[k] = Math.exp(scores[k]! - max);
    sum += scores[k]!;
  }
  for (let k = 0; k < scores.length; k++) scores[k]! /= sum;
  return scores;
}
