import { accessSync, constants, existsSync, statSync } from 'node:fs';
import type { ClaimtraceError } from '../../core/diagnostics.js';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { closedError, createGuards, guardReads } from '../guard-reads.js';
import { storeError } from '../store-errors.js';
import type { CorpusStore } from '../types.js';
import { mapSqliteError } from './map-sqlite-error.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.js';
import { createCorpusReader } from './read-corpus.js';
import { createEvidenceReader } from './read-evidence.js';
import { createQuoteTrailReader } from './read-quote-trail.js';
import { createSpeakerLinksReader } from './read-speaker-links.js';
import { createArticleWriter } from './write-article.js';
import { createWebReader } from './web-reads.js';

export interface OpenSqliteStoreOptions {
  /** Open for reading only: every write fails with `E_STORE_READONLY`. */
  readonly readonly?: boolean;
  /** Create the file when missing (default: true unless `readonly`). */
  readonly create?: boolean;
  /** Caps the database at this many pages (4 KiB each); a write past it fails with `E_STORE_FULL`. */
  readonly maxPages?: number;
  /** The clock for first/last-seen times (ISO 8601); defaults to the system clock. */
  readonly now?: () => string;
}

// 'ClTr': marks the file as a claimtrace corpus, so another SQLite file is refused, not migrated.
const APPLICATION_ID = 0x436c5472;

/**
 * Opens (creating and migrating when allowed) a SQLite corpus database. WAL mode, foreign keys
 * on; every article is written in one transaction. Errors carry `E_STORE_*` codes.
 */
