import { describe, expect, it } from 'vitest';
import { buildMentionTrie } from './mention-trie.js';

describe('buildMentionTrie', () => {
  const trie = buildMentionTrie<string>([
    ['Reuters', 'reuters'],
    ['The New York Times', 'nyt'],
    ['Fars News Agency', 'fars'],
  ]);
  const found = (text: string) => trie.find(text).map((m) => [text.slice(m.span.start, m.span.end), m.value]);

  it('finds names leftmost-longest, in text order', () => {
    expect(found('Reuters and the New York Times cited Fars news agency.')).toEqual([
      ['Reuters', 'reuters'],
      ['New York Times', 'nyt'],
      ['Fars news agency', 'fars'],
    ]);
  });

  it('gives the same answers for a long text (arrays of its own) and for short ones after it (shared arrays)', () => {
    const filler = 'word '.repeat(300_000); // 600,000 tokens and spaces: over what the shared arrays keep
    const long = `Reuters said. ${filler}Fars News Agency reported.`;
    const matches = trie.find(long);
    expect(matches.map((m) => m.value)).toEqual(['reuters', 'fars']);
    expect(long.slice(matches[1]!.span.start, matches[1]!.span.end)).toBe('Fars News Agency');
    expect(found('According to Reuters.')).toEqual([['Reuters', 'reuters']]);
    expect(found('Nothing here.')).toEqual([]);
    expect(found('')).toEqual([]);
  });
});
