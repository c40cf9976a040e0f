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
const TOKEN = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const CLOSERS = new Set(['"', '”', '’', "'", '»', ')', ']']);
const ENDERS = new Set(['.', '!', '?', '…']);

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
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const raw = m[0];
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
      else if (start > lastEnd && (ENDERS.has(prev.raw) || (CLOSERS.has(prev.raw) && tokens.length >= 2 && ENDERS.has(tokens[tokens.length - 2]!.raw))) && /^[\p{Lu}\p{N}"“‘'«(\[]/u.test(raw)) close();
    }
    tokens.push({ start, end: start + raw.length, lower: raw.toLowerCase(), raw, sentence });
    lastEnd = start + raw.length;
  }
  close();
  return { tokens, sentences };
}
