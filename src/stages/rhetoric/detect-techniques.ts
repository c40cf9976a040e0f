import type { Span } from '../../core/span.js';
import { decodeSpans, rescore } from './decode-spans.js';
import { mergeWithRules, ruleSpans } from './rule-detectors.js';
import { articleContext, longBagSum, spanInLongSentence, longSentenceBag, probabilityContext, spanFeatures, spanScoreFeatures, stackFeatures, tokenFeatures, type ArticleContext } from './features.js';
import { sigmoid, softmax, type RhetoricModel } from './model.js';
import type { DetectOptions, Technique, TechniqueName } from './types.js';

/**
 * The first-stage weights and the group taggers' weights interleaved (`[w, g0, g1, …]` per hash),
 * so that the weights of one feature share a cache line: the same float32 values, summed in the
 * same order, but one memory miss per feature instead of one per model.
 */
const interleavedWeights = new WeakMap<object, Float32Array>();
function interleaved(si: RhetoricModel['si']): Float32Array {
  let w = interleavedWeights.get(si);
  if (!w) {
    const all = [si.weights, ...si.groups.map((g) => g.weights)];
    const stride = all.length;
    const n = si.weights.length;
    w = new Float32Array(n * stride);
    for (let k = 0; k < stride; k++) {
      const src = all[k]!;
      for (let h = 0; h < n; h++) w[h * stride + k] = src[h]!;
    }
    interleavedWeights.set(si, w);
  }
  return w;
}

/** Probability that each token lies inside a persuasion-technique span. */
export function tokenProbabilities(ctx: ArticleContext, model: RhetoricModel): Float64Array {
  const { weights, bits, groups } = model.si;
  const mask = (1 << bits) - 1;
  const probs = new Float64Array(ctx.tokens.length);
  const groupProbs = groups.map(() => new Float64Array(ctx.tokens.length));
  const feats: number[] = [];
  const groupWeights = groups.map((g) => g.weights);
  const ng = groupWeights.length;
  const stride = ng + 1;
  const all = interleaved(model.si);
  const z = new Float64Array(stride);
  const longSums: { sentence: number; sums: number[] } = { sentence: -1, sums: [] };
  for (let i = 0; i < ctx.tokens.length; i++) {
    feats.length = 0;
    tokenFeatures(ctx, i, mask, feats);
    const nf = feats.length;
    const sentence = ctx.tokens[i]!.sentence;
    const long = longSentenceBag(ctx, sentence);
    if (long && longSums.sentence !== sentence) {
      longSums.sentence = sentence;
      longSums.sums = [weights, ...groupWeights].map((w) => {
        let sum = 0;
        for (let k = 0; k < long.length; k++) sum += w[long[k]! & mask]!;
        return sum;
      });
    }
    if (stride === 3) {
      // the shipped model: two group taggers
      let z0 = 0;
      let z1 = 0;
      let z2 = 0;
      for (let f = 0; f < nf; f++) {
        const h = feats[f]! * 3;
        z0 += all[h]!;
        z1 += all[h + 1]!;
        z2 += all[h + 2]!;
      }
      z[0] = z0;
      z[1] = z1;
      z[2] = z2;
    } else {
      z.fill(0);
      for (let f = 0; f < nf; f++) {
        const h = feats[f]! * stride;
        for (let k = 0; k < stride; k++) z[k] = z[k]! + all[h + k]!;
      }
    }
    if (long) for (let k = 0; k < stride; k++) z[k] = z[k]! + longSums.sums[k]!;
    probs[i] = sigmoid(z[0]!);
    for (let k = 0; k < ng; k++) groupProbs[k]![i] = sigmoid(z[k + 1]!);
  }
  return model.si.stack ? stackedProbabilities(ctx, probs, model.si.stack, groupProbs) : probs;
}

