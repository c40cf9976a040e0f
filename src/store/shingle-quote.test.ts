import { describe, expect, it } from 'vitest';
import { quoteSegments, quoteShingles, quoteSimilarity, SAME_QUOTE_THRESHOLD } from './shingle-quote.js';

const ORIGINAL = 'We will not allow foreign troops to stay on our soil, whatever the cost, and we will say so at the United Nations.';

describe('quoteSegments', () => {
  it.each([
    ['“We won’t—ever—surrender.”', [['we', 'wont', 'ever', 'surrender']]],
    ['We will … never surrender', [['we', 'will'], ['never', 'surrender']]],
    ['We will... never [...] surrender', [['we', 'will'], ['never'], ['surrender']]],
    ['ÉLYSÉE said: « Non ! »', [['elysee', 'said', 'non']]],
  ])('%s', (input, expected) => expect(quoteSegments(input)).toEqual(expected));
});

describe('quoteShingles', () => {
  it('makes word 4-grams, never across an elision, and one shingle of a short quote', () => {
    expect(quoteShingles('one two three four five')).toEqual(['one two three four', 'two three four five']);
    expect(quoteShingles('one two three four … five six seven eight')).toEqual(['one two three four', 'five six seven eight']);
    expect(quoteShingles('No comment.')).toEqual(['no comment']);
    expect(quoteShingles('… !')).toEqual([]);
  });
});

describe('quoteSimilarity', () => {
  const same: [string, string][] = [
    ['other quotation marks and case', '"WE WILL NOT ALLOW foreign troops to stay on our soil, whatever the cost, and we will say so at the United Nations"'],
    ['a partial quote', 'foreign troops to stay on our soil'],
    ['an elision with …', 'We will not allow foreign troops … and we will say so at the United Nations.'],
    ['an elision with ...', 'we will not allow foreign troops to stay on our soil... we will say so at the United Nations'],
    ['one word changed', 'We will not allow foreign soldiers to stay on our soil, whatever the cost, and we will say so at the United Nations.'],
    ['dashes and accents', 'We will not allow foreign troops to stay on our soil — whatever the cost — and we will say so at the Uñited Nations'],
  ];
  it.each(same)('matches %s', (_why, variant) => expect(quoteSimilarity(ORIGINAL, variant)).toBeGreaterThanOrEqual(SAME_QUOTE_THRESHOLD));

  it.each([
    ['a quote sharing a stock phrase', 'We will say so at the United Nations next week when the council meets on the budget.'],
    ['another quote by the same words reordered', 'At the United Nations we say so: our soil, whatever the cost, will not allow troops.'],
  ])('keeps apart %s', (_why, other) => expect(quoteSimilarity(ORIGINAL, other)).toBeLessThan(SAME_QUOTE_THRESHOLD));
});
