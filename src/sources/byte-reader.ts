/**
 * Pull-based reading over a stream of byte chunks, holding only what the caller asked for
 * (plus the rest of one chunk): the WARC reader frames records by length on top of it, so a
 * 10 GB file is read in bounded memory.
 */
export class ByteReader {
  readonly #chunks: AsyncIterator<Uint8Array>;
  #buffer: Buffer = Buffer.alloc(0);
  #done = false;
  /** Bytes handed out (taken or skipped) so far: the offset of the next byte. */
  offset = 0;

  constructor(chunks: AsyncIterable<Uint8Array>) {
    this.#chunks = chunks[Symbol.asyncIterator]();
  }

  /** Bytes buffered now (not yet taken). */
  get buffered(): number {
    return this.#buffer.length;
  }

  /** Buffers at least `n` bytes unless the input ends first; true when `n` bytes are there. */
  async fill(n: number): Promise<boolean> {
    while (this.#buffer.length < n) {
      if (!(await this.#pull())) return false;
    }
    return true;
  }

  /** The buffered bytes, without taking them (call `fill` first). */
  peek(n = this.#buffer.length): Buffer {
    return this.#buffer.subarray(0, n);
  }

  /** Takes up to `n` buffered bytes (call `fill` first for exactly `n`). */
  take(n: number): Buffer {
    const out = this.#buffer.subarray(0, n);
    this.#buffer = this.#buffer.subarray(out.length);
    this.offset += out.length;
    return out;
  }

  /** Takes the next piece of input, at most `max` bytes; null at the end of the input. */
  async takeChunk(max = Infinity): Promise<Buffer | null> {
    if (this.#buffer.length === 0 && !(await this.#pull())) return null;
    return this.take(Math.min(max, this.#buffer.length));
  }

  /** Gives back bytes just taken (the tail a decompressor did not use). */
  unshift(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.#buffer = this.#buffer.length === 0 ? Buffer.from(bytes) : Buffer.concat([bytes, this.#buffer]);
    this.offset -= bytes.length;
  }

  /** Reads `n` bytes exactly into one buffer; null (with what was there taken) if the input ends first. */
  async read(n: number): Promise<Buffer | null> {
    // Chunks are collected and joined once: growing one buffer would copy a 20 MB body hundreds of times.
    const parts: Buffer[] = [];
    let left = n;
    while (left > 0) {
      const chunk = await this.takeChunk(left);
      if (!chunk) return null;
      parts.push(chunk);
      left -= chunk.length;
    }
    return Buffer.concat(parts, n);
  }

  /** Skips `n` bytes without holding them; returns how many were skipped (fewer at the end). */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      const chunk = await this.takeChunk(left);
      if (!chunk) break;
      left -= chunk.length;
    }
    return n - left;
  }

  /**
   * Reads one line ending in LF (the LF and a CR before it removed). Null at the end of the
   * input; `false` when no LF comes within `max` bytes (nothing is taken then).
   */
  async readLine(max: number): Promise<string | null | false> {
    let from = 0;
    for (;;) {
      const at = this.#buffer.indexOf(0x0a, from);
      if (at >= 0) {
        if (at > max) return false;
        const line = this.take(at + 1);
        const end = line.length >= 2 && line[line.length - 2] === 0x0d ? line.length - 2 : line.length - 1;
        return line.toString('latin1', 0, end);
      }
      if (this.#buffer.length > max) return false;
      from = this.#buffer.length;
      if (!(await this.#pull())) {
        if (this.#buffer.length === 0) return null;
        return false;
      }
    }
  }

  /**
   * Discards input until `pattern` starts (it stays unread). True when found, false when the
   * input ended first (everything is then discarded).
   */
  async skipTo(pattern: Uint8Array): Promise<boolean> {
    for (;;) {
      const at = this.#buffer.indexOf(pattern);
      if (at >= 0) {
        this.take(at);
        return true;
      }
      // Keep a possible start of the pattern at the end of the buffer.
      this.take(Math.max(0, this.#buffer.length - (pattern.length - 1)));
      if (!(await this.#pull())) {
        this.take(this.#buffer.length);
        return false;
      }
    }
  }

  async #pull(): Promise<boolean> {
    if (this.#done) return false;
    const next = await this.#chunks.next();
    if (next.done) {
      this.#done = true;
      return false;
    }
    const chunk = next.value;
    if (chunk.length === 0) return true;
    this.#buffer = this.#buffer.length === 0 ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length) : Buffer.concat([this.#buffer, chunk]);
    return true;
  }
}
