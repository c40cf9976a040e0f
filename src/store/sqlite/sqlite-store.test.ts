import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInvariants } from '../../contract/check-invariants.js';
import { buildTestMap } from '../build-test-map.js';
import { bridge, codeOf, ferry } from '../test-fixtures.js';
import type { CorpusStore } from '../types.js';
import { checkSqliteIntegrity } from './check-integrity.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.js';
import { openSqliteStore } from './open-sqlite-store.js';

let dir: string;
let store: CorpusStore;
const dbPath = () => join(dir, 'corpus.db');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrace-store-'));
  store = await openSqliteStore(dbPath());
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('test maps', () => {
  it('are valid provenance maps', () => {
    expect(checkInvariants(buildTestMap(bridge))).toEqual([]);
    expect(checkInvariants(buildTestMap(ferry))).toEqual([]);
  });
});

describe('putArticle idempotency', () => {
  it('persists across close and reopen, with the schema version recorded', async () => {
    await store.putArticle({ map: buildTestMap(bridge) });
    await store.close();
    store = await openSqliteStore(dbPath(), { readonly: true });
    expect((await store.stats()).articles).toBe(1);
    const db = new Database(dbPath(), { readonly: true });
    expect(db.prepare('SELECT version FROM schema_version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    db.close();
  });

  it('migrates a database made at schema version 1, keeping its articles', async () => {
    await store.close();
    const old = join(dir, 'v1.db');
    const db = new Database(old);
    db.pragma('application_id = 0x436c5472');
    db.exec('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
    db.exec(MIGRATIONS[0]!.sql);
    db.prepare('INSERT INTO schema_version VALUES (1, ?, ?)').run('v1', 'then');
    db.close();
    store = await openSqliteStore(old);
    await store.putArticle({ map: buildTestMap(bridge) });
    expect(await store.topSpeakers()).toMatchObject([{ key: 'ana sousa', quotes: 2 }]);
    const check = new Database(old, { readonly: true });
    expect(check.prepare('SELECT max(version) AS v FROM schema_version').get()).toEqual({ v: LATEST_SCHEMA_VERSION });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'quotes_speaker%'").all()).toEqual([{ name: 'quotes_speaker_article' }]);
    check.close();
  });
});

describe('store errors', () => {
  it.skipIf(process.getuid?.() === 0)('reports a file without write permission as E_STORE_READONLY', async () => {
    await store.close();
    const { chmodSync } = await import('node:fs');
    chmodSync(dbPath(), 0o444);
    chmodSync(dir, 0o555);
    try {
      store = await openSqliteStore(dbPath()).catch(async () => openSqliteStore(dbPath(), { readonly: true }));
      expect(await codeOf(store.putArticle({ map: buildTestMap(ferry) }))).toMatch(/^E_STORE_(READONLY|OPEN)$/);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('reports a full store as E_STORE_FULL and loses nothing already stored', async () => {
    await store.putArticle({ map: buildTestMap(bridge) });
    const before = await store.stats();
    await store.close();
    store = await openSqliteStore(dbPath(), { maxPages: 1 });
    const huge = buildTestMap({ ...ferry, text: ferry.text + ' ' + 'filler words '.repeat(100_000) });
    expect(await codeOf(store.putArticle({ map: huge }))).toBe('E_STORE_FULL');
    expect(await store.stats()).toEqual(before);
    await store.close();
    store = await openSqliteStore(dbPath());
    expect(await store.putArticle({ map: buildTestMap(ferry) })).toMatchObject({ status: 'inserted' });
    const db = new Database(dbPath(), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('reports a file that is not SQLite, or not a claimtrace corpus, as E_STORE_CORRUPT', async () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'this is not a database '.repeat(200));
    expect(await codeOf(openSqliteStore(junk))).toBe('E_STORE_CORRUPT');
    expect(await codeOf(checkSqliteIntegrity(junk))).toBe('E_STORE_CORRUPT');
    expect(await checkSqliteIntegrity(dbPath())).toEqual([]);
    const other = join(dir, 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE notes (body TEXT)');
    db.close();
    expect(await codeOf(openSqliteStore(other))).toBe('E_STORE_CORRUPT');
  });

  it('reports a missing database opened for reading as E_STORE_NOT_FOUND', async () => {
    expect(await codeOf(openSqliteStore(join(dir, 'missing.db'), { readonly: true }))).toBe('E_STORE_NOT_FOUND');
  });

  it('reports a directory, or a path in a missing directory, as E_STORE_OPEN', async () => {
    expect(await codeOf(openSqliteStore(dir))).toBe('E_STORE_OPEN');
    expect(await codeOf(openSqliteStore(join(dir, 'no', 'such', 'corpus.db')))).toBe('E_STORE_OPEN');
  });

  it('reports a database from a newer claimtrace as E_STORE_VERSION', async () => {
    await store.close();
    const db = new Database(dbPath());
    db.prepare('INSERT INTO schema_version VALUES (99, ?, ?)').run('future', 'now');
    db.close();
    expect(await codeOf(openSqliteStore(dbPath()))).toBe('E_STORE_VERSION');
    store = await openSqliteStore(join(dir, 'fresh.db'));
  });
});
