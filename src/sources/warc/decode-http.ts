import zlib from 'node:zlib';

/** A header as written: the name in its original case, the value trimmed. */
export interface HeaderField {
  readonly name: string;
  readonly value: string;
}

export interface HttpHead {
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly HeaderField[];
  /** Bytes of the status line, the headers and the blank line after them. */
  readonly length: number;
}

export type DecodedBody = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly code: 'E_WARC_ENCODING' | 'E_TOO_LARGE'; readonly message: string };

/** The value of a header (names compare case-insensitively); repeated headers are joined with `, `. */
export function headerValue(headers: readonly HeaderField[], name: string): string | null {
  const lower = name.toLowerCase();
  const values = headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value);
  return values.length === 0 ? null : values.join(', ');
}

/**
 * Parses an HTTP/1.x response head at the start of `bytes` (CRLF or bare LF line ends, as some
 * crawlers write them). Null when there is no status line or the head does not end in `bytes`.
 */
export function parseHttpHead(bytes: Buffer): HttpHead | null {
  const crlf = bytes.indexOf('\r\n\r\n');
  const lf = bytes.indexOf('\n\n');
  const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf >= 0 ? lf + 2 : -1;
  if (end < 0) return null;
  const lines = bytes.toString('latin1', 0, end).split(/\r?\n/);
  const status = /^HTTP\/\d(?:\.\d)?\s+(\d{3})(?:\s+(.*))?$/.exec(lines[0] ?? '');
  if (!status) return null;
  return { status: Number(status[1]), reason: status[2]?.trim() ?? '', headers: parseHeaderLines(lines.slice(1)), length: end };
}

/** `Name: value` lines, with obsolete folded continuation lines joined to the one before. */
export function parseHeaderLines(lines: readonly string[]): HeaderField[] {
  const fields: { name: string; value: string }[] = [];
  for (const line of lines) {
    if (line === '') continue;
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}

/** The charset parameter of a Content-Type (`text/html; charset="windows-1252"` → `windows-1252`). */
export function charsetOf(contentType: string | null): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

/** The media type alone, lower case (`Text/HTML; charset=utf-8` → `text/html`). */
export function mediaTypeOf(contentType: string | null): string | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === '' ? null : type;
}

/**
 * Undoes the transfer and content encodings of a response body as the server sent it.
 * A body labelled `chunked` that does not parse as chunks is taken as already de-chunked
 * (crawlers such as wget store it so but keep the header); likewise a `gzip` label on bytes
 * that are not gzip. Unknown or damaged encodings and output over `maxBytes` are failures.
 */
export function decodeHttpBody(body: Buffer, headers: readonly HeaderField[], maxBytes: number): DecodedBody {
  let bytes = body;
  if (/\bchunked\b/i.test(headerValue(headers, 'transfer-encoding') ?? '')) bytes = dechunk(bytes) ?? bytes;
  const codings = (headerValue(headers, 'content-encoding') ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  // Applied in the order listed, so undone last first.
  for (const coding of codings.reverse()) {
    try {
      bytes = undo(coding, bytes, maxBytes);
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
        return { ok: false, code: 'E_TOO_LARGE', message: `The ${coding}-encoded body expands to more than ${maxBytes} bytes.` };
      }
      return { ok: false, code: 'E_WARC_ENCODING', message: `The body could not be decoded from Content-Encoding \`${coding}\`: ${e instanceof Error ? e.message : String(e)}.` };
    }
  }
  if (bytes.length > maxBytes) return { ok: false, code: 'E_TOO_LARGE', message: `The body is ${bytes.length} bytes, over the limit of ${maxBytes}.` };
  return { ok: true, bytes };
}

function undo(coding: string, bytes: Buffer, maxBytes: number): Buffer {
  const limit = { maxOutputLength: maxBytes + 1 };
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      // Not gzip at all: the crawler stored it decoded but kept the header.
      if (!(bytes[0] === 0x1f && bytes[1] === 0x8b)) return bytes;
      return checkSize(zlib.gunzipSync(bytes, limit), maxBytes);
    case 'deflate':
      // `deflate` should be zlib-wrapped; many servers send raw deflate instead.
      try {
        return checkSize(zlib.inflateSync(bytes, limit), maxBytes);
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw e;
        return checkSize(zlib.inflateRawSync(bytes, limit), maxBytes);
      }
    case 'br':
      return checkSize(zlib.brotliDecompressSync(bytes, limit), maxBytes);
    default:
      throw new Error(`unsupported encoding \`${coding}\``);
  }
}

function checkSize(bytes: Buffer, maxBytes: number): Buffer {
  if (bytes.length > maxBytes) throw new RangeError('too large');
  return bytes;
}

/** Joins the chunks of a `Transfer-Encoding: chunked` body; null when it is not chunked. */
export function dechunk(bytes: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = bytes.indexOf('\n', at);
    if (eol < 0) return null;
    const sizeLine = bytes.toString('latin1', at, eol).replace(/\r$/, '');
    const m = /^([0-9a-fA-F]+)\s*(?:;.*)?$/.exec(sizeLine);
    if (!m) return null;
    const size = parseInt(m[1]!, 16);
    at = eol + 1;
    if (size === 0) return Buffer.concat(parts);
    if (at + size > bytes.length) return null;
    parts.push(bytes.subarray(at, at + size));
    at += size;
    if (bytes[at] === 0x0d) at++;
    if (bytes[at] !== 0x0a) return null;
    at++;
  }
}
