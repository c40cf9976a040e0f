import { describe, expect, it } from 'vitest';
import { lowerForms, wordsIn } from './words.js';

describe('lowerForms', () => {
  const words = wordsIn('Who Asked NOT to be named', 0, 25);

  it('joins the lower-case forms of a window of words with single spaces', () => {
    expect(lowerForms(words, 1, 5)).toBe('asked not to be');
    expect(lowerForms(words, 0, 2)).toBe('who asked');
  });

  it('stops at the last word and gives an empty string for an empty window', () => {
    expect(lowerForms(words, 4, 10)).toBe('be named');
    expect(lowerForms(words, 6, 10)).toBe('');
    expect(lowerForms(words, 2, 2)).toBe('');
  });

  it('is what slicing, mapping and joining gave', () => {
    for (let k = 0; k <= words.length; k++) {
      expect(lowerForms(words, k, k + 4)).toBe(
        words
          .slice(k, k + 4)
          .map((w) => w.lower)
          .join(' '),
      );
    }
  });
});
