/**
 * Ingest: the only place that reads files. Bytes → decoded text (plain) or extracted article
 * (HTML) → `ArticleInput` for the pipeline. Content problems come back as diagnostics; inputs
 * that cannot be read throw `ClaimtraceError` with a code from `INPUT_ERROR_CODES`.
 */
export { decodeBytes, type DecodeOptions, type DecodedText } from './decode-bytes.js';
export { extractHtml, type BlockSource, type ExtractHtmlOptions, type ExtractedHtml } from './extract-html.js';
export { readArticle, type ReadArticleOptions, DEFAULT_MAX_BYTES } from './read-article.js';
export { listArticleFiles } from './list-article-files.js';
export { INPUT_ERROR_CODES, INPUT_DIAGNOSTIC_CODES, type InputErrorCode } from './input-error-codes.js';
export { normaliseDate } from './normalise-date.js';
