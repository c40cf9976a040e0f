import { isClaimtraceError, type ClaimtraceError } from '../../core/diagnostics.js';
import { storeError } from '../store-errors.js';

/**
 * Turns a driver error into a store error with a stable code, or returns null when the error
 * is not one the user can act on (a bug: let it through). `SQLITE_*` codes are better-sqlite3's
 * extended result codes (`SQLITE_READONLY_DBMOVED`, `SQLITE_IOERR_WRITE` …).
 */
export function mapSqliteError(e: unknown, path: string): ClaimtraceError | null {
  if (isClaimtraceError(e)) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const detail = e instanceof Error ? e.message : String(e);
  if (code.startsWith('SQLITE_READONLY')) {
    return storeError('E_STORE_READONLY', `${path}: the corpus database is read-only (${detail}); nothing was written.`, e);
  }
  if (code === 'SQLITE_FULL' || (code === 'SQLITE_IOERR_WRITE' && /space/i.test(detail))) {
    return storeError('E_STORE_FULL', `${path}: the disk or the database size limit is full (${detail}); the last write was rolled back, earlier articles are kept.`, e);
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return storeError('E_STORE_CORRUPT', `${path}: not a claimtrace database, or it is damaged (${detail}).`, e);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return storeError('E_STORE_BUSY', `${path}: another process is writing to the corpus database; try again when it is done.`, e);
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return storeError('E_STORE_OPEN', `${path}: the corpus database could not be opened (${detail}).`, e);
  }
  if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_TOOBIG' || code === 'SQLITE_MISMATCH') {
    return storeError('E_STORE_REJECTED', `${path}: the article was not stored (${detail}).`, e);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return storeError('E_STORE_IO', `${path}: I/O error on the corpus database (${detail}).`, e);
  }
  return null;
}
