import type { Sentence } from '../../core/layers.js';
import { firstEndingAfter, trimSpan, type Span } from '../../core/span.js';

/**
 * Clauses of a sentence: split after `;` unless it sits inside a protected span (a quotation,
 * a reference). `The toll rose to 40; the ministry denied it.` → two clauses. Linear.
 */
export function splitClauses(text: string, sentence: Sentence, protectedSpans: readonly Span[]): Span[] {
  const out: Span[] = [];
  let start = sentence.start;
  let p = -1;
  for (let i = sentence.start; i < sentence.end; i++) {
    if (text.charCodeAt(i) !== 59 /* ; */) continue;
    if (p < 0) p = firstEndingAfter(protectedSpans, sentence.start); // not a scan from the first span per sentence
    while (p < protectedSpans.length && protectedSpans[p]!.end <= i) p++;
    const guard = protectedSpans[p];
    if (guard && guard.start <= i) continue;
    const s = trimSpan(text, { start, end: i + 1 });
    if (s.end > s.start) out.push(s);
    start = i + 1;
  }
  const s = trimSpan(text, { start, end: sentence.end });
  if (s.end > s.start) out.push(s);
  return out;
}
