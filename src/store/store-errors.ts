import { ClaimtraceError } from '../core/diagnostics.js';

/**
 * Every error code the corpus store can throw, with its one-line meaning. Stable: add, never
 * rename. A failed write rolls back its whole transaction, so what was stored before stays.
 */
export const STORE_ERROR_CODES = Object.freeze({
  E_STORE_NOT_FOUND: 'The corpus database does not exist (run `claimtrace ingest` first).',
  E_STORE_OPEN: 'The corpus database could not be opened (missing directory, permissions).',
  E_STORE_READONLY: 'The corpus database is read-only: nothing can be written to it.',
  E_STORE_FULL: 'The disk (or the configured size limit) is full: the last article was not stored.',
  E_STORE_CORRUPT: 'The file is not a claimtrace database, or the database is damaged.',
  E_STORE_BUSY: 'Another process holds a lock on the corpus database.',
  E_STORE_VERSION: 'The database was written by a newer claimtrace (schema version too high).',
  E_STORE_IO: 'The operating system reported an I/O error while reading or writing the database.',
  E_STORE_REJECTED: 'One article could not be stored (its provenance map breaks a rule of the store, e.g. two quotes with one id); nothing of it was written.',
} as const);

export type StoreErrorCode = keyof typeof STORE_ERROR_CODES;

export function storeError(code: StoreErrorCode, message: string, cause?: unknown): ClaimtraceError {
  return new ClaimtraceError(code, message, cause === undefined ? undefined : { cause });
}
