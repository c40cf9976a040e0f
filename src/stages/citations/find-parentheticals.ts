import type { Span } from '../../core/span.js';

/** A parenthesis pair: `span` includes the marks, `inner` is what is between them. */
export interface Parenthetical {
  readonly span: Span;
  readonly inner: Span;
}

// References are short; a longer run is prose in brackets, not a reference.
const MAX_INNER = 600;

/**
 * Innermost `( … )` pairs on one line, in text order. Each `(` looks ahead only until the next
 * `(`, `)` or line break (at most MAX_INNER characters), so 1 MB of `((((` costs one pass.
 */
export function findParentheticals(text: string): Parenthetical[] {
  const out: Parenthetical[] = [];
  let i = text.indexOf('(');
  while (i >= 0) {
    let j = i + 1;
    const limit = Math.min(text.length, i + 1 + MAX_INNER);
    let close = -1;
    for (; j < limit; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x29 /* ) */) {
        close = j;
        break;
      }
      if (c === 0x28 /* ( */ || c === 0x0a || c === 0x0d) break;
    }
    if (close > i + 1) out.push({ span: { start: i, end: close + 1 }, inner: { start: i + 1, end: close } });
    // Continue from the `(` that stopped us, or past the pair / the limit.
    i = text.indexOf('(', close >= 0 ? close + 1 : j);
  }
  return out;
}
