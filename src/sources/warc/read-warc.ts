import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ClaimtraceError, isClaimtraceError } from '../../core/diagnostics.js';
import { inputError } from '../../ingest/input-error-codes.js';
import { ByteReader } from '../byte-reader.js';
import { sourceError } from '../source-error-codes.js';
import { charsetOf, decodeHttpBody, headerValue, mediaTypeOf, parseHeaderLines, parseHttpHead, type HeaderField } from './decode-http.js';
import { gunzipMembers, isGzip, memberOffsetOf } from './gunzip-members.js';

export interface ReadWarcOptions {
  /** Largest response body kept, after decoding (default 20 MiB, as for single files). */
  readonly maxBytes?: number;
}

/** The WARC header of one record. Header fields are kept as written. */
export interface WarcRecordHeader {
  /** `WARC/1.0` or `WARC/1.1`. */
  readonly version: string;
  /** `response`, `request`, `warcinfo`, `metadata`, `resource`, `revisit`, … */
  readonly type: string;
  /** `<urn:uuid:…>` as written; null when missing. */
  readonly recordId: string | null;
  readonly date: string | null;
  readonly targetUri: string | null;
  readonly contentType: string | null;
  readonly contentLength: number;
  readonly headers: readonly HeaderField[];
  /** Byte offset of the record in the (decompressed) WARC data. */
  readonly offset: number;
  /**
   * Where the record can be read again on its own (`readWarc(createReadStream(path, {start}))`):
   * its byte in a plain file, or the start of its gzip member when the member begins with it
   * (one record per member, as Common Crawl writes). Null inside a whole-file gzip.
   */
  readonly fileOffset: number | null;
}

/** A `response` record with a 2xx HTML page, its body with transfer and content encodings undone. */
export interface WarcPage {
  readonly kind: 'page';
  readonly header: WarcRecordHeader;
  readonly status: number;
  readonly httpHeaders: readonly HeaderField[];
  readonly mediaType: string;
  /** From the HTTP Content-Type; null when it names none. */
  readonly charset: string | null;
  readonly body: Uint8Array;
}

/** A `response` record passed over: not HTTP, not 2xx, or not HTML. */
export interface WarcSkipped {
  readonly kind: 'skipped';
  readonly header: WarcRecordHeader;
  readonly reason: 'not-http' | 'not-2xx' | 'not-html';
  readonly status: number | null;
  readonly mediaType: string | null;
}

/** Any other record (`warcinfo`, `request`, `metadata` …); its block when small (≤ 64 KiB). */
export interface WarcOther {
  readonly kind: 'other';
  readonly header: WarcRecordHeader;
  readonly block: Uint8Array | null;
}

/** A record (or gzip member) that could not be read; reading goes on where it can. */
export interface WarcFailure {
  readonly kind: 'failure';
  readonly code: 'E_WARC_TRUNCATED' | 'E_WARC_CORRUPT' | 'E_WARC_ENCODING' | 'E_TOO_LARGE';
  readonly message: string;
  /** The record's header when it was read. */
  readonly header: WarcRecordHeader | null;
  /** Byte offset in the (decompressed) WARC data where reading failed or the record began. */
  readonly offset: number;
  /** The byte in the file: the record's in a plain WARC, the failed gzip member's in a `.warc.gz`. */
  readonly fileOffset: number | null;
}

export type WarcRecord = WarcPage | WarcSkipped | WarcOther | WarcFailure;

export const DEFAULT_WARC_MAX_BYTES = 20 * 1024 * 1024;
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_SMALL_BLOCK = 64 * 1024;
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
// A record starts a gzip member in Common Crawl files; in plain files it follows the blank lines of the one before.
const GZIP_RECORD_START = Buffer.from('WARC/1.');
const PLAIN_RECORD_START = Buffer.from('\r\n\r\nWARC/1.');

/**
 * Reads the records of a WARC file (`.warc` or `.warc.gz`, recognised by its bytes), one at a
 * time, holding at most one response body in memory. Pages are 2xx HTML responses, ready for
 * `decodeBytes` + `extractHtml`; broken records are `failure` items and reading goes on at the
 * next record, or ends after a truncation. Throws only when the file cannot be opened.
 */
