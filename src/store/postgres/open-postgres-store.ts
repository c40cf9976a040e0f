import pg from 'pg';
import { closedError, createGuards, guardReads } from '../guard-reads.js';
import { storeError } from '../store-errors.js';
import type { CorpusStore, PutArticleRecord } from '../types.js';
import { mapPgError, redactLocation } from './map-pg-error.js';
import { MIGRATION_LOCK, PG_LATEST_SCHEMA_VERSION, PG_MIGRATIONS } from './migrations.js';
import { createCorpusReader } from './read-corpus.js';
import { createSession, type Query } from './session.js';
import { createWebReader } from './web-reads.js';
import { createArticleWriter } from './write-article.js';

export interface OpenPostgresStoreOptions {
  /** Open for reading only: the session is read-only, every write fails with `E_STORE_READONLY`. */
  readonly readonly?: boolean;
  /** Create the schema when the database holds no corpus yet (default: true unless `readonly`). */
  readonly create?: boolean;
  /** The clock for first/last-seen times (ISO 8601); defaults to the system clock. */
  readonly now?: () => string;
}

/** `postgres://` or `postgresql://`: a PostgreSQL corpus. */
export const isPostgresLocation = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

// bigint (count(*), ids) and numeric (sum of bigint) as JavaScript numbers: every count and id
// of a corpus stays far below 2^53.
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Opens (creating and migrating when allowed) a corpus in a PostgreSQL database. The location is
 * a connection URL; the password may come from the URL or the standard variables (PGPASSWORD,
 * ~/.pgpass), and no message ever shows it. `?schema=NAME` keeps the corpus in that schema
 * (created when missing), so one database can hold several corpora.
 */
export async function openPostgresStore(location: string, options: OpenPostgresStoreOptions = {}): Promise<CorpusStore> {
  const readonly = options.readonly ?? false;
  const create = options.create ?? !readonly;
  const now = options.now ?? (() => new Date().toISOString());
  const where = redactLocation(location);
  const fail = (e: unknown): never => {
    throw mapPgError(e, location) ?? e;
  };

  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw storeError('E_STORE_OPEN', `${where}: not a PostgreSQL URL (expected postgres://user@host:port/database).`);
  }
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  if (schema !== null && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw storeError('E_STORE_OPEN', `${where}: the schema name \`${schema}\` must be letters, digits and underscores.`);
  }

  const client = new pg.Client({ connectionString: url.toString(), types: TYPES, application_name: 'claimtrace' });
  // A connection dropped while idle surfaces on the next query; do not crash the process here.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    return fail(e);
  }
  const session = createSession(client);
  const { q } = session;
  try {
    if (schema !== null) await q(`SET search_path TO "${schema}", public`);
    await migrate(q, where, readonly, create, schema);
    if (readonly) await q('SET default_transaction_read_only = on');
  } catch (e) {
    await client.end().catch(() => undefined);
    return fail(e);
  }

  const writer = createArticleWriter(q, now);
  const reader = createCorpusReader(q);
  const web = createWebReader(q);
  let closed = false;

  const guards = createGuards(() => closed, fail);
  const { guard } = guards;

  // A map the store cannot take fails this article only (its transaction or savepoint rolled back).
  const putArticle = guard('putArticle', async (record: PutArticleRecord) => {
    try {
      return await session.write(() => writer.putArticle(record));
    } catch (e) {
      if (mapPgError(e, location) || !(e instanceof Error)) throw e;
      throw storeError('E_STORE_REJECTED', `${record.sourcePath ?? record.map.source.path}: the provenance map could not be stored (${e.message}); nothing of it was written.`, e);
    }
  });

  return Object.freeze({
    putArticle,
    touchIfUnchanged: guard('touchIfUnchanged', async (ref: Parameters<CorpusStore['touchIfUnchanged']>[0]) => {
      if (!(await session.read(() => writer.mayBeUnchanged(ref)))) return null;
      return session.write(() => writer.touchIfUnchanged(ref));
    }),
    async withBatch<T>(write: () => Promise<T>): Promise<T> {
      if (closed) throw closedError('withBatch');
      let inner = false;
      try {
        return await session.withBatch(async () => {
          try {
            return await write();
          } catch (e) {
            inner = true;
            throw e;
          }
        });
      } catch (e) {
        // What `write` threw goes through as it is; a failed BEGIN or COMMIT is a store error.
        if (inner) throw e;
        return fail(e);
      }
    },
    recordFailure: guard('recordFailure', (sourcePath: string, code: string, message: string) =>
      session.write(async () => {
        await q(
          `INSERT INTO failures (source_path, code, message, at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (source_path) DO UPDATE SET code = excluded.code, message = excluded.message, at = excluded.at`,
          [sourcePath, code, message, now()],
        );
      })),
    ...guardReads({ ...reader, ...web }, guards),
    async close() {
      if (closed) return;
      closed = true;
      // Waits for a write or batch under way on this connection, then disconnects.
      await session.exclusive(async () => undefined).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  } satisfies CorpusStore);
}

/**
 * Brings the schema up to date in one transaction, under a database-wide advisory lock: a
 * second worker starting at the same moment waits, then finds nothing left to do.
 */
async function migrate(q: Query, where: string, readonly: boolean, create: boolean, schema: string | null): Promise<void> {
  const current = await schemaVersion(q, where);
  if (current > PG_LATEST_SCHEMA_VERSION) {
    throw storeError('E_STORE_VERSION', `${where}: schema version ${current} was written by a newer claimtrace (this one knows up to ${PG_LATEST_SCHEMA_VERSION}); upgrade claimtrace.`);
  }
  if (current === PG_LATEST_SCHEMA_VERSION) return;
  if (current === 0 && !create) {
    throw storeError('E_STORE_NOT_FOUND', `${where}: no claimtrace corpus in this database (create one with \`claimtrace ingest … --db ${where}\`).`);
  }
  if (readonly) {
    throw storeError('E_STORE_VERSION', `${where}: schema version ${current} needs upgrading to ${PG_LATEST_SCHEMA_VERSION}; open it once for writing (e.g. \`claimtrace ingest\`).`);
  }
  await q('BEGIN');
  try {
    await q('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    if (schema !== null) await q(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const now = await schemaVersion(q, where); // another worker may have migrated meanwhile
    await q('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at text NOT NULL)');
    for (const m of PG_MIGRATIONS) {
      if (m.version <= now) continue;
      await q(m.sql);
      await q('INSERT INTO schema_version (version, description, applied_at) VALUES ($1, $2, $3)', [m.version, m.description, new Date().toISOString()]);
    }
    await q('COMMIT');
  } catch (e) {
    await q('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** The schema version of the corpus here: 0 for none; another application's tables are refused. */
async function schemaVersion(q: Query, where: string): Promise<number> {
  const [t] = await q<{ sv: string | null; articles: string | null }>(
    "SELECT to_regclass('schema_version')::text AS sv, to_regclass('articles')::text AS articles",
  );
  if (!t?.sv) {
    if (t?.articles) throw storeError('E_STORE_CORRUPT', `${where}: this database holds an \`articles\` table that is not a claimtrace corpus; give another database or ?schema=NAME.`);
    return 0;
  }
  const [v] = await q<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
  return v?.v ?? 0;
}
