/**
 * The store backends the contract tests run against: SQLite always; PostgreSQL when
 * `CLAIMTRACE_TEST_PG` holds a connection URL (e.g. postgres://claimtrace@127.0.0.1/claimtrace_test).
 * Each PostgreSQL corpus is a fresh schema (`?schema=ct_test_…`), dropped by `drop()`.
 * Without the variable the PostgreSQL cases are skipped with a warning on the console.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CorpusStore } from './types.js';

export interface TestCorpus {
  /** What `--db` takes: a file path, or a PostgreSQL URL with the test schema. */
  readonly location: string;
  open(options?: { readonly?: boolean; now?: () => string }): Promise<CorpusStore>;
  /** Removes the corpus (the temporary directory, or the schema). */
  drop(): Promise<void>;
}

export interface TestBackend {
  readonly name: 'sqlite' | 'postgres';
  /** A new, empty corpus of this backend. */
  fresh(): Promise<TestCorpus>;
}

export const TEST_PG_URL = process.env['CLAIMTRACE_TEST_PG']?.trim() || null;

let warned = false;
/** Says once, on the console, that the PostgreSQL tests are skipped and how to run them. */
export function warnIfNoPostgres(): void {
  if (TEST_PG_URL || warned) return;
  warned = true;
  console.warn('[claimtrace] CLAIMTRACE_TEST_PG is not set: the PostgreSQL store tests are SKIPPED (set it to a postgres:// URL of a database the tests may create schemas in).');
}

let counter = 0;

export const sqliteBackend: TestBackend = {
  name: 'sqlite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrace-store-'));
    const location = join(dir, 'corpus.db');
    const { openSqliteStore } = await import('./sqlite/open-sqlite-store.js');
    return {
      location,
      open: (options = {}) => openSqliteStore(location, options),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

/** A PostgreSQL URL for `schema` in the test database. */
export function pgTestLocation(schema: string): string {
  const url = new URL(TEST_PG_URL!);
  url.searchParams.set('schema', schema);
  return url.toString();
}

/** Runs one statement on the test database (outside any corpus). */
export async function pgAdmin(sql: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: TEST_PG_URL! });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function newTestSchema(): string {
  return `ct_test_${process.pid}_${Date.now().toString(36)}_${++counter}`;
}

export const postgresBackend: TestBackend = {
  name: 'postgres',
  async fresh() {
    const schema = newTestSchema();
    const location = pgTestLocation(schema);
    const { openPostgresStore } = await import('./postgres/open-postgres-store.js');
    return {
      location,
      open: (options = {}) => openPostgresStore(location, options),
      drop: () => pgAdmin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`),
    };
  },
};

/** The backends to run a contract suite on: SQLite, and PostgreSQL when configured. */
export function testBackends(): TestBackend[] {
  warnIfNoPostgres();
  return TEST_PG_URL ? [sqliteBackend, postgresBackend] : [sqliteBackend];
}
