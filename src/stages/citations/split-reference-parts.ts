import type { Span } from '../../core/span.js';
import { trimSpan } from '../../core/span.js';

export interface ReferencePart {
  /** The part as written, marks included, trimmed. */
  readonly span: Span;
  /** For a quoted part, the span between the marks; otherwise the same as `span`. */
  readonly value: Span;
  readonly quoted: boolean;
}

const CLOSERS: Readonly<Record<string, string>> = { '"': '"”', '“': '”"', '„': '“”"', "'": "'’", '‘': '’\'', '«': '»', '‹': '›' };

/**
 * Splits the inside of a reference at commas and semicolons, keeping a quoted title whole:
 * `Anna Reyes, 'Witnesses, doctors describe morning', The Washington Post, 4 June 2015`
 * has four parts. A quoted part ends at a closing mark followed by `,`, `;` or the end, so the
 * apostrophe in `'Iran's claims'` does not close it.
 */
export function splitReferenceParts(text: string, inner: Span): ReferencePart[] {
  const parts: ReferencePart[] = [];
  let i = inner.start;
  while (i < inner.end) {
    while (i < inner.end && /\s/.test(text[i]!)) i++;
    if (i >= inner.end) break;
    const open = text[i]!;
    const closers = CLOSERS[open];
    if (closers) {
      const close = findClosingMark(text, i + 1, inner.end, closers);
      if (close >= 0) {
        parts.push({ span: { start: i, end: close + 1 }, value: trimSpan(text, { start: i + 1, end: close }), quoted: true });
        i = close + 1;
        while (i < inner.end && text[i] !== ',' && text[i] !== ';') i++;
        i++;
        continue;
      }
    }
    let j = i;
    while (j < inner.end && text[j] !== ',' && text[j] !== ';') j++;
    const s = trimSpan(text, { start: i, end: j });
    if (s.end > s.start) parts.push({ span: s, value: s, quoted: false });
    i = j + 1;
  }
  return parts;
}

function findClosingMark(text: string, from: number, end: number, closers: string): number {
  for (let k = from; k < end; k++) {
    if (!closers.includes(text[k]!)) continue;
    let n = k + 1;
    while (n < end && /[\s.]/.test(text[n]!)) n++;
    if (n >= end || text[n] === ',' || text[n] === ';') return k;
  }
  return -1;
}
