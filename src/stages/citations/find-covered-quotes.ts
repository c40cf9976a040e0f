import type { Paragraph, Quote, Sentence } from '../../core/layers.js';
import type { Span } from '../../core/span.js';

// Between a quote and the reference after it: closing marks, punctuation, space (and the
// opening bracket, for the second reference of `(IRNA, …; Tasnim, …)`, whose span starts inside).
const QUOTE_TO_REFERENCE = /^[\s"”’'»,.;:!?—–(-]{0,6}$/;
// After a reference that closes its paragraph: at most punctuation and closing marks.
const CLOSING = new Set([...' \t\n\r\u00a0"”’\'».,;:!?)]']);

export interface CoverContext {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly quotes: readonly Quote[];
}

/**
 * Quote ids a reference vouches for:
 *  - a reference right after a quote covers that quote (`…the first bomb fell," (Reyes, …)`);
 *  - else a reference closing its paragraph covers the paragraph's quotes since the previous
 *    reference in it;
 *  - else the quotes of the sentence it closes (the one before, when it opens a sentence).
 * Returns a function over references; quotes are indexed once, and each look-up is a binary
 * search plus the quotes in scope, so a document full of references stays linear.
 */
export function coverQuotes(ctx: CoverContext): (ref: Span, previousRefEnd: number | null) => string[] {
  const { text } = ctx;
  // Each content span on its own: the quote `"…bombs." (Times staff, "Title", …)` may have
  // swallowed the title inside the reference, so its last span is no guide to where it ends.
  const pieces = ctx.quotes.flatMap((q) => q.content.map((c) => ({ id: q.id, start: c.start, end: c.end })));
  const byEnd = [...pieces].sort((a, b) => a.end - b.end);
  const byStart = ctx.quotes
    .filter((q) => q.content.length > 0)
    .map((q) => ({ id: q.id, start: q.content[0]!.start, end: q.content[0]!.end }))
    .sort((a, b) => a.start - b.start);

  const quoteById = new Map(ctx.quotes.map((q) => [q.id, q]));
  const sameSpeaker = (a: Quote, b: Quote) =>
    (a.speaker.mention !== null && b.speaker.mention !== null && a.speaker.mention.start === b.speaker.mention.start) ||
    (a.speaker.name !== null && a.speaker.name === b.speaker.name);

  // `"At least 40 people…," the paper reported, citing two doctors (Reyes, …)`: the reference
  // follows the reported clause, but it vouches for everything that speaker says in the sentence.
  const withSameSpeakerInSentence = (adjacent: string[], ref: Span): string[] => {
    const i = sentenceIndexAt(ctx.sentences, ref.start);
    const sentence = i >= 0 ? ctx.sentences[i]! : null;
    if (!sentence) return adjacent;
    const speakers = adjacent.map((id) => quoteById.get(id)!).filter(Boolean);
    const out = [...adjacent];
    for (let k = lowerBound(byStart, sentence.start, (q) => q.start); k < byStart.length && byStart[k]!.start < ref.start; k++) {
      const candidate = quoteById.get(byStart[k]!.id)!;
      if (byStart[k]!.end <= ref.start && !out.includes(candidate.id) && speakers.some((a) => sameSpeaker(a, candidate))) out.push(candidate.id);
    }
    return out.sort((a, b) => quoteOrder(a) - quoteOrder(b));
  };
  const order = new Map(ctx.quotes.map((q, i) => [q.id, i]));
  const quoteOrder = (id: string) => order.get(id) ?? 0;

  return (ref, previousRefEnd) => {
    const adjacent: string[] = [];
    for (let k = lowerBound(byEnd, ref.start - 6, (q) => q.end); k < byEnd.length && byEnd[k]!.end <= ref.start; k++) {
      const q = byEnd[k]!;
      if (QUOTE_TO_REFERENCE.test(text.slice(q.end, ref.start)) && !adjacent.includes(q.id)) adjacent.push(q.id);
    }
    if (adjacent.length > 0) return withSameSpeakerInSentence(adjacent, ref);

    const pi = paragraphIndexAt(ctx.paragraphs, ref.start);
    const paragraph = pi === null ? null : ctx.paragraphs[pi]!;
    let scopeStart: number;
    if (paragraph && onlyClosingMarks(text, ref.end, paragraph.end)) {
      scopeStart = paragraph.start;
    } else {
      const i = sentenceIndexAt(ctx.sentences, ref.start);
      const sentence = i >= 0 ? ctx.sentences[i]! : null;
      if (!sentence) return [];
      // `… bombs." (Times staff, …)` — a reference opening a sentence closes the one before.
      const opens = onlySpaceBack(text, sentence.start, ref.start);
      const previous = i > 0 ? ctx.sentences[i - 1]! : null;
      scopeStart = opens && previous && previous.paragraph === sentence.paragraph ? previous.start : sentence.start;
    }
    if (previousRefEnd !== null && previousRefEnd > scopeStart) scopeStart = previousRefEnd;
    const covered: string[] = [];
    for (let k = lowerBound(byStart, scopeStart, (q) => q.start); k < byStart.length && byStart[k]!.start < ref.start; k++) {
      // A "quote" that runs through the reference is a mis-paired mark, not something it vouches for.
      if (byStart[k]!.end <= ref.start) covered.push(byStart[k]!.id);
    }
    return covered;
  };
}

/** Only punctuation and closing marks between `from` and `end`; stops at the first other character. */
function onlyClosingMarks(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (!CLOSING.has(text[i]!)) return false;
  return true;
}

/** Only white space between `start` and `at`, scanning back from `at`. */
function onlySpaceBack(text: string, start: number, at: number): boolean {
  for (let i = at - 1; i >= start; i--) if (!/\s/.test(text[i]!)) return false;
  return true;
}

function lowerBound<T>(items: readonly T[], value: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the sentence containing `at`, by binary search (sentences are sorted). */
export function sentenceIndexAt(sentences: readonly Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (s.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && at < sentences[found]!.end ? found : found >= 0 && at === sentences[found]!.end ? found : -1;
}

/** Index of the paragraph containing `at`, or null. */
export function paragraphIndexAt(paragraphs: readonly Paragraph[], at: number): number | null {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paragraphs[mid]!;
    if (at < p.start) hi = mid - 1;
    else if (at >= p.end) lo = mid + 1;
    else return mid;
  }
  return null;
}
