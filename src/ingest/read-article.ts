import { readFileSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Diagnostic } from '../core/diagnostics.js';
import { emptyMeta, type ArticleInput } from '../core/document.js';
import { decodeBytes } from './decode-bytes.js';
import { isGzip } from './detect-binary.js';
import { inputError } from './input-error-codes.js';

const gunzipAsync = promisify(gunzip);

/** 20 MiB: far above any article, low enough that a wrong path (a video, a dump) fails fast. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ReadArticleOptions {
  /** Largest input accepted, in bytes, before and after gunzipping (default 20 MiB). */
  readonly maxBytes?: number;
  /** What `-` reads (default `process.stdin`). */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
  /** The page's URL, for resolving relative links in HTML. */
  readonly url?: string;
  /** Force a format instead of deciding by extension and content. */
  readonly format?: 'text' | 'html';
  /** For HTML, also trace each block to its element in the page (`ArticleInput.sourceMap`; about a tenth more time). */
  readonly sourceMap?: boolean;
}

/**
 * Reads one article: `-` is standard input; gzip is decompressed first (a `.gz` name, or the
 * gzip signature in the bytes); `.html`/`.htm` or content that sniffs as HTML goes through `extractHtml`; everything else is plain text, kept exactly as
 * decoded so offsets point into the file. Throws `ClaimtraceError` with an `INPUT_ERROR_CODES` code.
 */
export async function readArticle(path: string, options: ReadArticleOptions = {}): Promise<ArticleInput> {
  if (typeof path !== 'string' || path === '') throw new TypeError(`Expected a file path or \`-\`, not \`${String(path)}\`.`);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) throw new RangeError(`Expected maxBytes to be a positive number of bytes, not \`${String(options.maxBytes)}\`.`);
  const shown = path === '-' ? 'standard input' : `\`${path}\``;

  let raw = path === '-' ? await readStream(options.stdin ?? process.stdin, maxBytes, shown) : await readPath(path, maxBytes, shown);
  const bytes = raw.length;
  const innerName = path.replace(/\.gz$/i, '');
  // Named `.gz`, or gzip by its bytes whatever its name (`page.html` saved compressed, stdin).
  if (/\.gz$/i.test(path) || isGzip(raw)) raw = await gunzipWithLimit(raw, maxBytes, shown);

  const format = options.format ?? (isHtmlName(innerName) ? 'html' : /\.(txt|text|md)$/i.test(innerName) ? 'text' : sniffFormat(raw));
  const declaredCharset = format === 'html' ? sniffCharset(raw) : null;
  const decoded = decodeBytes(raw, { name: path, declaredCharset });
  const source = { path, format, encoding: decoded.encoding, bytes } as const;

  if (format === 'text') {
    return { text: decoded.text, source, meta: emptyMeta, diagnostics: decoded.diagnostics };
  }
  // Loaded on first use: plain-text runs never pay for the DOM and Readability.
  const { extractHtml } = await import('./extract-html.js');
  const page = extractHtml(decoded.text, { url: options.url ?? null, name: path, sourceMap: options.sourceMap === true });
  const diagnostics: Diagnostic[] = [...decoded.diagnostics, ...page.diagnostics];
  return { text: page.text, source, meta: page.meta, blocks: page.blocks, links: page.links, diagnostics, ...(page.sourceMap ? { sourceMap: page.sourceMap } : {}) };
}

function isHtmlName(name: string): boolean {
  return /\.(html?|xhtml)$/i.test(name);
}

/** HTML if, after white space and a BOM, it starts like a page (`<!doctype html`, `<html`, `<head`, `<body`, a comment before them). */
function sniffFormat(bytes: Uint8Array): 'text' | 'html' {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (/^(<!--[\s\S]*?-->\s*)*<(!doctype html|html[\s>]|head[\s>]|body[\s>]|meta[\s>])/.test(head)) return 'html';
  return 'text';
}

/** The charset a page declares in its first 1,024 bytes (`<meta charset>` or `http-equiv` content type). */
function sniffCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1] ?? null;
}

async function readPath(path: string, maxBytes: number, shown: string): Promise<Uint8Array> {
  // Synchronous calls: a local article is read in microseconds, while the promise API costs
  // about a tenth of a millisecond of the main thread per file in thread-pool round trips (most
  // of the CLI's reading time over a directory). Only a FIFO or device is read asynchronously.
  let info;
  try {
    info = statSync(path);
  } catch (e) {
    throw fsError(e, shown);
  }
  if (info.isDirectory()) throw inputError('E_IS_DIRECTORY', `${shown} is a directory; give a file, or let the command walk the directory for .txt and .html files.`);
  if (info.isFile() && info.size > maxBytes) throw tooLarge(shown, info.size, maxBytes);
  if (!info.isFile()) {
    // A FIFO or device (`<(curl …)`): stream it, stopping at the limit.
    const { createReadStream } = await import('node:fs');
    return readStream(createReadStream(path), maxBytes, shown);
  }
  try {
    return readFileSync(path);
  } catch (e) {
    throw fsError(e, shown);
  }
}

async function readStream(stream: AsyncIterable<Uint8Array | string>, maxBytes: number, shown: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      total += b.length;
      if (total > maxBytes) throw tooLarge(shown, total, maxBytes, true);
      chunks.push(b);
    }
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'E_TOO_LARGE') throw e;
    throw fsError(e, shown);
  }
  return Buffer.concat(chunks, total);
}

async function gunzipWithLimit(bytes: Uint8Array, maxBytes: number, shown: string): Promise<Uint8Array> {
  if (!isGzip(bytes)) throw inputError('E_GZIP', `${shown} is named .gz but is not gzip-compressed (it does not start with the gzip signature 1F 8B).`);
  try {
    return await gunzipAsync(bytes, { maxOutputLength: maxBytes });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || (e instanceof RangeError)) {
      throw inputError('E_TOO_LARGE', `${shown} decompresses to more than the ${formatBytes(maxBytes)} limit; raise the limit (--max-bytes) if this really is one article.`, e);
    }
    const why = code === 'Z_BUF_ERROR' ? 'it is truncated (the compressed data ends early)' : `the compressed data is corrupt (${e instanceof Error ? e.message : String(e)})`;
    throw inputError('E_GZIP', `${shown} could not be decompressed: ${why}.`, e);
  }
}

function tooLarge(shown: string, size: number, maxBytes: number, atLeast = false): Error {
  return inputError('E_TOO_LARGE', `${shown} is ${atLeast ? 'more than ' : ''}${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit; raise the limit (--max-bytes) if this really is one article.`);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KiB (${n} bytes)`;
  return `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MiB (${n} bytes)`;
}

function fsError(e: unknown, shown: string): Error {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return inputError('E_NOT_FOUND', `${shown} does not exist (check the path and the working directory).`, e);
  if (code === 'EISDIR') return inputError('E_IS_DIRECTORY', `${shown} is a directory; give a file.`, e);
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : e instanceof Error ? e.message : String(e);
  return inputError('E_UNREADABLE', `${shown} could not be read: ${why}.`, e);
}
