/**
 * The corpus store: the only part of claimtrace that talks to a database. Analysis and ingest
 * code sees `CorpusStore` only; `openCorpusStore` picks the backend from the location.
 */
import { ClaimtraceError } from '../core/diagnostics.js';
import { openSqliteStore, type OpenSqliteStoreOptions } from './sqlite/open-sqlite-store.js';
import type { CorpusStore } from './types.js';

export type * from './types.js';
export { STORE_ERROR_CODES, type StoreErrorCode } from './store-errors.js';
export { contentHash } from './content-hash.js';
export { canonicalUrl } from './canonical-url.js';
export { speakerKey, normaliseQuoteContent } from './normalise-text.js';
export { openSqliteStore, type OpenSqliteStoreOptions };
export { checkSqliteIntegrity } from './sqlite/check-integrity.js';

export { DEFAULT_DB_PATH } from './default-path.js';

export type OpenCorpusStoreOptions = OpenSqliteStoreOptions;

/** Opens the corpus at `location`: a SQLite file path today (`postgres://…` is reserved for later). */
export async function openCorpusStore(location: string, options: OpenCorpusStoreOptions = {}): Promise<CorpusStore> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new ClaimtraceError('E_USAGE', `PostgreSQL corpora are not supported yet; give a SQLite file path, not \`${location}\`.`);
  }
  return openSqliteStore(location, options);
}