export async function* readWarc(source: string | AsyncIterable<Uint8Array>, options: ReadWarcOptions = {}): AsyncGenerator<WarcRecord, void, undefined> {
  const maxBytes = options.maxBytes ?? DEFAULT_WARC_MAX_BYTES;
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) throw new RangeError(`Expected maxBytes to be a positive number of bytes, not \`${String(options.maxBytes)}\`.`);
  let chunks: AsyncIterable<Uint8Array>;
  if (typeof source === 'string') {
    await checkFile(source);
    chunks = createReadStream(source, { highWaterMark: 64 * 1024 });
  } else if (source && typeof (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    chunks = source;
  } else {
    throw new TypeError(`Expected a WARC path or an async iterable of bytes (a readable stream), not \`${source === null ? 'null' : typeof source}\`.`);
  }
  const raw = new ByteReader(chunks);
  await raw.fill(3);
  const gzipped = isGzip(raw.peek(3));
  if (!gzipped) {
    yield* readRecords(raw, maxBytes, PLAIN_RECORD_START, (offset) => offset, true);
    return;
  }
  // Member starts by offset in the decompressed data, dropped once records are past them.
  const members = new Map<number, number>();
  const reader = new ByteReader(faultsThrown(gunzipMembers(raw, (fileOffset, dataOffset) => members.set(dataOffset, fileOffset))));
  yield* readRecords(reader, maxBytes, GZIP_RECORD_START, (offset) => {
    const fileOffset = members.get(offset) ?? null;
    for (const key of members.keys()) if (key <= offset) members.delete(key);
    return fileOffset;
  }, false);
}

async function checkFile(path: string): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const missing = (e as { code?: string }).code === 'ENOENT';
    throw inputError(missing ? 'E_NOT_FOUND' : 'E_UNREADABLE', `\`${path}\` ${missing ? 'does not exist' : 'could not be read'}.`, e);
  }
  if (info.isDirectory()) throw inputError('E_IS_DIRECTORY', `\`${path}\` is a directory; give a .warc or .warc.gz file.`);
}

/** The decompressed chunks, with a member's failure thrown where it happened (the iterator stays usable). */
function faultsThrown(members: AsyncGenerator<Uint8Array | ClaimtraceError, void, undefined>): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]: () => ({
      async next(): Promise<IteratorResult<Uint8Array>> {
        const next = await members.next();
        if (next.done) return { done: true, value: undefined };
        if (next.value instanceof ClaimtraceError) throw next.value;
        return { done: false, value: next.value };
      },
    }),
  };
}

function isFault(e: unknown): e is ClaimtraceError & { code: 'E_WARC_TRUNCATED' | 'E_WARC_CORRUPT' } {
  return isClaimtraceError(e) && (e.code === 'E_WARC_TRUNCATED' || e.code === 'E_WARC_CORRUPT');
}

async function* readRecords(reader: ByteReader, maxBytes: number, recordStart: Buffer, fileOffsetOf: (offset: number) => number | null, plain: boolean): AsyncGenerator<WarcRecord, void, undefined> {
  const failure = (e: ClaimtraceError & { code: WarcFailure['code'] }, header: WarcRecordHeader | null, offset: number): WarcFailure =>
    ({ kind: 'failure', code: e.code, message: e.message, header, offset, fileOffset: memberOffsetOf(e) ?? header?.fileOffset ?? (plain ? offset : null) });
  for (;;) {
    const offset = reader.offset;
    let header: WarcRecordHeader | null = null;
    let item: WarcRecord;
    let afterFault: ClaimtraceError | null = null;
    try {
      header = await readHeader(reader, fileOffsetOf);
      if (!header) return;
      item = await readBlock(reader, header, maxBytes);
      let ended: boolean;
      try {
        ended = await readRecordEnd(reader);
      } catch (e) {
        // A failure of the next gzip member, met while looking past this complete record.
        if (!isFault(e)) throw e;
        afterFault = e;
        ended = true;
      }
      if (!ended) {
        throw sourceError('E_WARC_CORRUPT', `The record at byte ${offset} is not followed by the blank line that ends a record: its Content-Length (${header.contentLength}) is probably wrong; skipped to the next record.`);
      }
    } catch (e) {
      if (!isFault(e)) throw e;
      yield failure(e, header, offset);
      if (e.code === 'E_WARC_TRUNCATED' || !(yield* resynchronise(reader, recordStart, failure))) return;
      continue;
    }
    yield item;
    if (afterFault) {
      yield failure(afterFault as ClaimtraceError & { code: 'E_WARC_CORRUPT' }, null, reader.offset);
      if (afterFault.code === 'E_WARC_TRUNCATED' || !(yield* resynchronise(reader, recordStart, failure))) return;
    }
  }
}

