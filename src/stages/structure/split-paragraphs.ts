import type { Block } from '../../core/document.js';
import type { Paragraph } from '../../core/layers.js';
import { trimSpan } from '../../core/span.js';

/**
 * Paragraphs of a plain text. Blank lines separate paragraphs; a text without any blank line
 * but with several lines (one paragraph a line, as PTC and many exports write) splits on lines.
 * Spans are trimmed of surrounding white space and empty paragraphs are dropped.
 */
export function splitParagraphs(text: string, blocks?: readonly Block[]): Paragraph[] {
  if (blocks && blocks.length > 0) {
    return blocks
      .map((b) => ({ ...trimSpan(text, b), kind: b.kind }))
      .filter((p) => p.end > p.start);
  }
  const out: Paragraph[] = [];
  const separator = /\n[ \t\r\f\v\u00a0]*\n\s*/g;
  const hasBlankLine = separator.test(text);
  separator.lastIndex = 0;
  const re = hasBlankLine ? separator : /\n/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, text.length);
  return out;

  function push(start: number, end: number): void {
    const s = trimSpan(text, { start, end });
    if (s.end > s.start) out.push({ ...s, kind: 'paragraph' });
  }
}
