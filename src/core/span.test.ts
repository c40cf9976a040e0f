import { describe, expect, it } from 'vitest';
import { codePointsToUtf16, trimSpan, utf16ToCodePoints, withText } from './span.js';

describe('utf16ToCodePoints', () => {
  it.each([
    // [text, utf16 offset, code-point offset]
    ['abc', 0, 0],
    ['abc', 3, 3],
    ['a😀b', 1, 1],
    ['a😀b', 3, 2], // after the emoji (two code units, one code point)
    ['a😀b', 4, 3],
    ['😀😀', 4, 2],
    ['é', 1, 1],
  ])('%j at %i → %i', (text, u, cp) => {
    expect(utf16ToCodePoints(text)(u)).toBe(cp);
  });

  it('round-trips with codePointsToUtf16 on every code-point boundary', () => {
    const text = 'Ahmed 😀 said “hi” 𝒳 done';
    const toCp = utf16ToCodePoints(text);
    const toU = codePointsToUtf16(text);
    for (let cp = 0; cp <= Array.from(text).length; cp++) expect(toCp(toU(cp))).toBe(cp);
  });
});

describe('trimSpan / withText', () => {
  it('drops surrounding white space, including no-break space', () => {
    const text = '  \u00a0hello \n';
    const s = trimSpan(text, { start: 0, end: text.length });
    expect(withText(text, s)).toEqual({ start: 3, end: 8, text: 'hello' });
  });
});