/**
 * Skips to the next record start; false at the end of the input. A corrupt gzip member met on
 * the way belongs to the damage just reported (a record whose member then fails its CRC): one
 * damaged stretch, one failure. A truncated end is still reported.
 */
async function* resynchronise(
  reader: ByteReader,
  recordStart: Buffer,
  failure: (e: ClaimtraceError & { code: WarcFailure['code'] }, header: null, offset: number) => WarcFailure,
): AsyncGenerator<WarcFailure, boolean, undefined> {
  for (;;) {
    try {
      return await reader.skipTo(recordStart);
    } catch (e) {
      if (!isFault(e)) throw e;
      if (e.code === 'E_WARC_TRUNCATED') {
        yield failure(e, null, reader.offset);
        return false;
      }
    }
  }
}

async function readHeader(reader: ByteReader, fileOffsetOf: (offset: number) => number | null): Promise<WarcRecordHeader | null> {
  let offset = reader.offset;
  let line = await readHeaderLine(reader, offset, true);
  // Extra blank lines between records are common; skip them.
  while (line === '') {
    offset = reader.offset;
    line = await readHeaderLine(reader, offset, true);
  }
  if (line === null) return null;
  const fileOffset = fileOffsetOf(offset);
  const version = /^WARC\/\d+\.\d+$/.exec(line)?.[0];
  if (!version) {
    throw sourceError('E_WARC_CORRUPT', `Expected a WARC record at byte ${offset}, found \`${line.slice(0, 40)}\`; skipped to the next record.`);
  }
  const lines: string[] = [];
  let size = line.length;
  for (;;) {
    const next = await readHeaderLine(reader, offset, false);
    if (next === '' || next === null) break;
    size += next.length;
    if (size > MAX_HEADER_BYTES) throw sourceError('E_WARC_CORRUPT', `The WARC header at byte ${offset} is longer than ${MAX_HEADER_BYTES} bytes; skipped to the next record.`);
    lines.push(next);
  }
  const headers = parseHeaderLines(lines);
  const lengthText = headerValue(headers, 'content-length');
  if (lengthText === null || !/^\d+$/.test(lengthText)) {
    throw sourceError('E_WARC_CORRUPT', `The WARC record at byte ${offset} has ${lengthText === null ? 'no Content-Length' : `a bad Content-Length \`${lengthText}\``}; skipped to the next record.`);
  }
  return {
    version,
    type: headerValue(headers, 'warc-type') ?? 'unknown',
    recordId: headerValue(headers, 'warc-record-id'),
    date: headerValue(headers, 'warc-date'),
    // WARC/1.0 wrote the URI in angle brackets in its examples; some writers still do.
    targetUri: headerValue(headers, 'warc-target-uri')?.replace(/^<(.*)>$/, '$1') ?? null,
    contentType: headerValue(headers, 'content-type'),
    contentLength: Number(lengthText),
    headers,
    offset,
    fileOffset,
  };
}

async function readHeaderLine(reader: ByteReader, offset: number, first: boolean): Promise<string | null> {
  const line = await reader.readLine(MAX_HEADER_BYTES);
  if (line === false) {
    if (!(await reader.fill(reader.buffered + 1))) {
      throw sourceError('E_WARC_TRUNCATED', `The WARC record at byte ${offset} is cut off in its header: the file ends there.`);
    }
    throw sourceError('E_WARC_CORRUPT', `The WARC record at byte ${offset} has a header line longer than ${MAX_HEADER_BYTES} bytes; skipped to the next record.`);
  }
  if (line === null && !first) throw sourceError('E_WARC_TRUNCATED', `The WARC record at byte ${offset} is cut off in its header: the file ends there.`);
  return line;
}

async function readBlock(reader: ByteReader, header: WarcRecordHeader, maxBytes: number): Promise<WarcRecord> {
  const length = header.contentLength;
  const truncated = () => sourceError('E_WARC_TRUNCATED', `The ${header.type} record at byte ${header.offset}${header.targetUri ? ` (${header.targetUri})` : ''} is cut off: it declares ${length} bytes but the file ends first.`);
  const skipRest = async (n: number) => {
    if ((await reader.skip(n)) < n) throw truncated();
  };

  if (header.type !== 'response') {
    if (length > MAX_SMALL_BLOCK) {
      await skipRest(length);
      return { kind: 'other', header, block: null };
    }
    const block = await reader.read(length);
    if (!block) throw truncated();
    return { kind: 'other', header, block };
  }

  const headBytes = Math.min(length, MAX_HEADER_BYTES);
  await reader.fill(headBytes);
  const head = /^application\/http/i.test(header.contentType ?? 'application/http') ? parseHttpHead(reader.peek(headBytes)) : null;
  if (!head) {
    await skipRest(length);
    return { kind: 'skipped', header, reason: 'not-http', status: null, mediaType: mediaTypeOf(header.contentType) };
  }
  const contentType = headerValue(head.headers, 'content-type');
  let mediaType = mediaTypeOf(contentType);
  if (head.status < 200 || head.status > 299) {
    await skipRest(length);
    return { kind: 'skipped', header, reason: 'not-2xx', status: head.status, mediaType };
  }
  if (mediaType === null && looksLikeHtml(reader.peek(headBytes).subarray(head.length))) mediaType = 'text/html';
  if (mediaType === null || !HTML_TYPES.has(mediaType)) {
    await skipRest(length);
    return { kind: 'skipped', header, reason: 'not-html', status: head.status, mediaType };
  }
  const bodyLength = length - head.length;
  if (bodyLength > maxBytes) {
    await skipRest(length);
    return failureOf('E_TOO_LARGE', `The page ${header.targetUri ?? `at byte ${header.offset}`} is ${bodyLength} bytes, over the limit of ${maxBytes}; skipped.`);
  }
  reader.take(head.length);
  const body = await reader.read(bodyLength);
  if (!body) throw truncated();
  const decoded = decodeHttpBody(body, head.headers, maxBytes);
  if (!decoded.ok) return failureOf(decoded.code, `${header.targetUri ?? `The page at byte ${header.offset}`}: ${decoded.message}`);
  return { kind: 'page', header, status: head.status, httpHeaders: head.headers, mediaType, charset: charsetOf(contentType), body: decoded.bytes };

  function failureOf(code: WarcFailure['code'], message: string): WarcFailure {
    return { kind: 'failure', code, message, header, offset: header.offset, fileOffset: header.fileOffset };
  }
}

/** Takes the blank lines after a block (`\r\n\r\n`; bare `\n\n` or the end of the input are let pass). */
async function readRecordEnd(reader: ByteReader): Promise<boolean> {
  await reader.fill(4);
  const next = reader.peek(4).toString('latin1');
  if (next === '\r\n\r\n') reader.take(4);
  else if (next.startsWith('\n\n')) reader.take(2);
  else if (reader.buffered < 4 && '\r\n\r\n'.startsWith(next)) reader.take(next.length);
  else return false;
  return true;
}

/** Whether bytes start like an HTML page (a response without Content-Type is taken as HTML then). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const start = Buffer.from(bytes.subarray(0, 512)).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  return /^(<!--[\s\S]*?-->\s*)*<(!doctype html|html[\s>]|head[\s>]|body[\s>])/.test(start);
}
