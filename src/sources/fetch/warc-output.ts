import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open as openFile, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { ClaimtraceError } from '../../core/diagnostics.js';
import { VERSION } from '../../version.js';
import { sourceError } from '../source-error-codes.js';
import { readWarc } from '../warc/read-warc.js';
import { formatWarcRecord, httpRequestBlock, httpResponseBlock, warcFieldsBlock } from '../warc/write-warc.js';
import type { RawResponse } from './http-get.js';

/** Where a fetched response was written: `<warc>#offset=N` reads it again (`readArticleAt`). */
export interface WrittenResponse {
  readonly offset: number;
  readonly location: string;
  readonly recordId: string;
}

/** Names the URL first asked for on the final response of a redirect chain (resume looks it up). */
export const REQUESTED_URI_FIELD = 'Claimtrace-Requested-URI';

/**
 * A `.warc.gz` that fetched responses are appended to, each record its own gzip member (so each
 * can be read alone at its offset): a `warcinfo` record per run, then per response a `response`
 * record and its `request` record (`WARC-Concurrent-To`), with `WARC-Target-URI`, `WARC-Date`,
 * `WARC-IP-Address`, block and payload digests. Writes are serialised, so offsets are exact.
 * Appending keeps earlier runs' records (and the corpus locations pointing at them) valid.
 * One run appends at a time: `<warc>.lock` (created exclusively, naming the process) keeps a
 * second one out with `E_WARC_LOCKED`; a lock whose process is gone is taken over.
 */
