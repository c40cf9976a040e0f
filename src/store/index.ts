/**
 * The corpus store: the only part of claimtrace that talks to a database. Analysis and ingest
 * code sees `CorpusStore` only; `openCorpusStore` picks the backend from the location.
 */
import type { OpenPostgresStoreOptions } from './postgres/open-postgres-store.js';
import { openSqliteStore, type OpenSqliteStoreOptions } from './sqlite/open-sqlite-store.js';
import type { CorpusStore } from './types.js';

export type * from './types.js';
export { STORE_ERROR_CODES, type StoreErrorCode } from './store-errors.js';
export { contentHash } from './content-hash.js';
export { canonicalUrl } from './canonical-url.js';
export { speakerKey, normaliseQuoteContent } from './normalise-text.js';
export { openSqliteStore, type OpenSqliteStoreOptions };
export type { OpenPostgresStoreOptions };
export { checkSqliteIntegrity } from './sqlite/check-integrity.js';

export { DEFAULT_DB_PATH } from './default-path.js';
export { displayLocation } from './display-location.js';

/** Options for either backend; `maxPages` applies to SQLite only. */
export type OpenCorpusStoreOptions = OpenSqliteStoreOptions & OpenPostgresStoreOptions;

/**
 * Opens the corpus at `location`: a PostgreSQL database for a `postgres://` or `postgresql://`
 * URL (password from the URL or PGPASSWORD / ~/.pgpass), else a SQLite file path.
 */
export async function openCorpusStore(location: string, options: OpenCorpusStoreOptions = {}): Promise<CorpusStore> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    // Loaded only for a PostgreSQL location: a SQLite run never loads the pg driver.
    const { openPostgresStore } = await import('./postgres/open-postgres-store.js');
    const { maxPages: _ignored, ...pgOptions } = options;
    return openPostgresStore(location, pgOptions);
  }
  return openSqliteStore(location, options);
}
