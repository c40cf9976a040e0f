/**
 * The baseline of the ingest benchmark: Mozilla Readability alone on a linkedom DOM, built as
 * src/ingest/extract-html.ts builds it (a page without `<body>` gets one), with the same
 * options (`charThreshold` 500, the article element kept rather than serialised to HTML). No
 * decoding, block splitting, metadata, analysis or storage: what any Readability-based
 * extractor has to pay at least.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** Runs Readability on one page; returns the length of the article text found (0 for none). */
export function readabilityOnly(html: string): number {
  const { document } = parseHTML(withBody(html));
  try {
    const reader = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 500,
      serializer: (el) => el,
    });
    return reader.parse()?.textContent?.length ?? 0;
  } catch {
    // extract-html falls back to the page text here; the baseline counts the page as done.
    return 0;
  }
}

/** linkedom has no HTML5 tree builder to infer a `<body>`: add one after `</head>` (as extract-html does). */
function withBody(html: string): string {
  if (/<body[\s>]/i.test(html)) return html;
  const headEnd = /<\/head\s*>/i.exec(html);
  if (headEnd) {
    const at = headEnd.index + headEnd[0].length;
    return `${html.slice(0, at)}<body>${html.slice(at)}</body>`;
  }
  return `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}
