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
  // The matches of WORD, found by hand (no match objects); the expression itself where the text
  // has a surrogate pair (astral letters, emoji), which the scanner leaves to it.
  const n = text.length;
  const stop = end < n ? end : n;
  let at = start > 0 ? start : 0;
  while (at < stop) {
    let c = text.charCodeAt(at);
    if (c >= 0xd800 && c <= 0xdfff) return wordsInByExpression(text, start, end);
    const k = classOf(c);
    if (k === SPACE) {
      at++;
      continue;
    }
    const s = at++;
    if (k === ALNUM) {
      for (;;) {
        while (at < n) {
          c = text.charCodeAt(at);
          if (c >= 0xd800 && c <= 0xdfff) return wordsInByExpression(text, start, end);
          if (classOf(c) !== ALNUM) break;
          at++;
        }
        if (at + 1 >= n) break;
        const j = text.charCodeAt(at);
        if (j !== 0x2019 && j !== 39 && j !== 45 && j !== 46 && j !== 38) break; // ’ ' - . &
        const next = text.charCodeAt(at + 1);
        if (next >= 0xd800 && next <= 0xdfff) return wordsInByExpression(text, start, end);
        if (classOf(next) !== ALNUM) break;
        at += 2;
      }
    }
    const e = at < end ? at : end;
    const t = text.slice(s, e);
    out.push({ start: s, end: e, text: t, lower: t.toLowerCase() });
  }
  return out;
}

/** {@link wordsIn} by the expression {@link WORD}. */
export function wordsInByExpression(text: string, start: number, end: number): Word[] {
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

// Classes of the code units outside the surrogates, filled on first sight.
const ALNUM = 1;
const SPACE = 2;
const OTHER = 3;
const CLASS = new Uint8Array(0x10000);
function classOf(c: number): number {
  let k = CLASS[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = /[\p{L}\p{N}]/u.test(ch) ? ALNUM : /\s/u.test(ch) ? SPACE : OTHER;
    CLASS[c] = k;
  }
  return k;
}

/** Whether UTF-16 code unit `c` is a letter or a digit on its own (`/[\p{L}\p{N}]/u` on it; a lone surrogate is not). */
export function isWordUnit(c: number): boolean {
  return classOf(c) === ALNUM;
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

/** The lower-case forms of `words[from, to)` joined by single spaces; no arrays allocated. */
export function lowerForms(words: readonly Word[], from: number, to: number): string {
  const end = Math.min(to, words.length);
  let s = '';
  for (let j = from; j < end; j++) s = j === from ? words[j]!.lower : s + ' ' + words[j]!.lower;
  return s;
}