export async function openSqliteStore(path: string, options: OpenSqliteStoreOptions = {}): Promise<CorpusStore> {
  const readonly = options.readonly ?? false;
  const create = options.create ?? !readonly;
  const now = options.now ?? (() => new Date().toISOString());
  const fail = (e: unknown): never => {
    throw mapSqliteError(e, path) ?? e;
  };

  if (path !== ':memory:') {
    if (!create && !existsSync(path)) {
      throw storeError('E_STORE_NOT_FOUND', `${path}: no corpus database here (create one with \`claimtrace ingest … --db ${path}\`).`);
    }
    if (existsSync(path) && statSync(path).isDirectory()) {
      throw storeError('E_STORE_OPEN', `${path} is a directory; give a file path for the corpus database, e.g. ${join(path, 'claimtrace.db')}.`);
    }
    if (!existsSync(dirname(resolve(path)))) {
      throw storeError('E_STORE_OPEN', `${path}: the directory ${dirname(resolve(path))} does not exist; create it first.`);
    }
  }
  let db: Database.Database;
  try {
    db = new Database(path, { readonly, fileMustExist: !create });
  } catch (e) {
    return fail(readonlyMedia(path, readonly) ?? e);
  }
  try {
    configure(db, path, readonly, options.maxPages);
  } catch (e) {
    db.close();
    return fail(readonlyMedia(path, readonly) ?? e);
  }

  const writer = createArticleWriter(db, now);
  const reader = createCorpusReader(db);
  const web = createWebReader(db);
  const evidence = createEvidenceReader(db);
  const trails = createQuoteTrailReader(db);
  const links = createSpeakerLinksReader(db);
  const recordFailure = db.prepare(
    `INSERT INTO failures (source_path, code, message, at) VALUES (?, ?, ?, ?)
     ON CONFLICT (source_path) DO UPDATE SET code = excluded.code, message = excluded.message, at = excluded.at`,
  );
  let closed = false;

  // Every call maps driver errors to store errors; misuse after close() throws at once.
  const guards = createGuards(() => closed, fail);
  const { guard } = guards;

  // A map the writer cannot take (a bug upstream) fails this article only, never the store.
  const putArticle = guard('putArticle', (record: Parameters<typeof writer.putArticle>[0]) => {
    try {
      return writer.putArticle(record);
    } catch (e) {
      if (mapSqliteError(e, path) || !(e instanceof Error)) throw e;
      throw storeError('E_STORE_REJECTED', `${record.sourcePath ?? record.map.source.path}: the provenance map could not be stored (${e.message}); nothing of it was written.`, e);
    }
  });

  return Object.freeze({
    putArticle,
    touchIfUnchanged: guard('touchIfUnchanged', writer.touchIfUnchanged),
    async withBatch<T>(write: () => Promise<T>): Promise<T> {
      if (closed) throw closedError('withBatch');
      if (db.inTransaction) return write();
      try {
        db.exec('BEGIN IMMEDIATE');
      } catch (e) {
        return fail(e);
      }
      let result: T;
      try {
        result = await write();
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
      try {
        db.exec('COMMIT');
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        return fail(e);
      }
      return result;
    },
    recordFailure: guard('recordFailure', (sourcePath: string, code: string, message: string) => {
      recordFailure.run(sourcePath, code, message, now());
    }),
    ...guardReads({ ...reader, ...evidence, ...trails, ...links, ...web }, guards),
    async close() {
      if (closed) return;
      closed = true;
      try {
        // Leaves one self-contained file: copyable alone, and readable on read-only media, where
        // a WAL database cannot be opened (it needs a -shm file). Writers switch back to WAL.
        if (!readonly) {
          db.pragma('wal_checkpoint(TRUNCATE)');
          db.pragma('journal_mode = DELETE');
        }
      } catch {
        // Housekeeping only (a reader may still hold the file): failing it loses nothing.
      }
      db.close();
    },
  } satisfies CorpusStore);
}

/** When a store opened for writing sits where nothing can be written, says so plainly. */
function readonlyMedia(path: string, readonly: boolean): ClaimtraceError | null {
  if (readonly || path === ':memory:') return null;
  const target = existsSync(path) ? path : dirname(resolve(path));
  try {
    accessSync(target, constants.W_OK);
    return null;
  } catch (e) {
    const why = (e as { code?: string }).code === 'EROFS' ? 'is on a read-only file system' : 'is not writable';
    return storeError('E_STORE_READONLY', `${target} ${why}: the corpus database cannot be written (its contents can still be read).`, e);
  }
}

function configure(db: Database.Database, path: string, readonly: boolean, maxPages: number | undefined): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Reads the header: a file that is not SQLite fails here with SQLITE_NOTADB.
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const hasTables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n > 0;
  if (hasTables && applicationId !== APPLICATION_ID) {
    throw storeError('E_STORE_CORRUPT', `${path}: this SQLite database is not a claimtrace corpus; give another --db path.`);
  }
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL loses no committed transaction when the process dies, only on power loss.
    db.pragma('synchronous = NORMAL');
    if (maxPages !== undefined) db.pragma(`max_page_count = ${Math.max(1, Math.floor(maxPages))}`);
  }
  migrate(db, path, readonly);
}

function migrate(db: Database.Database, path: string, readonly: boolean): void {
  const hasVersionTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get() !== undefined;
  const current = hasVersionTable ? ((db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0) : 0;
  if (current > LATEST_SCHEMA_VERSION) {
    throw storeError('E_STORE_VERSION', `${path}: schema version ${current} was written by a newer claimtrace (this one knows up to ${LATEST_SCHEMA_VERSION}); upgrade claimtrace.`);
  }
  if (current === LATEST_SCHEMA_VERSION) return;
  if (readonly) {
    throw current === 0
      ? storeError('E_STORE_CORRUPT', `${path}: an empty database, not a claimtrace corpus.`)
      : storeError('E_STORE_VERSION', `${path}: schema version ${current} needs upgrading to ${LATEST_SCHEMA_VERSION}; open it once for writing (e.g. \`claimtrace ingest\`).`);
  }
  db.transaction(() => {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
  }).immediate();
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.backfill?.(db);
      db.prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)').run(m.version, m.description, new Date().toISOString());
    }).immediate();
  }
}