/** Second stage: re-scores each token from the first-stage probabilities around it. */
export function stackedProbabilities(
  ctx: ArticleContext,
  first: ArrayLike<number>,
  stack: { readonly bits: number; readonly weights: Float32Array },
  groupProbs: readonly ArrayLike<number>[] = [],
): Float64Array {
  const mask = (1 << stack.bits) - 1;
  const pc = probabilityContext(ctx, first);
  const gcs = groupProbs.map((g) => probabilityContext(ctx, g));
  const probs = new Float64Array(ctx.tokens.length);
  const feats: number[] = [];
  for (let i = 0; i < ctx.tokens.length; i++) {
    feats.length = 0;
    stackFeatures(ctx, pc, i, mask, feats, gcs);
    const w = stack.weights;
    let z = 0;
    for (let f = 0; f < feats.length; f++) z += w[feats[f]!]!;
    probs[i] = sigmoid(z);
  }
  return probs;
}

/** The technique distribution for one span, in the order of `model.tc.labels`. */
export function techniqueProbabilities(ctx: ArticleContext, span: Span, model: RhetoricModel): Float64Array {
  const { weights, bits, labels } = model.tc;
  const mask = (1 << bits) - 1;
  const feats: number[] = [];
  spanFeatures(ctx, span, mask, feats);
  const long = spanInLongSentence(ctx, span);
  const scores = new Float64Array(labels.length);
  for (let k = 0; k < labels.length; k++) {
    const base = k << bits;
    let z = 0;
    for (const h of feats) z += weights[base + h]!;
    scores[k] = long ? z + longBagSum(ctx, span, weights, base, mask) : z;
  }
  return softmax(scores);
}

/** The span scorer's estimate of the share of `span` that lies inside a technique; `meanProbability` when the model has none. */
export function spanConfidence(ctx: ArticleContext, span: Span, meanProbability: number, model: RhetoricModel): number {
  if (!model.spans) return meanProbability;
  const { bits, weights } = model.spans;
  const feats: number[] = [];
  spanScoreFeatures(ctx, span, meanProbability, (1 << bits) - 1, feats);
  let z = longBagSum(ctx, span, weights, 0, (1 << bits) - 1);
  for (const h of feats) z += weights[h]!;
  return sigmoid(z);
}

/** Labels ranked by probability, best first. */
export function rankTechniques(probs: Float64Array, model: RhetoricModel): { technique: TechniqueName; probability: number }[] {
  return model.tc.labels
    .map((technique, k) => ({ technique, probability: probs[k]! }))
    .sort((a, b) => b.probability - a.probability || a.technique.localeCompare(b.technique));
}

/** Throws at once on a bad option (the stage factory calls it before any text is seen). */
export function checkOptions(options: DetectOptions): void {
  if (options.mode !== undefined && options.mode !== 'balanced' && options.mode !== 'high-precision') {
    throw new Error(`Expected mode \`balanced\` or \`high-precision\`, not \`${String(options.mode)}\``);
  }
  if (options.threshold !== undefined && !(options.threshold >= 0 && options.threshold <= 1)) {
    throw new Error(`Expected a threshold between 0 and 1, not \`${String(options.threshold)}\``);
  }
}

/**
 * Persuasion techniques in `text` (SemEval-2020 Task 11 classes), as UTF-16 spans sorted by
 * position. Pure: the model is loaded beforehand (see `loadRhetoricModel`).
 */
export function detectTechniques(text: string, model: RhetoricModel, options: DetectOptions = {}): Technique[] {
  checkOptions(options);
  const ctx = articleContext(text);
  if (ctx.tokens.length === 0) return [];
  const { balanced, highPrecision } = model.si.modes;
  const highPrecisionMode = options.mode === 'high-precision';
  const tokenThreshold = highPrecisionMode ? balanced.threshold : (options.threshold ?? balanced.threshold);
  const minConfidence = highPrecisionMode ? (options.threshold ?? highPrecision.minConfidence) : balanced.minConfidence;
  const out: Technique[] = [];
  const probs = tokenProbabilities(ctx, model);
  let spans = decodeSpans(ctx, probs, tokenThreshold, balanced.decode);
  if (model.si.rules.length > 0) spans = rescore(ctx, probs, mergeWithRules(spans, ruleSpans(ctx, model.si.rules), 0));
  for (const s of spans) {
    const confidence = spanConfidence(ctx, s, s.score, model);
    if (confidence < minConfidence) continue;
    const best = rankTechniques(techniqueProbabilities(ctx, s, model), model)[0]!;
    out.push({
      span: { start: s.start, end: s.end },
      technique: best.technique,
      confidence: round(confidence),
      techniqueProbability: round(best.probability),
    });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
