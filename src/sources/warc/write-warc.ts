import { createHash, randomUUID } from 'node:crypto';
import zlib from 'node:zlib';

export type WarcRecordType = 'warcinfo' | 'request' | 'response' | 'resource' | 'metadata';

export interface WarcRecordToWrite {
  readonly type: WarcRecordType;
  /** The record's block: for `request`/`response` the whole HTTP message (see `httpResponseBlock`). */
  readonly block: Uint8Array | string;
  readonly targetUri?: string;
  /** Default: now. Written to the second, as WARC/1.0 requires. */
  readonly date?: Date;
  /** Default: a new `<urn:uuid:…>`. */
  readonly recordId?: string;
  /** Default by type: `application/http;msgtype=…`, `application/warc-fields` for warcinfo. */
  readonly contentType?: string;
  /** More header fields, written after the standard ones (`WARC-Concurrent-To`, `WARC-Warcinfo-ID` …). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Default `WARC/1.0`, what Common Crawl and most readers expect. */
  readonly version?: 'WARC/1.0' | 'WARC/1.1';
}

/** Where records go: a file or any writable stream (`fs.createWriteStream`). */
export interface WarcSink {
  write(chunk: Uint8Array, callback?: (error?: Error | null) => void): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

export interface WriteWarcOptions {
  /** Write the record as its own gzip member (for `.warc.gz`), as Common Crawl does. */
  readonly gzip?: boolean;
}

const CRLF = '\r\n';

/**
 * Serialises one WARC record: header (WARC-Record-ID, WARC-Date, WARC-Type, Content-Length,
 * WARC-Block-Digest and, for HTTP records, WARC-Payload-Digest as `sha1:` base32), block and
 * the two CRLFs that end a record. With `gzip`, the bytes are one gzip member.
 */
export function formatWarcRecord(record: WarcRecordToWrite, options: WriteWarcOptions = {}): { readonly bytes: Buffer; readonly recordId: string } {
  if (!record || typeof record !== 'object') throw new TypeError(`Expected a WARC record object, not \`${String(record)}\`.`);
  if (!['warcinfo', 'request', 'response', 'resource', 'metadata'].includes(record.type)) {
    throw new TypeError(`Expected a WARC record type (warcinfo, request, response, resource, metadata), not \`${String(record.type)}\`.`);
  }
  if ((record.type === 'request' || record.type === 'response') && !record.targetUri) {
    throw new TypeError(`Expected a targetUri for a ${record.type} record.`);
  }
  const block = typeof record.block === 'string' ? Buffer.from(record.block, 'utf8') : Buffer.from(record.block);
  const recordId = record.recordId ?? `<urn:uuid:${randomUUID()}>`;
  const fields: [string, string][] = [
    ['WARC-Type', record.type],
    ['WARC-Record-ID', recordId],
    ['WARC-Date', warcDate(record.date ?? new Date())],
  ];
  if (record.targetUri) fields.push(['WARC-Target-URI', record.targetUri]);
  fields.push(['Content-Type', record.contentType ?? defaultContentType(record.type)]);
  fields.push(['WARC-Block-Digest', sha1Base32(block)]);
  if (record.type === 'request' || record.type === 'response') {
    const payload = httpPayload(block);
    if (payload) fields.push(['WARC-Payload-Digest', sha1Base32(payload)]);
  }
  for (const [name, value] of Object.entries(record.headers ?? {})) {
    if (/[\r\n]/.test(name + value)) throw new TypeError(`Expected a WARC header without line breaks, not \`${name}: ${value}\`.`);
    fields.push([name, value]);
  }
  fields.push(['Content-Length', String(block.length)]);
  const head = `${record.version ?? 'WARC/1.0'}${CRLF}${fields.map(([n, v]) => `${n}: ${v}${CRLF}`).join('')}${CRLF}`;
  const bytes = Buffer.concat([Buffer.from(head, 'utf8'), block, Buffer.from(CRLF + CRLF)]);
  return { bytes: options.gzip ? zlib.gzipSync(bytes) : bytes, recordId };
}

/** Writes one record to `sink`, waiting when the stream asks to; returns its WARC-Record-ID. */
export async function writeWarcRecord(sink: WarcSink, record: WarcRecordToWrite, options: WriteWarcOptions = {}): Promise<string> {
  const { bytes, recordId } = formatWarcRecord(record, options);
  // Done when the bytes are written and, if the stream's buffer is full, it has drained.
  await new Promise<void>((resolve, reject) => {
    let waiting = 2;
    const done = () => {
      if (--waiting === 0) resolve();
    };
    if (sink.write(bytes, (error) => (error ? reject(error) : done()))) done();
    else sink.once('drain', done);
  });
  return recordId;
}

/** An HTTP/1.1 response message as bytes, for a `response` record's block. */
export function httpResponseBlock(response: { readonly status: number; readonly reason?: string; readonly headers?: readonly (readonly [string, string])[]; readonly body: Uint8Array | string }): Buffer {
  const head = [`HTTP/1.1 ${response.status} ${response.reason ?? 'OK'}`, ...(response.headers ?? []).map(([n, v]) => `${n}: ${v}`)].join(CRLF);
  const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : Buffer.from(response.body);
  return Buffer.concat([Buffer.from(head + CRLF + CRLF, 'latin1'), body]);
}

/** An HTTP/1.1 GET request message as bytes, for a `request` record's block. */
export function httpRequestBlock(url: string, headers: readonly (readonly [string, string])[] = []): Buffer {
  const u = new URL(url);
  const lines = [`GET ${u.pathname}${u.search} HTTP/1.1`, `Host: ${u.host}`, ...headers.map(([n, v]) => `${n}: ${v}`)];
  return Buffer.from(lines.join(CRLF) + CRLF + CRLF, 'latin1');
}

/** A `warcinfo` block: `name: value` lines (`software`, `format`, `isPartOf` …). */
export function warcFieldsBlock(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields).map(([n, v]) => `${n}: ${v}${CRLF}`).join('');
}

/** `sha1:` and the digest in RFC 4648 base32, the form WARC digests use. */
export function sha1Base32(bytes: Uint8Array): string {
  return `sha1:${base32(createHash('sha1').update(bytes).digest())}`;
}

function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out.padEnd(Math.ceil(out.length / 8) * 8, '=');
}

/** `2025-09-04T10:00:00Z`: WARC/1.0 dates have no fraction of a second. */
function warcDate(date: Date): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new TypeError(`Expected a valid Date for the WARC-Date, not \`${String(date)}\`.`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function defaultContentType(type: WarcRecordType): string {
  if (type === 'warcinfo') return 'application/warc-fields';
  if (type === 'request' || type === 'response') return `application/http;msgtype=${type}`;
  return 'application/octet-stream';
}

/** The bytes after the HTTP head (the entity body as sent); null when the block has no head. */
function httpPayload(block: Buffer): Buffer | null {
  const end = block.indexOf('\r\n\r\n');
  return end < 0 ? null : block.subarray(end + 4);
}
