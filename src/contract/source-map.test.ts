import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import { readArticle } from '../ingest/read-article.js';
import { checkInvariants } from './check-invariants.js';

const PAGE = new URL('../../test/fixtures/ministry-statement/input.html', import.meta.url).pathname;
const analyzer = createAnalyzer({ rhetoric: false });

describe('sourceMap (HTML read with a source map)', () => {
  it('traces every paragraph to the element it came from in the page', async () => {
    const html = readFileSync(PAGE, 'utf8');
    const map = analyzer.analyze(await readArticle(PAGE, { sourceMap: true }));
    expect(checkInvariants(map)).toEqual([]);
    expect(map.sourceMap).toHaveLength(map.paragraphs.length);
    for (const entry of map.sourceMap!) {
      const paragraph = map.paragraphs.find((p) => p.id === entry.paragraphId)!;
      const element = html.slice(entry.htmlStart!, entry.htmlEnd!);
      expect(element.startsWith('<')).toBe(true);
      // The element's text, tags and entities aside, begins with the paragraph's first words.
      const words = paragraph.span.text.split(/\s+/).slice(0, 3).join(' ').replace(/["“”]/g, '');
      expect(element.replace(/<[^>]*>/g, '').replace(/&quot;|["“”]/g, '').replace(/\s+/g, ' ')).toContain(words);
    }
  });

  it('is left out unless asked for, and for plain text', async () => {
    expect(analyzer.analyze(await readArticle(PAGE)).sourceMap).toBeUndefined();
    const text = new URL('../../examples/darvan-opinion.txt', import.meta.url).pathname;
    expect(analyzer.analyze(await readArticle(text, { sourceMap: true })).sourceMap).toBeUndefined();
  });
});
