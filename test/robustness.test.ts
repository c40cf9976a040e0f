/**
 * Hostile and degenerate texts: the analysis must stay linear, never throw, and every
 * output must satisfy the contract invariants.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText, checkInvariants } from '../src/index.js';

const MB = 1 << 20;

const cases: [string, string][] = [
  ['empty', ''],
  ['only white space', ' \n\n\t  \r\n'],
  ['1 MB of straight double quotes', '"'.repeat(MB)],
  ['1 MB of curly quotes', '“”'.repeat(MB / 2)],
  ['1 MB of single quotes', "'".repeat(MB)],
  ['1 MB of (', '('.repeat(MB)],
  ['1 MB of ( and words', '(ibid, citing '.repeat(MB / 14)],
  ['a 1 MB single line of prose', 'He said that the council "would act" (ibid) according to sources. '.repeat(MB / 68)],
  ['unbalanced marks', 'He said "this never ends. And she said ” this starts wrong. «Neither» does ‘this.'],
  ['astral characters', 'The minister 😀 said: “We 𝒳 will win 😀.” (Reuters, 4 June 2015)'],
  ['control characters', 'He said "\u0000\u001b[31mred\u001b[0m" loudly.'],
  ['lone surrogates', 'She said "\ud800 broken \udc00" today.'],
];

describe('robustness', () => {
  for (const [label, text] of cases) {
    it(`${label}: analyses without throwing, within bounds`, () => {
      const map = analyzeText(text, { path: `${label}.txt` });
      expect(map.text).toBe(text);
      expect(checkInvariants(map)).toEqual([]);
    });
  }
});
