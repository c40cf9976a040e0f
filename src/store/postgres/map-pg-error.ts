import { isClaimtraceError, type ClaimtraceError } from '../../core/diagnostics.js';
import { displayLocation } from '../display-location.js';
import { storeError } from '../store-errors.js';

/** A PostgreSQL location with any password replaced by `***`: what messages may show. */
export const redactLocation = displayLocation;

/** SQLSTATEs a write is retried on (after rolling back): serialization failure, deadlock. */
export function isRetryable(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}

/**
 * Turns a node-postgres error into a store error with a stable code, or null when it is not one
 * the user can act on (a bug: let it through). `code` is the SQLSTATE for server errors, or the
 * Node errno (`ECONNREFUSED` …) for connection failures. Messages never carry a password.
 */
export function mapPgError(e: unknown, location: string): ClaimtraceError | null {
  if (isClaimtraceError(e)) return e;
  const code = (e as { code?: unknown } | null)?.code;
  const where = redactLocation(location);
  const detail = e instanceof Error ? e.message : String(e);
  if (typeof code !== 'string') {
    // Connection-level failures without a code (TLS, a closed connection).
    if (e instanceof Error && /connection|terminat|timeout|ssl/i.test(detail)) {
      return storeError('E_STORE_OPEN', `${where}: the PostgreSQL server could not be reached or dropped the connection (${detail}).`, e);
    }
    return null;
  }
  if (/^E[A-Z]+$/.test(code)) {
    // ECONNREFUSED, ENOTFOUND, ETIMEDOUT, ECONNRESET, EHOSTUNREACH …
    return storeError('E_STORE_OPEN', `${where}: the PostgreSQL server could not be reached (${code}); is it running, and is the URL right?`, e);
  }
  if (code === '3D000') {
    return storeError('E_STORE_NOT_FOUND', `${where}: no such PostgreSQL database (create it first: createdb …).`, e);
  }
  if (code === '28P01' || code === '28000' || code.startsWith('08')) {
    return storeError('E_STORE_OPEN', `${where}: the PostgreSQL server refused the connection (${detail}); check the user, password (PGPASSWORD) and pg_hba.conf.`, e);
  }
  if (code === '25006' || code === '42501') {
    return storeError('E_STORE_READONLY', `${where}: the corpus database cannot be written (${detail}); nothing was written.`, e);
  }
  if (code === '53100' || code === '53400') {
    return storeError('E_STORE_FULL', `${where}: the PostgreSQL server is out of disk space (${detail}); the last write was rolled back, earlier articles are kept.`, e);
  }
  if (code === '40001' || code === '40P01' || code === '55P03' || code === '53300' || code === '57P03') {
    return storeError('E_STORE_BUSY', `${where}: the corpus database is busy (${detail}); try again.`, e);
  }
  if (code === 'XX001' || code === 'XX002') {
    return storeError('E_STORE_CORRUPT', `${where}: the PostgreSQL database reports damaged data (${detail}).`, e);
  }
  if (code === '58030' || code.startsWith('58')) {
    return storeError('E_STORE_IO', `${where}: I/O error on the PostgreSQL server (${detail}).`, e);
  }
  if (code.startsWith('57P')) {
    return storeError('E_STORE_OPEN', `${where}: the PostgreSQL server closed the connection (${detail}).`, e);
  }
  if (code.startsWith('23') || code.startsWith('22') || code === '54000') {
    return storeError('E_STORE_REJECTED', `${where}: the article was not stored (${detail}).`, e);
  }
  return null;
}
