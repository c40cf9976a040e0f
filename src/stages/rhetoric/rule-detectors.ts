import type { ArticleContext } from './features.js';

/** Deterministic detectors, each measured on PTC train before it is switched on (see model.json `rules`). */
export type RuleName = 'short-exclamation' | 'exclamation' | 'question' | 'hashtag';

export interface RuleSpan {
  readonly start: number;
  readonly end: number;
  readonly rule: RuleName;
}

const SHORT = 8;

/**
 * Sentences ending in `!` (all, or only short ones of at most 8 tokens: the slogan shape,
 * `Make our country great again!`), sentences ending in `?` (rhetorical questions are
 * frequent in Doubt spans), and hashtags (`#DrainTheSwamp`).
 */
export function ruleSpans(ctx: ArticleContext, rules: readonly RuleName[]): RuleSpan[] {
  const out: RuleSpan[] = [];
  const on = new Set(rules);
  for (const s of ctx.sentences) {
    const last = ctx.tokens[s.endToken - 1]!;
    // the final mark may be followed by a closing quotation mark
    const end = /^["”’'»)]$/.test(last.raw) && s.endToken - 2 >= s.firstToken ? ctx.tokens[s.endToken - 2]! : last;
    const length = s.endToken - s.firstToken;
    if (end.raw === '!' && (on.has('exclamation') || (on.has('short-exclamation') && length <= SHORT + 1))) {
      out.push({ start: s.start, end: s.end, rule: length <= SHORT + 1 ? 'short-exclamation' : 'exclamation' });
    } else if (end.raw === '?' && on.has('question')) {
      out.push({ start: s.start, end: s.end, rule: 'question' });
    }
    if (on.has('hashtag')) {
      for (let i = s.firstToken; i + 1 < s.endToken; i++) {
        const t = ctx.tokens[i]!;
        const next = ctx.tokens[i + 1]!;
        if (t.raw === '#' && next.start === t.end && /^\p{L}/u.test(next.raw)) out.push({ start: t.start, end: next.end, rule: 'hashtag' });
      }
    }
  }
  return out;
}

/** Union of model spans and rule spans: overlapping ones become one span, sorted by position. */
export function mergeWithRules<T extends { start: number; end: number; score: number }>(spans: readonly T[], rules: readonly RuleSpan[], ruleScore: number): { start: number; end: number; score: number }[] {
  const all = [...spans.map((s) => ({ start: s.start, end: s.end, score: s.score })), ...rules.map((r) => ({ start: r.start, end: r.end, score: ruleScore }))].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  const out: { start: number; end: number; score: number }[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.score = Math.max(last.score, s.score);
    } else out.push({ ...s });
  }
  return out;
}
