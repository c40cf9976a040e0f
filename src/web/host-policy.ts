/**
 * Where `claimtrace serve` may listen. The corpus may hold unpublished work, so by default the
 * app listens on the loopback interface only; another address must be asked for by name with
 * `--host`, and even then the command warns that anyone who can reach it can read the corpus.
 */
import { isIP } from 'node:net';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8321;

/** `localhost`, 127.0.0.0/8 and ::1 (also as `[::1]` or IPv4-mapped). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^(0{0,4}:){2,}0*1$/.test(h) || /^::ffff:127\./.test(h);
  return false;
}

export type HostDecision =
  | { readonly kind: 'ok'; readonly host: string }
  | { readonly kind: 'warn'; readonly host: string; readonly warning: string }
  | { readonly kind: 'refuse'; readonly message: string };

/** Loopback: fine. Any other address: only when `--host` was given on the command line. */
export function decideHost(host: string, givenExplicitly: boolean): HostDecision {
  if (isLoopbackHost(host)) return { kind: 'ok', host };
  if (!givenExplicitly) {
    return { kind: 'refuse', message: `Expected a loopback address (127.0.0.1, ::1, localhost), not \`${host}\`; to listen on another address, pass it with --host.` };
  }
  const all = host === '0.0.0.0' || host === '::' ? ' (every interface)' : '';
  return {
    kind: 'warn',
    host,
    warning: `listening on ${host}${all}: anyone who can reach this address can read the whole corpus. There is no login; use a loopback address unless you mean it.`,
  };
}

/** A port from the command line: 0 (any free port) to 65535. */
export function parsePort(value: string): number | null {
  if (!/^[0-9]{1,5}$/.test(value)) return null;
  const n = Number(value);
  return n <= 65535 ? n : null;
}
