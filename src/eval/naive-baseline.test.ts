import { describe, expect, it } from 'vitest';
import { naiveQuotes } from './naive-baseline.js';

const slice = (text: string, s: { start: number; end: number } | null | undefined) => (s ? text.slice(s.start, s.end) : null);

describe('naiveQuotes', () => {
  it.each([
    ['“We will win,” Smith said.', 'We will win,', 'Smith'],
    ['Sen. Ted Cruz said: "It is over."', 'It is over.', 'Sen. Ted Cruz'],
    ['"Nothing," he said.', 'Nothing,', null],
  ])('%s', (text, content, speaker) => {
    const [q] = naiveQuotes(text);
    const c = q?.content;
    expect(slice(text, Array.isArray(c) ? c[0] : null)).toBe(content);
    const m = q?.speaker?.mention;
    expect(slice(text, m && !Array.isArray(m) ? (m as { start: number; end: number }) : null)).toBe(speaker);
  });

  it('does not pair marks across paragraphs', () => {
    expect(naiveQuotes('He said "yes.\n\nThen "no" came.')).toHaveLength(1);
  });
});
