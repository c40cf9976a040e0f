import { describe, expect, it } from 'vitest';
import { hedgeCases } from './cases.js';
import { findHedges } from './find-hedges.js';

describe('findHedges', () => {
  it.each(hedgeCases)('%s', (sentence, expected) => {
    expect(findHedges(sentence).map((h) => [h.kind, h.cue])).toEqual(expected);
  });

  it('gives spans into the text and honours the range', () => {
    const text = 'Troops left. The toll is unconfirmed.';
    const [h] = findHedges(text, 13, text.length);
    expect(h && text.slice(h.span.start, h.span.end)).toBe('unconfirmed');
    expect(findHedges(text, 0, 12)).toEqual([]);
  });

  it('prefers the longest cue', () => {
    expect(findHedges('It could not be  independently verified.').map((h) => h.cue)).toEqual(['could not be independently verified']);
  });
});
