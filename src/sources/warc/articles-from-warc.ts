import type { ArticleInput } from '../../core/document.js';
import { isClaimtraceError } from '../../core/diagnostics.js';
import { decodeBytes } from '../../ingest/decode-bytes.js';
import { extractHtml } from '../../ingest/extract-html.js';
import { readWarc, type ReadWarcOptions, type WarcPage } from './read-warc.js';

/** One article read from a source (a WARC record, a feed item), or why it could not be. */
export type SourcedArticle =
  | { readonly id: string; readonly url: string | null; readonly input: ArticleInput }
  | { readonly id: string; readonly url: string | null; readonly error: { readonly code: string; readonly message: string } };

/**
 * The articles in a WARC file: every 2xx HTML response, decoded (`decodeBytes`, with the HTTP
 * charset, else the page's `<meta charset>`) and extracted (`extractHtml` with the target URI as
 * the page URL). Records that fail, and pages with no article, come as `error` items with their
 * code; other records are passed over. `id` is `<path>#<WARC-Record-ID>` (or `#offset=N` when a
 * record has none), stable across runs, so it can stand for the article's source path.
 */
export async function* articlesFromWarc(path: string, options: ReadWarcOptions = {}): AsyncGenerator<SourcedArticle, void, undefined> {
  for await (const record of readWarc(path, options)) {
    if (record.kind === 'skipped' || record.kind === 'other') continue;
    const header = record.header;
    const id = `${path}#${header?.recordId ?? `offset=${header?.offset ?? (record.kind === 'failure' ? record.offset : 0)}`}`;
    const url = header?.targetUri ?? null;
    if (record.kind === 'failure') {
      yield { id, url, error: { code: record.code, message: record.message } };
      continue;
    }
    try {
      yield { id, url, input: pageToArticle(record, id) };
    } catch (e) {
      if (!isClaimtraceError(e)) throw e;
      yield { id, url, error: { code: e.code, message: e.message } };
    }
  }
}

/** One WARC page as an `ArticleInput`; throws `ClaimtraceError` (E_EMPTY, E_BINARY, E_ENCODING, E_NO_ARTICLE). */
export function pageToArticle(page: WarcPage, name: string): ArticleInput {
  return htmlResponseToArticle({ url: page.header.targetUri, charset: page.charset, body: page.body }, name);
}

/**
 * An HTML response body (content encodings already undone) as an `ArticleInput`: from a WARC,
 * or fetched. Throws `ClaimtraceError` (E_EMPTY, E_BINARY, E_ENCODING, E_NO_ARTICLE).
 */
export function htmlResponseToArticle(response: { readonly url: string | null; readonly charset: string | null; readonly body: Uint8Array }, name: string): ArticleInput {
  const { url } = response;
  const page = response;
  // HTTP's charset wins over the page's own, as in browsers; decodeBytes uses either only when
  // the bytes are not valid UTF-8.
  const declaredCharset = page.charset ?? metaCharset(page.body);
  const decoded = decodeBytes(page.body, { name, declaredCharset });
  const extracted = extractHtml(decoded.text, { url, name });
  return {
    text: extracted.text,
    source: { path: name, format: 'html', encoding: decoded.encoding, bytes: page.body.length },
    meta: extracted.meta.url ? extracted.meta : { ...extracted.meta, url },
    blocks: extracted.blocks,
    links: extracted.links,
    diagnostics: [...decoded.diagnostics, ...extracted.diagnostics],
  };
}

/** The charset a page declares in its first 1,024 bytes (`<meta charset>` or `http-equiv`). */
function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
}
