import http from 'node:http';
import https from 'node:https';
import { ClaimtraceError } from '../../core/diagnostics.js';
import { sourceError } from '../source-error-codes.js';
import type { HeaderField } from '../warc/decode-http.js';

/** One HTTP response as received: the body as sent (content encodings not undone). */
export interface RawResponse {
  readonly url: string;
  readonly status: number;
  readonly reason: string;
  /** As received, names in their case, in order (repeated headers kept apart). */
  readonly headers: readonly HeaderField[];
  readonly body: Buffer;
  /** The server's IP address, for `WARC-IP-Address`. */
  readonly ip: string | null;
  /** When the response head arrived. */
  readonly date: Date;
}

export interface HttpGetOptions {
  readonly headers: readonly (readonly [string, string])[];
  /** From the request's start to a connected socket (DNS and TCP/TLS). */
  readonly connectTimeoutMs: number;
  /** From the request's start to the body's last byte. */
  readonly timeoutMs: number;
  /** Largest body, as sent; a larger one is stopped with `E_FETCH_TOO_LARGE`. */
  readonly maxBytes: number;
  /** Looks at the status and headers before the body is read; throws to stop the download. */
  readonly checkHead?: (status: number, headers: readonly HeaderField[]) => void;
  readonly agents: { readonly http: http.Agent; readonly https: https.Agent };
  /** Aborting stops the request at once with `E_INTERRUPTED`. */
  readonly signal?: AbortSignal;
}

/** Network failures that are worth trying again (not a name that does not resolve). */
export function isTransient(e: unknown): boolean {
  return e instanceof ClaimtraceError && (e.code === 'E_FETCH_TIMEOUT' || (e.code === 'E_FETCH_NETWORK' && (e as ClaimtraceError & { transient?: boolean }).transient === true));
}

/**
 * One GET, no redirects followed, the body held in memory (≤ `maxBytes`). Throws
 * `ClaimtraceError`: `E_FETCH_NETWORK` (DNS, refused, reset), `E_FETCH_TLS`, `E_FETCH_TIMEOUT`,
 * `E_FETCH_TOO_LARGE`, or whatever `checkHead` throws.
 */
export function httpGet(url: URL, options: HttpGetOptions): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const request = (secure ? https : http).request(url, {
      method: 'GET',
      headers: Object.fromEntries(options.headers),
      agent: secure ? options.agents.https : options.agents.http,
    });
    let settled = false;
    const fail = (e: ClaimtraceError) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      clearTimeout(total);
      clearTimeout(connect);
      request.destroy();
      reject(e);
    };
    const onAbort = () => fail(new ClaimtraceError('E_INTERRUPTED', `Stopped while fetching ${url.href}.`));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const total = setTimeout(() => fail(sourceError('E_FETCH_TIMEOUT', `${url.href} did not answer in full within ${options.timeoutMs / 1000} s.`)), options.timeoutMs);
    let connect: NodeJS.Timeout | undefined;
    request.on('socket', (socket) => {
      // A kept-alive socket is connected already.
      if (!socket.connecting) return;
      connect = setTimeout(() => fail(sourceError('E_FETCH_TIMEOUT', `Could not connect to ${url.host} within ${options.connectTimeoutMs / 1000} s.`)), options.connectTimeoutMs);
      socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connect));
    });
    request.on('error', (e) => fail(networkError(url, e)));
    request.on('response', (response) => {
      clearTimeout(connect);
      const date = new Date();
      // Read now: a kept-alive socket goes back to the pool once the body has ended.
      const ip = response.socket?.remoteAddress ?? request.socket?.remoteAddress ?? null;
      const headers: HeaderField[] = [];
      for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) headers.push({ name: response.rawHeaders[i]!, value: response.rawHeaders[i + 1]! });
      const status = response.statusCode ?? 0;
      try {
        options.checkHead?.(status, headers);
      } catch (e) {
        response.resume();
        fail(e instanceof ClaimtraceError ? e : sourceError('E_FETCH_NETWORK', String(e)));
        return;
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        response.resume();
        fail(sourceError('E_FETCH_TOO_LARGE', `${url.href} is ${declared} bytes (Content-Length), over the limit of ${options.maxBytes}; not downloaded.`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          fail(sourceError('E_FETCH_TOO_LARGE', `${url.href} sent more than ${options.maxBytes} bytes, the size limit; download stopped.`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', (e) => fail(networkError(url, e)));
      response.on('aborted', () => fail(networkError(url, Object.assign(new Error('the connection closed before the body ended'), { code: 'ECONNRESET' }))));
      response.on('end', () => {
        if (settled) return;
        if (!response.complete) {
          fail(networkError(url, Object.assign(new Error('the connection closed before the body ended'), { code: 'ECONNRESET' })));
          return;
        }
        settled = true;
        options.signal?.removeEventListener('abort', onAbort);
        clearTimeout(total);
        resolve({ url: url.href, status, reason: response.statusMessage ?? '', headers, body: Buffer.concat(chunks, size), ip, date });
      });
    });
    request.end();
  });
}

/** OpenSSL's and node's codes for a certificate that does not verify. */
const TLS_FAILURE = /^(?:ERR_TLS_CERT|CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|HOSTNAME_MISMATCH)/;

function networkError(url: URL, e: unknown): ClaimtraceError {
  if (e instanceof ClaimtraceError) return e;
  const code = (e as { code?: string }).code ?? '';
  const why =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME'
      ? `the host name ${url.hostname} does not resolve (DNS ${code})`
      : code === 'ECONNREFUSED'
        ? `${url.host} refused the connection`
        : code === 'ECONNRESET' || code === 'EPIPE'
          ? `the connection to ${url.host} was broken (${code})`
          : `${e instanceof Error ? e.message : String(e)}${code ? ` (${code})` : ''}`;
  if (TLS_FAILURE.test(code)) {
    const tls = sourceError('E_FETCH_TLS', `Could not fetch ${url.href}: the certificate of ${url.host} did not verify (${code}). If it comes from a private authority, name that authority's certificate in NODE_EXTRA_CA_CERTS.`, e);
    return Object.assign(tls, { transient: false });
  }
  const error = sourceError('E_FETCH_NETWORK', `Could not fetch ${url.href}: ${why}.`, e);
  // A name that does not resolve will not resolve a second later; a refused or broken connection may.
  // Nor will a certificate that does not verify.
  const permanent = code === 'ENOTFOUND' || code === 'EAI_NONAME' || /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_)/.test(code);
  return Object.assign(error, { transient: !permanent });
}
