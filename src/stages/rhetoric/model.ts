import type { RuleName } from './rule-detectors.js';
import { TECHNIQUE_NAMES, type TechniqueName } from './types.js';

/** How token probabilities become spans (tuned on held-out training folds). */
export interface DecodeParams {
  /** Weight of the two neighbours when smoothing token probabilities (0 = none). */
  readonly smooth: number;
  /** Longest run of sub-threshold tokens bridged between two positive runs of one sentence. */
  readonly gap: number;
  /** A sentence whose positive share reaches this is emitted whole (> 1 disables it). */
  readonly sentenceCover: number;
  /** Likewise for a clause (a stretch between `,` `;` `:` `—` `(` `)`), when the sentence is not emitted whole. */
  readonly clauseCover: number;
  /** Spans of fewer tokens are dropped. */
  readonly minTokens: number;
}

/** A threshold on token probability and the decoding that goes with it. */
export interface DecodeSetting {
  readonly threshold: number;
  readonly decode: DecodeParams;
  /** Decoded spans whose span-scorer confidence is below this are dropped. */
  readonly minConfidence: number;
}

/**
 * The high-precision setting. With a `lexicon` it marks the words of the text whose share of
 * occurrences inside a technique in training (`inside / (occurrences + 1)`, words seen in at
 * least two training articles) reaches `minConfidence`, consecutive ones joined into one span;
 * without one it keeps the balanced spans whose span-scorer confidence reaches `minConfidence`.
 */
export interface HighPrecisionSetting {
  readonly minConfidence: number;
  /** Hash of `'hp=' + lower-cased word` (`hashFeature`) → its in-technique share; words themselves are not stored. */
  readonly lexicon?: ReadonlyMap<number, number>;
}

export interface RhetoricModel {
  readonly version: string;
  /**
   * Span identification: a logistic-regression token tagger over hashed features, then a small
   * stacked logistic model over the binned probabilities of each token's neighbourhood.
   */
  readonly si: {
    readonly bits: number;
    readonly weights: Float32Array;
    readonly stack: { readonly bits: number; readonly weights: Float32Array } | null;
    /** Taggers for technique families (same features and size as the main tagger), read by the stack. */
    readonly groups: readonly { readonly name: string; readonly weights: Float32Array }[];
    /**
     * `balanced` decodes spans; `high-precision` keeps those of them whose span-scorer
     * confidence reaches `minConfidence`.
     */
    readonly modes: { readonly balanced: DecodeSetting; readonly highPrecision: HighPrecisionSetting };
    /** Deterministic detectors whose spans are added to the decoded ones (those that helped on train folds). */
    readonly rules: readonly RuleName[];
  };
  /** Span scorer: logistic regression predicting the share of a detected span that lies inside a technique. */
  readonly spans: { readonly bits: number; readonly weights: Float32Array } | null;
  /**
   * Technique classification: a softmax classifier over hashed span features. In memory the
   * classes' weights of one hash sit together, `weights[h * labels.length + k]` (the file stores
   * `k << bits | h`), so one feature costs one memory access, not one per class; they are
   * quantised to 8 bits with one scale per class (`w ≈ weights[…] × scale[k]`).
   */
  readonly tc: {
    readonly bits: number;
    readonly labels: readonly TechniqueName[];
    readonly weights: Int8Array;
    readonly scale: Float64Array;
    /** Per class, a number added to its score before the softmax (class priors tuned on train folds); zeros when absent. */
    readonly offsets: Float64Array;
  };
}

/** The JSON header stored next to the weight files. */
export interface RhetoricModelHeader {
  readonly format: 'claimtrace-rhetoric';
  readonly version: string;
  readonly si: Omit<RhetoricModel['si'], 'weights' | 'stack' | 'rules' | 'groups' | 'modes'> & {
    readonly modes: {
      readonly balanced: DecodeSetting;
      readonly highPrecision: { readonly minConfidence: number; readonly lexicon?: readonly (readonly [hash: number, share: number])[] };
    };
    readonly rules?: readonly RuleName[];
    readonly groups?: readonly { readonly name: string; readonly techniques: readonly string[]; readonly file: string }[];
    readonly file: string;
    readonly stack: { readonly bits: number; readonly file: string } | null;
  };
  readonly tc: Omit<RhetoricModel['tc'], 'weights' | 'offsets' | 'scale'> & { readonly file: string; readonly offsets?: readonly number[] };
  readonly spans: { readonly bits: number; readonly file: string } | null;
  readonly trainedOn: string;
  readonly scores?: unknown;
}