export class WarcOutput {
  readonly path: string;
  #stream: WriteStream;
  #size: number;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(path: string, stream: WriteStream, size: number) {
    this.path = path;
    this.#stream = stream;
    this.#size = size;
  }

  /** Opens (creating its folder) or appends to `path`, writing a `warcinfo` record for this run. */
  static async open(path: string, info: Readonly<Record<string, string>> = {}): Promise<WarcOutput> {
    const absolute = resolve(path);
    try {
      await mkdir(dirname(absolute), { recursive: true });
    } catch (e) {
      throw writeError(absolute, e);
    }
    await takeLock(absolute);
    try {
      return await WarcOutput.#openLocked(absolute, info);
    } catch (e) {
      await rm(lockPath(absolute), { force: true });
      throw e;
    }
  }

  static async #openLocked(absolute: string, info: Readonly<Record<string, string>>): Promise<WarcOutput> {
    let size = 0;
    try {
      size = (await stat(absolute)).size;
    } catch {
      size = 0;
    }
    let stream: WriteStream;
    try {
      stream = createWriteStream(absolute, { flags: 'a' });
      await new Promise<void>((ok, fail) => {
        stream.once('open', () => ok());
        stream.once('error', fail);
      });
    } catch (e) {
      throw writeError(absolute, e);
    }
    // Later failures (a full disk) reject the write that met them.
    stream.on('error', () => undefined);
    const out = new WarcOutput(absolute, stream, size);
    await out.#write(
      formatWarcRecord(
        {
          type: 'warcinfo',
          contentType: 'application/warc-fields',
          block: warcFieldsBlock({ software: `claimtrace/${VERSION}`, format: 'WARC File Format 1.0', ...info }),
          headers: { 'WARC-Filename': absolute.split(/[\\/]/).pop()! },
        },
        { gzip: true },
      ).bytes,
    );
    return out;
  }

  /** Writes a response and the request that asked for it; resolves once both are written. */
  async writeExchange(request: { readonly url: string; readonly headers: readonly (readonly [string, string])[] }, response: RawResponse, requestedUrl?: string): Promise<WrittenResponse> {
    // The body is stored as sent (content encodings kept, readWarc undoes them); node has
    // already undone chunking, so that header would no longer be true.
    const headers = response.headers.filter((h) => h.name.toLowerCase() !== 'transfer-encoding').map((h) => [h.name, h.value] as const);
    const extra: Record<string, string> = {};
    if (response.ip) extra['WARC-IP-Address'] = response.ip;
    if (requestedUrl && requestedUrl !== response.url) extra[REQUESTED_URI_FIELD] = requestedUrl;
    const responseRecord = formatWarcRecord(
      { type: 'response', targetUri: response.url, date: response.date, block: httpResponseBlock({ status: response.status, reason: response.reason || 'OK', headers, body: response.body }), headers: extra },
      { gzip: true },
    );
    const requestRecord = formatWarcRecord(
      { type: 'request', targetUri: request.url, date: response.date, block: httpRequestBlock(request.url, request.headers), headers: { 'WARC-Concurrent-To': responseRecord.recordId } },
      { gzip: true },
    );
    const offset = await this.#write(responseRecord.bytes, requestRecord.bytes);
    return { offset, location: `${this.path}#offset=${offset}`, recordId: responseRecord.recordId };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#queue.catch(() => undefined);
    try {
      await new Promise<void>((ok, fail) => this.#stream.end((e?: Error | null) => (e ? fail(e) : ok())));
    } finally {
      await rm(lockPath(this.path), { force: true });
    }
  }

  /** Appends the records in order after every earlier write; resolves with the first one's offset. */
  #write(...records: Buffer[]): Promise<number> {
    if (this.#closed) return Promise.reject(new Error(`The WARC ${this.path} is closed.`));
    const run = this.#queue.then(async () => {
      const offset = this.#size;
      for (const bytes of records) {
        await new Promise<void>((ok, fail) => {
          this.#stream.write(bytes, (e) => (e ? fail(writeError(this.path, e)) : ok()));
        });
        this.#size += bytes.length;
      }
      return offset;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

const lockPath = (warc: string) => `${warc}.lock`;

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

/**
 * Takes `<warc>.lock`, created exclusively (`wx`), so that two runs never append to one WARC at
 * once. A lock left by a process of this machine that no longer runs (a killed run) is taken over.
 */
async function takeLock(warc: string): Promise<void> {
  const path = lockPath(warc);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await openFile(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify(me) + '\n');
      } finally {
        await handle.close();
      }
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError(warc, e);
    }
    const owner = await readOwner(path);
    if (owner && owner.host === me.host && !isRunning(owner.pid)) {
      await rm(path, { force: true });
      continue;
    }
    const who = owner ? `process ${owner.pid} on ${owner.host}, since ${owner.since}` : 'another process';
    throw sourceError('E_WARC_LOCKED', `Another claimtrace run (${who}) is appending to the WARC \`${warc}\`. Wait for it to end, or choose another place with --warc-out. If no run is going on, remove \`${path}\`.`);
  }
  throw sourceError('E_WARC_LOCKED', `Could not take the lock \`${path}\` of the WARC \`${warc}\`: another run took it first.`);
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host, since: String(owner.since ?? '?') } : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `E_WRITE`: the WARC cannot be opened or written (a missing or read-only folder, a full disk). */
function writeError(path: string, e: unknown): ClaimtraceError {
  const why = e instanceof Error ? e.message : String(e);
  return new ClaimtraceError('E_WRITE', `Could not write the WARC of fetched pages \`${path}\`: ${why}. Choose another place with --warc-out.`, { cause: e });
}

/**
 * The pages an existing WARC already holds, by the URL asked for (the target URI, and the
 * first URL of a redirect chain), so a rerun can take them from it instead of fetching again.
 * The last capture of a URL wins. A missing file holds none.
 */
export async function pagesInWarc(path: string, maxBytes?: number): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  try {
    await stat(path);
  } catch {
    return found;
  }
  const absolute = resolve(path);
  for await (const record of readWarc(absolute, maxBytes === undefined ? {} : { maxBytes })) {
    if (record.kind !== 'page' || record.header.fileOffset === null || !record.header.targetUri) continue;
    const location = `${absolute}#offset=${record.header.fileOffset}`;
    found.set(record.header.targetUri, location);
    const requested = record.header.headers.find((h) => h.name.toLowerCase() === REQUESTED_URI_FIELD.toLowerCase())?.value;
    if (requested) found.set(requested, location);
  }
  return found;
}
