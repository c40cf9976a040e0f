import type { Span } from '../../core/span.js';
import { decodeSpans, rescore, type ScoredSpan } from './decode-spans.js';
import { mergeWithRules, ruleSpans } from './rule-detectors.js';
import { articleContext, createWordSums, firstStageScores, hashFeature, longBagSum, spanInLongSentence, probabilityContext, spanFeatures, spanScoreExtraFeatures, stackScores, type ArticleContext, type ProbabilityContext, type WordSums } from './features.js';
import { sigmoid, softmax, type RhetoricModel } from './model.js';
import type { DetectOptions, Technique, TechniqueName } from './types.js';

/**
 * Per model, the summed weights of each word in each of its roles (see `firstStageScores`), kept
 * across articles so that common words are looked up once; bounded.
 */
const wordMemos = new WeakMap<object, WordSums>();

/**
 * Probability that each token lies inside a persuasion-technique span: the first-stage taggers
 * (linear over the features of `tokenFeatures`, summed by `firstStageScores`), then the stack.
 */
export function tokenProbabilities(ctx: ArticleContext, model: RhetoricModel): Float64Array {
  const { bits, groups } = model.si;
  const n = ctx.tokens.length;
  const ng = groups.length;
  const stride = ng + 1;
  let memo = wordMemos.get(model.si);
  if (!memo) wordMemos.set(model.si, (memo = createWordSums()));
  const scale = model.si.scales;
  const z = firstStageScores(ctx, model.si.weights, stride, (1 << bits) - 1, memo);
  const probs = new Float64Array(n);
  // (built by a loop: see stackScores)
  const groupProbs: Float64Array[] = [];
  for (let k = 0; k < ng; k++) groupProbs.push(new Float64Array(n));
  for (let i = 0; i < n; i++) probs[i] = sigmoid(z[i * stride]! * scale[0]!);
  for (let k = 0; k < ng; k++) {
    const gp = groupProbs[k]!;
    const sk = scale[k + 1]!;
    for (let i = 0; i < n; i++) gp[i] = sigmoid(z[i * stride + k + 1]! * sk);
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
  const gcs: ProbabilityContext[] = [];
  for (const g of groupProbs) gcs.push(probabilityContext(ctx, g));
  const z = stackScores(ctx, pc, gcs, stack.weights, mask);
  const probs = new Float64Array(ctx.tokens.length);
  for (let i = 0; i < z.length; i++) probs[i] = sigmoid(z[i]!);
  return probs;
}

/**
 * The unmasked hashes of a span's features (`spanFeatures`), computed once and shared by the
 * technique classifier and the span scorer (each masks them to its own size).
 */
export function spanHashes(ctx: ArticleContext, span: Span): number[] {
  const out: number[] = [];
  spanFeatures(ctx, span, -1, out);
  return out;
}

const ROWS = new Int32Array(4096);

/** The technique distribution for one span, in the order of `model.tc.labels` (class offsets applied). */
export function techniqueProbabilities(ctx: ArticleContext, span: Span, model: RhetoricModel, hashes: readonly number[] = spanHashes(ctx, span)): Float64Array {
  const { weights, bits, labels, offsets, scale } = model.tc;
  const mask = (1 << bits) - 1;
  const nk = labels.length;
  const sums = new Float64Array(nk);
  // the rows' offsets first, then one running sum per class (in a register, over the rows in
  // order: the same sums as row by row)
  const nf = hashes.length;
  const rows = nf <= ROWS.length ? ROWS : new Int32Array(nf);
  for (let f = 0; f < nf; f++) rows[f] = (hashes[f]! & mask) * nk;
  for (let k = 0; k < nk; k++) {
    let acc = 0;
    for (let f = 0; f < nf; f++) acc += weights[rows[f]! + k]!;
    sums[k] = acc;
  }
  if (spanInLongSentence(ctx, span)) for (let k = 0; k < nk; k++) sums[k] = sums[k]! + longBagSum(ctx, span, weights, k, mask, nk);
  for (let k = 0; k < nk; k++) sums[k] = sums[k]! * scale[k]! + offsets[k]!;
  return softmax(sums);
}

/** The span scorer's estimate of the share of `span` that lies inside a technique; `meanProbability` when the model has none. */
export function spanConfidence(ctx: ArticleContext, span: Span, meanProbability: number, model: RhetoricModel, hashes: readonly number[] = spanHashes(ctx, span)): number {
  if (!model.spans) return meanProbability;
  const { bits, weights } = model.spans;
  const mask = (1 << bits) - 1;
  let z = longBagSum(ctx, span, weights, 0, mask);
  for (let f = 0; f < hashes.length; f++) z += weights[hashes[f]! & mask]!;
  const extra: number[] = [];
  spanScoreExtraFeatures(ctx, span, meanProbability, mask, extra);
  for (const h of extra) z += weights[h]!;
  return sigmoid(z);
}

/** Labels ranked by probability, best first. */
export function rankTechniques(probs: Float64Array, model: RhetoricModel): { technique: TechniqueName; probability: number }[] {
  return model.tc.labels
    .map((technique, k) => ({ technique, probability: probs[k]! }))
    .sort((a, b) => b.probability - a.probability || a.technique.localeCompare(b.technique));
}

/**
 * The high-precision spans: runs of consecutive words (within a sentence, nothing but white space
 * between them) whose lexicon share reaches `minShare`; a span's score is its lowest share.
 */
export function lexiconSpans(ctx: ArticleContext, lexicon: ReadonlyMap<number, number>, minShare: number): ScoredSpan[] {
  const out: ScoredSpan[] = [];
  const share = new Float64Array(ctx.types.length).fill(-1);
  let open: { start: number; end: number; score: number; sentence: number } | null = null;
  for (let i = 0; i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i]!;
    const id = ctx.typeOf[i]!;
    if (share[id]! < 0) share[id] = lexicon.get(hashFeature('hp=' + t.lower)) ?? 0;
    const x = share[id]!;
    if (x >= minShare && x > 0) {
      if (open && open.sentence === t.sentence && /^[ \t]*$/.test(ctx.text.slice(open.end, t.start))) {
        open.end = t.end;
        open.score = Math.min(open.score, x);
      } else {
        if (open) out.push({ start: open.start, end: open.end, score: open.score });
        open = { start: t.start, end: t.end, score: x, sentence: t.sentence };
      }
    }
  }
  if (open) out.push({ start: open.start, end: open.end, score: open.score });
  return out;
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
  if (highPrecisionMode && highPrecision.lexicon) {
    for (const s of lexiconSpans(ctx, highPrecision.lexicon, minConfidence)) {
      const best = rankTechniques(techniqueProbabilities(ctx, s, model), model)[0]!;
      out.push({ span: { start: s.start, end: s.end }, technique: best.technique, confidence: round(s.score), techniqueProbability: round(best.probability) });
    }
    return out;
  }
  const probs = tokenProbabilities(ctx, model);
  let spans = decodeSpans(ctx, probs, tokenThreshold, balanced.decode);
  if (model.si.rules.length > 0) spans = rescore(ctx, probs, mergeWithRules(spans, ruleSpans(ctx, model.si.rules), 0));
  for (const s of spans) {
    const hashes = spanHashes(ctx, s);
    const confidence = spanConfidence(ctx, s, s.score, model, hashes);
    if (confidence < minConfidence) continue;
    const best = rankTechniques(techniqueProbabilities(ctx, s, model, hashes), model)[0]!;
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
