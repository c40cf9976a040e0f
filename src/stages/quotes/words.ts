import type { Span } from '../../core/span.js';

/** A word or a punctuation sign of a window of the text. */
export interface Word extends Span {
  readonly text: string;
  readonly lower: string;
}

// Letters and digits joined by an inner apostrophe, hyphen, dot or ampersand (`don’t`, `U.S`,
// `AT&T`, `2-1`), or one other non-space character. No nested quantifier can backtrack: each
// repetition of the group must consume one joiner, which the letter class does not match.
const WORD = /[\p{L}\p{N}]+(?:[’'\-.&][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Words of `text` between `start` and `end` (a match running past `end` is cut). Linear. */
export function wordsIn(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  if (end <= start) return out;
  WORD.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null && m.index < end) {
    const e = Math.min(end, m.index + m[0].length);
    const t = text.slice(m.index, e);
    out.push({ start: m.index, end: e, text: t, lower: t.toLowerCase() });
    if (m.index + m[0].length >= end) break;
  }
  return out;
}

export function isCapitalised(w: Word): boolean {
  const c = w.text[0] ?? '';
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

export function isLetterWord(w: Word): boolean {
  return /^[\p{L}\p{N}]/u.test(w.text);
}

/** True when word `c` is inside a bracketed reference with a title in marks: `(Reyes, 'Witnesses describe …'`. */
export function inTitledReference(words: readonly Word[], c: number): boolean {
  let title = false;
  for (let j = c - 1; j >= 0 && c - j <= 40; j--) {
    const t = words[j]!.text;
    if (t === ')') return false;
    if (t === '(') return title;
    if (t === "'" || t === '‘' || t === '"' || t === '“') title = true;
  }
  return false;
}
