import { describe, expect, it } from 'vitest';
import { tokenize, TOKEN } from './tokenize.js';

describe('tokenize', () => {
  it('keeps inner apostrophes and hyphens, splits punctuation, and ends sentences at lines and stops', () => {
    const text = "They don't care about far-left radicals! Stop them.\nWhy? Because.";
    const { tokens, sentences } = tokenize(text);
    expect(tokens.map((t) => t.raw).slice(0, 7)).toEqual(['They', "don't", 'care', 'about', 'far-left', 'radicals', '!']);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(["They don't care about far-left radicals!", 'Stop them.', 'Why?', 'Because.']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.raw);
  });
  it('does not end a sentence before a lower-case word', () => {
    expect(tokenize('It costs 3.5 billion, i.e. a lot. and more').sentences).toHaveLength(1);
  });
  it('handles empty text', () => {
    expect(tokenize('')).toEqual({ tokens: [], sentences: [] });
  });
  it('finds exactly the matches of TOKEN (joiners, astral letters, lone surrogates, odd spaces)', () => {
    const text = "a'b ’x -y- U.S. don't x.- 😀😀 𝐀𝐁c \uD800 z\u00a0y\u2003w é́ 'quoted' — ‘hi’ 1,000.5 e.g.. end- x'";
    expect(tokenize(text).tokens.map((t) => `${t.start}:${t.raw}`)).toEqual([...text.matchAll(TOKEN)].map((m) => `${m.index}:${m[0]}`));
  });
});
