import zlib from 'node:zlib';
import { ClaimtraceError } from '../../core/diagnostics.js';
import type { ByteReader } from '../byte-reader.js';
import { sourceError } from '../source-error-codes.js';

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);
/** Compressed bytes fed to zlib at a time: bounds the output held per step (about 1,000× at worst). */
const STEP = 16 * 1024;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;
const FHCRC = 2;

/**
 * Decompresses a sequence of gzip members (Common Crawl writes one WARC record per member)
 * member by member, so a corrupt member is reported and reading goes on at the next one:
 * `node:zlib`'s own gunzip stops at the first bad byte and loses the rest of the file.
 *
 * Yields decompressed chunks, and a `ClaimtraceError` (E_WARC_CORRUPT, E_WARC_TRUNCATED) in the
 * stream where a member failed; after a truncation nothing more follows.
 */
export async function* gunzipMembers(
  reader: ByteReader,
  /** Told where each member starts: its byte in the file, and in the decompressed data. */
  onMember?: (fileOffset: number, dataOffset: number) => void,
): AsyncGenerator<Uint8Array | ClaimtraceError, void, undefined> {
  // After a corrupt member, candidates found by searching for the next header may be false
  // matches (a stored gzip body inside the damaged member): one damaged stretch, one failure.
  let searching = false;
  let dataOffset = 0;
  for (;;) {
    if (!(await reader.fill(1))) return;
    const start = reader.offset;
    onMember?.(start, dataOffset);
    const header = await readGzipHeader(reader, start);
    let outcome: 'ok' | 'corrupt' | 'truncated';
    if (header) {
      if (!searching) yield atMember(header, start);
      outcome = header.code === 'E_WARC_TRUNCATED' ? 'truncated' : 'corrupt';
    } else {
      const member = inflateMember(reader, start);
      for (;;) {
        const next = await member.next();
        if (next.done) {
          outcome = next.value;
          break;
        }
        if (!(next.value instanceof ClaimtraceError)) dataOffset += next.value.length;
        if (!(searching && next.value instanceof ClaimtraceError)) yield next.value instanceof ClaimtraceError ? atMember(next.value, start) : next.value;
      }
    }
    if (outcome === 'truncated') return;
    searching = outcome === 'corrupt';
    // Resynchronise on the next member header. A false match inside compressed data fails as
    // another corrupt member and the search goes on past it.
    if (outcome === 'corrupt' && !(await reader.skipTo(GZIP_MAGIC))) return;
  }
}

/** Marks a member's failure with the member's byte in the file, for the failure item. */
function atMember(error: ClaimtraceError, fileOffset: number): ClaimtraceError {
  return Object.assign(error, { fileOffset });
}

/** The byte in the file of the gzip member a failure is about, when it is about one. */
export function memberOffsetOf(error: unknown): number | null {
  const offset = (error as { fileOffset?: unknown } | null)?.fileOffset;
  return typeof offset === 'number' ? offset : null;
}

/** True when the bytes start like a gzip member. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/** Reads a gzip member header (RFC 1952); returns the failure, or null when it is well formed. */
async function readGzipHeader(reader: ByteReader, start: number): Promise<ClaimtraceError | null> {
  const truncated = () => sourceError('E_WARC_TRUNCATED', `The gzip member at byte ${start} is cut off in its header: the file ends there.`);
  if (!(await reader.fill(10))) {
    reader.take(reader.buffered);
    return truncated();
  }
  const head = reader.peek(10);
  if (!isGzip(head)) {
    reader.take(1);
    return sourceError('E_WARC_CORRUPT', `Expected a gzip member at byte ${start}, found bytes ${head.subarray(0, 4).toString('hex')}; skipped to the next gzip member.`);
  }
  const flags = head[3]!;
  reader.take(10);
  if (flags & FEXTRA) {
    if (!(await reader.fill(2))) return truncated();
    const length = reader.take(2).readUInt16LE(0);
    if ((await reader.skip(length)) < length) return truncated();
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    for (;;) {
      const chunk = await reader.takeChunk();
      if (!chunk) return truncated();
      const zero = chunk.indexOf(0);
      if (zero >= 0) {
        reader.unshift(chunk.subarray(zero + 1));
        break;
      }
    }
  }
  if (flags & FHCRC && (await reader.skip(2)) < 2) return truncated();
  return null;
}

/** Inflates one member's deflate data and checks its trailer (CRC-32 and length). */
async function* inflateMember(reader: ByteReader, start: number): AsyncGenerator<Uint8Array | ClaimtraceError, 'ok' | 'corrupt' | 'truncated', undefined> {
  const inflate = zlib.createInflateRaw();
  let output: Buffer[] = [];
  let failure: Error | null = null;
  inflate.on('data', (chunk: Buffer) => output.push(chunk));
  inflate.on('error', (e: Error) => {
    failure = e;
  });
  let crc = 0;
  let size = 0;
  let fed = 0;
  try {
    for (;;) {
      const chunk = await reader.takeChunk(STEP);
      if (!chunk) {
        yield* drain();
        yield sourceError('E_WARC_TRUNCATED', `The gzip member at byte ${start} is cut off: the file ends inside its compressed data.`);
        return 'truncated';
      }
      fed += chunk.length;
      await new Promise<void>((resolve) => {
        const onError = () => resolve();
        inflate.once('error', onError);
        inflate.write(chunk, () => {
          inflate.off('error', onError);
          resolve();
        });
      });
      if (failure) {
        // Give the failed step's bytes back: the next member may start inside them.
        reader.unshift(chunk);
        yield* drain();
        yield sourceError('E_WARC_CORRUPT', `The gzip member at byte ${start} is corrupt (${(failure as Error).message}); skipped to the next gzip member.`);
        return 'corrupt';
      }
      yield* drain();
      // zlib stops consuming at the end of the deflate data: fewer bytes used than fed means the
      // member's data is complete and the rest is its trailer and the next member.
      const unused = fed - inflate.bytesWritten;
      if (unused > 0) {
        reader.unshift(chunk.subarray(chunk.length - unused));
        break;
      }
    }
  } finally {
    inflate.destroy();
  }
  if (!(await reader.fill(8))) {
    reader.take(reader.buffered);
    yield sourceError('E_WARC_TRUNCATED', `The gzip member at byte ${start} is cut off: the file ends inside its trailer.`);
    return 'truncated';
  }
  const trailer = reader.take(8);
  const expectedCrc = trailer.readUInt32LE(0);
  const expectedSize = trailer.readUInt32LE(4);
  if (expectedSize !== size % 2 ** 32 || (typeof zlib.crc32 === 'function' && expectedCrc !== crc)) {
    yield sourceError('E_WARC_CORRUPT', `The gzip member at byte ${start} fails its check (CRC-32 or length mismatch): its data is damaged.`);
    return 'corrupt';
  }
  return 'ok';

  function* drain(): Generator<Uint8Array> {
    const chunks = output;
    output = [];
    for (const c of chunks) {
      if (typeof zlib.crc32 === 'function') crc = zlib.crc32(c, crc);
      size += c.length;
      yield c;
    }
  }
}
