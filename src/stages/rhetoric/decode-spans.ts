import type { Span } from '../../core/span.js';
import type { ArticleContext } from './features.js';
import type { DecodeParams } from './model.js';

export interface ScoredSpan extends Span {
  /** Mean (smoothed) token probability over the span. */
  readonly score: number;
}

// PTC trims its spans so that they neither start nor end with these.
const TRIM = new Set(['.', ',', ':', ';']);
const CLAUSE_BREAKS = new Set([',', ';', ':', '—', '–', '(', ')']);

/**
 * Turns per-token probabilities into spans: optional smoothing with the neighbours, runs of
 * tokens at or above `threshold` inside one sentence, short gaps bridged, a sentence (or else a
 * clause) emitted whole when most of it is positive, edges trimmed of `. , : ;` as the corpus does.
 */
export function decodeSpans(ctx: ArticleContext, probs: Float64Array | Float32Array, threshold: number, params: DecodeParams): ScoredSpan[] {
  const out: ScoredSpan[] = [];
  const p = smooth(ctx, probs, params.smooth);
  for (const s of ctx.sentences) {
    const pos: boolean[] = [];
    let npos = 0;
    for (let i = s.firstToken; i < s.endToken; i++) {
      const on = p[i]! >= threshold;
      pos.push(on);
      if (on) npos++;
    }
    if (npos === 0) continue;
    // bridge short gaps between positive runs
    let lastOn = -1;
    for (let k = 0; k < pos.length; k++) {
      if (!pos[k]) continue;
      if (lastOn >= 0 && k - lastOn - 1 > 0 && k - lastOn - 1 <= params.gap) {
        for (let g = lastOn + 1; g < k; g++) pos[g] = true;
      }
      lastOn = k;
    }
    const onCount = pos.filter(Boolean).length;
    const len = s.endToken - s.firstToken;
    if (onCount / len >= params.sentenceCover) {
      pushTrimmed(ctx, p, s.firstToken, s.endToken, params.minTokens, out);
      continue;
    }
    if (params.clauseCover <= 1) {
      let from = 0;
      for (let k = 0; k <= pos.length; k++) {
        if (k < pos.length && !CLAUSE_BREAKS.has(ctx.tokens[s.firstToken + k]!.raw)) continue;
        let on = 0;
        for (let j = from; j < k; j++) if (pos[j]) on++;
        if (k > from && on / (k - from) >= params.clauseCover) for (let j = from; j < k; j++) pos[j] = true;
        from = k + 1;
      }
    }
    let k = 0;
    while (k < pos.length) {
      if (!pos[k]) {
        k++;
        continue;
      }
      let e = k;
      while (e < pos.length && pos[e]) e++;
      pushTrimmed(ctx, p, s.firstToken + k, s.firstToken + e, params.minTokens, out);
      k = e;
    }
  }
  return out;
}

function pushTrimmed(ctx: ArticleContext, p: Float64Array, a: number, b: number, minTokens: number, out: ScoredSpan[]): void {
  while (a < b && TRIM.has(ctx.tokens[a]!.raw)) a++;
  while (b > a && TRIM.has(ctx.tokens[b - 1]!.raw)) b--;
  if (b - a < Math.max(1, minTokens)) return;
  let sum = 0;
  for (let i = a; i < b; i++) sum += p[i]!;
  out.push({ start: ctx.tokens[a]!.start, end: ctx.tokens[b - 1]!.end, score: sum / (b - a) });
}

function smooth(ctx: ArticleContext, probs: Float64Array | Float32Array, weight: number): Float64Array {
  const p = Float64Array.from(probs);
  if (weight <= 0) return p;
  for (const s of ctx.sentences) {
    for (let i = s.firstToken; i < s.endToken; i++) {
      let sum = probs[i]!;
      let w = 1;
      if (i > s.firstToken) {
        sum += weight * probs[i - 1]!;
        w += weight;
      }
      if (i + 1 < s.endToken) {
        sum += weight * probs[i + 1]!;
        w += weight;
      }
      p[i] = sum / w;
    }
  }
  return p;
}

/**
 * The most confident part of a span: the run of tokens around its most probable token whose
 * probability stays within `ratio` of that maximum, trimmed like any span. Used by the
 * high-precision mode, where a span's share inside a technique counts more than its reach.
 */
export function coreOf(ctx: ArticleContext, probs: ArrayLike<number>, span: Span, ratio: number): ScoredSpan {
  const t = ctx.tokens;
  let a = 0;
  while (a < t.length && t[a]!.end <= span.start) a++;
  let b = a;
  while (b < t.length && t[b]!.start < span.end) b++;
  let best = a;
  for (let i = a; i < b; i++) if (probs[i]! > probs[best]! && !TRIM.has(t[i]!.raw)) best = i;
  const floor = probs[best]! * ratio;
  let lo = best;
  let hi = best + 1;
  while (lo > a && probs[lo - 1]! >= floor) lo--;
  while (hi < b && probs[hi]! >= floor) hi++;
  while (lo < hi - 1 && TRIM.has(t[lo]!.raw)) lo++;
  while (hi > lo + 1 && TRIM.has(t[hi - 1]!.raw)) hi--;
  let sum = 0;
  for (let i = lo; i < hi; i++) sum += probs[i]!;
  return { start: t[lo]!.start, end: t[hi - 1]!.end, score: sum / (hi - lo) };
}

/** Re-scores spans (for instance after a union with rule spans) by their mean token probability. */
export function rescore(ctx: ArticleContext, probs: ArrayLike<number>, spans: readonly Span[]): ScoredSpan[] {
  const t = ctx.tokens;
  let a = 0;
  return spans.map((s) => {
    while (a < t.length && t[a]!.end <= s.start) a++;
    let sum = 0;
    let n = 0;
    for (let i = a; i < t.length && t[i]!.start < s.end; i++) {
      sum += probs[i]!;
      n++;
    }
    return { start: s.start, end: s.end, score: n ? sum / n : 0 };
  });
}
