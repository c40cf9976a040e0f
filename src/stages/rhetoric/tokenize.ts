import type { Span } from '../../core/span.js';

export interface RhetoricToken extends Span {
  /** Lower-cased form. */
  readonly lower: string;
  /** The form as written. */
  readonly raw: string;
  /** Index of the sentence the token belongs to. */
  readonly sentence: number;
}

export interface RhetoricSentence extends Span {
  /** Index of the first token and one past the last. */
  readonly firstToken: number;
  readonly endToken: number;
}

// Words keep inner apostrophes, hyphens and dots (`don't`, `far-left`, `U.S`); anything else
// that is not white space is a one-character token.
/** The tokens are the matches of this expression (the scanner in {@link tokenize} finds them without it). */
export const TOKEN = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

// Character classes of the code points below 0x10000, filled on first sight: 1 letter or digit, 2 white space, 3 other.
const CLASS = new Uint8Array(0x10000);
function classOf(c: number): number {
  if (c > 0xffff) return /[\p{L}\p{N}]/u.test(String.fromCodePoint(c)) ? 1 : /\s/u.test(String.fromCodePoint(c)) ? 2 : 3;
  let k = CLASS[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = /[\p{L}\p{N}]/u.test(ch) ? 1 : /\s/u.test(ch) ? 2 : 3;
    CLASS[c] = k;
  }
  return k;
}
const isAlnum = (c: number): boolean => classOf(c) === 1;
const isSpace = (c: number): boolean => classOf(c) === 2;
const CLOSERS = new Set(['"', '”', '’', "'", '»', ')', ']']);
const ENDERS = new Set(['.', '!', '?', '…']);
// Every closer and ender is one code unit: a longer token is neither, without hashing it for the sets.
const isEnder = (raw: string): boolean => raw.length === 1 && ENDERS.has(raw);
const isCloser = (raw: string): boolean => raw.length === 1 && CLOSERS.has(raw);

/**
 * Tokens and sentences for the rhetoric models. A line break always ends a sentence (the PTC
 * articles the models were trained on have one sentence per line); inside a line, `.`, `!`, `?`
 * or `…` (and closing marks) end one when the next token starts with an upper-case letter,
 * a digit or an opening mark. Deliberately self-contained, so the trained weights do not
 * drift when the structure stage changes.
 */
export function tokenize(text: string): { tokens: RhetoricToken[]; sentences: RhetoricSentence[] } {
  const tokens: RhetoricToken[] = [];
  const sentences: RhetoricSentence[] = [];
  let sentence = 0;
  let sentenceFirst = 0;
  let lastEnd = 0;
  const close = (): void => {
    if (tokens.length > sentenceFirst) {
      sentences.push({ start: tokens[sentenceFirst]!.start, end: tokens[tokens.length - 1]!.end, firstToken: sentenceFirst, endToken: tokens.length });
      sentence++;
      sentenceFirst = tokens.length;
    }
  };
  let at = 0;
  while (at < text.length) {
    // the next match of TOKEN, found by hand (no match objects): white space is skipped, a run
    // of letters and digits joined by single ' ’ - . is one token, any other character another
    let c = text.codePointAt(at)!;
    if (isSpace(c)) {
      at += c > 0xffff ? 2 : 1;
      continue;
    }
    const start = at;
    at += c > 0xffff ? 2 : 1;
    if (isAlnum(c)) {
      for (;;) {
        while (at < text.length && isAlnum((c = text.codePointAt(at)!))) at += c > 0xffff ? 2 : 1;
        if (at + 1 >= text.length) break;
        const j = text.charCodeAt(at);
        if (j !== 39 && j !== 0x2019 && j !== 45 && j !== 46) break;
        const next = text.codePointAt(at + 1)!;
        if (!isAlnum(next)) break;
        at += 1 + (next > 0xffff ? 2 : 1);
      }
    }
    const raw = text.slice(start, at);
    if (tokens.length > sentenceFirst) {
      let newline = false;
      for (let k = lastEnd; k < start; k++) {
        if (text.charCodeAt(k) === 10) {
          newline = true;
          break;
        }
      }
      const prev = tokens[tokens.length - 1]!;
      if (newline) close();
      else if (start > lastEnd && (isEnder(prev.raw) || (isCloser(prev.raw) && tokens.length >= 2 && isEnder(tokens[tokens.length - 2]!.raw))) && /^[\p{Lu}\p{N}"“‘'«(\[]/u.test(raw)) close();
    }
    tokens.push({ start, end: start + raw.length, lower: raw.toLowerCase(), raw, sentence });
    lastEnd = start + raw.length;
  }
  close();
  return { tokens, sentences };
}
