import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../core/layers.js';
import { splitParagraphs } from '../structure/split-paragraphs.js';
import { pairQuoteMarks } from './pair-quote-marks.js';

function pair(text: string, paragraphs: Paragraph[] = splitParagraphs(text)) {
  const { spans, diagnostics } = pairQuoteMarks(text, paragraphs);
  return {
    quoted: spans.map((s) => `${s.depth}:${s.inner.map((i) => text.slice(i.start, i.end)).join('|')}${s.closed ? '' : ' (open)'}`),
    codes: diagnostics.map((d) => `${d.code}@${d.span?.start ?? '-'}`),
  };
}

describe('pairQuoteMarks', () => {
  const cases: [string, string[], string[]][] = [
    // [input, quoted spans as `depth:inner`, diagnostics as `code@offset`]
    ['"We lost," he said.', ['0:We lost,'], []],
    ['“We lost,” he said.', ['0:We lost,'], []],
    ["'We lost,' he said.", ['0:We lost,'], []],
    ['‘We lost,’ he said.', ['0:We lost,'], []],
    ['Il a dit : « Nous avons perdu. »', ['0:Nous avons perdu.'], []],
    ['Er sagte: „Wir haben verloren.“', ['0:Wir haben verloren.'], []],
    ['"He told me \'never again\'," she said.', ['0:He told me \'never again\',', '1:never again'], []],
    ['“He told me ‘never again,’ ” she said.', ['0:He told me ‘never again,’', '1:never again,'], []],
    // A closing mark used as an opener.
    ['He told the agency, ” The planes dropped bombs.”', ['0:The planes dropped bombs.'], []],
    // Apostrophes are not quotation marks.
    ["Mr. Jones' clubs were sold in the '90s, and he don't care.", [], []],
    ['Mr. Jones’ clubs were sold in the ’90s; it’s fine.', [], []],
    ["'Tis the season: rock 'n' roll.", [], []],
    // Unbalanced marks: a diagnostic, never a crash.
    ['He said "we lost.', ['0:we lost. (open)'], ['quote/unclosed-mark@8']],
    ['We lost" he said.', [], ['quote/unclosed-mark@7']],
    ['"', [], ['quote/unclosed-mark@0']],
    ['', [], []],
    // A quotation over paragraphs: an opening mark on each, a closing mark on the last.
    ['"First part.\n\n"Second part."', ['0:First part.|Second part.'], []],
    // A paragraph left open with no mark on the next: unclosed.
    ['"First part.\n\nNo mark here.', ['0:First part. (open)'], ['quote/unclosed-mark@0']],
  ];
  it.each(cases)('%j', (input, quoted, codes) => {
    expect(pair(input)).toEqual({ quoted, codes });
  });

  it('keeps spans in bounds and stays fast on 200 KB of marks', () => {
    for (const mark of ['"', "'", '“', '’', '«']) {
      const text = mark.repeat(200_000);
      const { spans, diagnostics } = pairQuoteMarks(text, splitParagraphs(text));
      const outOfBounds = spans.flatMap((s) => [...s.outer, ...s.inner]).filter((x) => x.start < 0 || x.end > text.length || x.start > x.end);
      expect(outOfBounds).toEqual([]);
      expect(diagnostics.length).toBeLessThanOrEqual(21);
    }
  });
});

describe('pairQuoteMarks: doubled apostrophes', () => {
  const cases: [string, string[]][] = [
    ["''We work hard,'' said Monika Bickert.", ['0:We work hard,']],
    ["''First part.\n\n''Second part.''", ['0:First part.|Second part.']],
    ["He said ''the 'new' plan'' works.", ["0:the 'new' plan", '1:new']],
  ];
  it.each(cases)('%j', (input, quoted) => {
    expect(pair(input).quoted).toEqual(quoted);
  });
});