/** Builds a model from its header and the two decoded weight buffers; throws on a mismatch. */
export function modelFromParts(
  header: RhetoricModelHeader,
  siWeights: Float32Array,
  tcWeights: Float32Array,
  stackWeights: Float32Array | null = null,
  spanWeights: Float32Array | null = null,
  groupWeights: readonly Float32Array[] = [],
): RhetoricModel {
  const groups = header.si.groups ?? [];
  if (groups.length !== groupWeights.length || groupWeights.some((w) => w.length !== 1 << header.si.bits)) {
    throw new Error(`Expected ${groups.length} family taggers of ${1 << header.si.bits} weights`);
  }
  if (header.format !== 'claimtrace-rhetoric') throw new Error(`Expected a claimtrace-rhetoric model header, not \`${String(header.format)}\``);
  if (siWeights.length !== 1 << header.si.bits) throw new Error(`Expected ${1 << header.si.bits} span weights, not ${siWeights.length}`);
  if (tcWeights.length !== header.tc.labels.length << header.tc.bits) {
    throw new Error(`Expected ${header.tc.labels.length << header.tc.bits} technique weights, not ${tcWeights.length}`);
  }
  if (header.si.stack && stackWeights?.length !== 1 << header.si.stack.bits) {
    throw new Error(`Expected ${1 << header.si.stack.bits} stacked weights, not ${stackWeights?.length ?? 'none'}`);
  }
  if (header.spans && spanWeights?.length !== 1 << header.spans.bits) {
    throw new Error(`Expected ${1 << header.spans.bits} span-scorer weights, not ${spanWeights?.length ?? 'none'}`);
  }
  if (header.tc.offsets && header.tc.offsets.length !== header.tc.labels.length) {
    throw new Error(`Expected ${header.tc.labels.length} technique offsets, not ${header.tc.offsets.length}`);
  }
  for (const label of header.tc.labels) {
    if (!(TECHNIQUE_NAMES as readonly string[]).includes(label)) throw new Error(`Expected a PTC technique name, not \`${label}\``);
  }
  return {
    version: header.version,
    si: {
      bits: header.si.bits,
      weights: siWeights,
      stack: header.si.stack && stackWeights ? { bits: header.si.stack.bits, weights: stackWeights } : null,
      modes: {
        balanced: header.si.modes.balanced,
        highPrecision: {
          minConfidence: header.si.modes.highPrecision.minConfidence,
          ...(header.si.modes.highPrecision.lexicon ? { lexicon: new Map(header.si.modes.highPrecision.lexicon.map(([h, share]) => [h, share] as const)) } : {}),
        },
      },
      rules: header.si.rules ?? [],
      groups: groups.map((g, k) => ({ name: g.name, weights: groupWeights[k]! })),
    },
    tc: {
      bits: header.tc.bits,
      labels: header.tc.labels,
      ...quantiseClasses(tcWeights, header.tc.labels.length, header.tc.bits),
      offsets: Float64Array.from(header.tc.offsets ?? header.tc.labels.map(() => 0)),
    },
    spans: header.spans && spanWeights ? { bits: header.spans.bits, weights: spanWeights } : null,
  };
}

/** `w[k << bits | h]` (the file layout) to `weights[h * classes + k] × scale[k]`, 8-bit. */
export function quantiseClasses(w: Float32Array, classes: number, bits: number): { weights: Int8Array; scale: Float64Array } {
  const n = 1 << bits;
  const weights = new Int8Array(w.length);
  const scale = new Float64Array(classes);
  for (let k = 0; k < classes; k++) {
    const base = k << bits;
    let max = 0;
    for (let h = 0; h < n; h++) max = Math.max(max, Math.abs(w[base + h]!));
    const sk = max > 0 ? max / 127 : 1;
    scale[k] = sk;
    for (let h = 0; h < n; h++) weights[h * classes + k] = Math.round(w[base + h]! / sk);
  }
  return { weights, scale };
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
