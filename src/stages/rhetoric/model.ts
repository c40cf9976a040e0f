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
    /**
     * The main tagger's and the family taggers' weights, interleaved per hash
     * (`weights[h * stride + k]`, stride = 1 + groups) as 8-bit integers: model k's weight of
     * hash h is `weights[h * stride + k] × scales[k]`. One feature costs one memory access.
     */
    readonly weights: Int8Array;
    readonly scales: Float64Array;
    readonly stack: { readonly bits: number; readonly weights: Float32Array } | null;
    /** Taggers for technique families (same features and size as the main tagger), read by the stack; their weights are in `weights`. */
    readonly groups: readonly { readonly name: string }[];
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
  readonly si: Omit<RhetoricModel['si'], 'weights' | 'scales' | 'stack' | 'rules' | 'groups' | 'modes'> & {
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

/** Weights as stored: float32, or 8-bit with one scale per block of equal length (`w ≈ q × scales[block]`). */
export type StoredWeights = Float32Array | QuantisedTable;

export interface QuantisedTable {
  readonly q: Int8Array;
  /** One per block; the blocks are `q.length / scales.length` long, in order. */
  readonly scales: Float64Array;
}

/** Quantises `w` to 8 bits, `blocks` equal blocks with a scale each (largest |w| of the block ↦ 127). */
export function quantiseBlocks(w: Float32Array, blocks: number): QuantisedTable {
  const q = new Int8Array(w.length);
  const scales = new Float64Array(blocks);
  const size = w.length / blocks;
  for (let k = 0; k < blocks; k++) {
    let max = 0;
    for (let i = k * size; i < (k + 1) * size; i++) max = Math.max(max, Math.abs(w[i]!));
    const sk = max > 0 ? max / 127 : 1;
    scales[k] = sk;
    for (let i = k * size; i < (k + 1) * size; i++) q[i] = Math.round(w[i]! / sk);
  }
  return { q, scales };
}

/** The `.i8` file layout: uint32 LE block count, that many float64 LE scales, then the int8 values. */
export function encodeQuantised(t: QuantisedTable): Uint8Array {
  const out = new Uint8Array(4 + 8 * t.scales.length + t.q.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, t.scales.length, true);
  t.scales.forEach((x, k) => view.setFloat64(4 + 8 * k, x, true));
  out.set(new Uint8Array(t.q.buffer, t.q.byteOffset, t.q.length), 4 + 8 * t.scales.length);
  return out;
}

export function decodeQuantised(bytes: Uint8Array): QuantisedTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blocks = view.getUint32(0, true);
  if (!(blocks > 0) || 4 + 8 * blocks > bytes.length) throw new Error(`Expected an 8-bit weight table, not ${bytes.length} bytes starting with ${blocks} blocks`);
  const scales = new Float64Array(blocks);
  for (let k = 0; k < blocks; k++) scales[k] = view.getFloat64(4 + 8 * k, true);
  const q = new Int8Array(bytes.length - 4 - 8 * blocks);
  q.set(new Int8Array(bytes.buffer, bytes.byteOffset + 4 + 8 * blocks, q.length));
  if (q.length % blocks !== 0) throw new Error(`Expected ${blocks} equal blocks, not ${q.length} values`);
  return { q, scales };
}

const lengthOf = (w: StoredWeights): number => (w instanceof Float32Array ? w.length : w.q.length);
const asQuantised = (w: StoredWeights, blocks: number): QuantisedTable => {
  if (w instanceof Float32Array) return quantiseBlocks(w, blocks);
  if (w.scales.length !== blocks) throw new Error(`Expected ${blocks} weight scales, not ${w.scales.length}`);
  return w;
};

/** Builds a model from its header and the decoded weight tables; throws on a mismatch. */
export function modelFromParts(
  header: RhetoricModelHeader,
  siWeights: StoredWeights,
  tcWeights: StoredWeights,
  stackWeights: Float32Array | null = null,
  spanWeights: Float32Array | null = null,
  groupWeights: readonly StoredWeights[] = [],
): RhetoricModel {
  const groups = header.si.groups ?? [];
  if (groups.length !== groupWeights.length || groupWeights.some((w) => lengthOf(w) !== 1 << header.si.bits)) {
    throw new Error(`Expected ${groups.length} family taggers of ${1 << header.si.bits} weights`);
  }
  if (header.format !== 'claimtrace-rhetoric') throw new Error(`Expected a claimtrace-rhetoric model header, not \`${String(header.format)}\``);
  if (lengthOf(siWeights) !== 1 << header.si.bits) throw new Error(`Expected ${1 << header.si.bits} span weights, not ${lengthOf(siWeights)}`);
  if (lengthOf(tcWeights) !== header.tc.labels.length << header.tc.bits) {
    throw new Error(`Expected ${header.tc.labels.length << header.tc.bits} technique weights, not ${lengthOf(tcWeights)}`);
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
  // the taggers interleaved per hash
  const taggers = [siWeights, ...groupWeights].map((w) => asQuantised(w, 1));
  const stride = taggers.length;
  const n = 1 << header.si.bits;
  const si = new Int8Array(n * stride);
  for (let k = 0; k < stride; k++) {
    const q = taggers[k]!.q;
    for (let h = 0; h < n; h++) si[h * stride + k] = q[h]!;
  }
  // the technique classes interleaved per hash (the file holds `k << bits | h`)
  const classes = header.tc.labels.length;
  const tc = asQuantised(tcWeights, classes);
  const tcBits = header.tc.bits;
  const tcInterleaved = new Int8Array(tc.q.length);
  for (let k = 0; k < classes; k++) {
    const base = k << tcBits;
    for (let h = 0; h < 1 << tcBits; h++) tcInterleaved[h * classes + k] = tc.q[base + h]!;
  }
  return {
    version: header.version,
    si: {
      bits: header.si.bits,
      weights: si,
      scales: Float64Array.from(taggers, (t) => t.scales[0]!),
      stack: header.si.stack && stackWeights ? { bits: header.si.stack.bits, weights: stackWeights } : null,
      modes: {
        balanced: header.si.modes.balanced,
        highPrecision: {
          minConfidence: header.si.modes.highPrecision.minConfidence,
          ...(header.si.modes.highPrecision.lexicon ? { lexicon: new Map(header.si.modes.highPrecision.lexicon.map(([h, share]) => [h, share] as const)) } : {}),
        },
      },
      rules: header.si.rules ?? [],
      groups: groups.map((g) => ({ name: g.name })),
    },
    tc: {
      bits: header.tc.bits,
      labels: header.tc.labels,
      weights: tcInterleaved,
      scale: tc.scales,
      offsets: Float64Array.from(header.tc.offsets ?? header.tc.labels.map(() => 0)),
    },
    spans: header.spans && spanWeights ? { bits: header.spans.bits, weights: spanWeights } : null,
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
