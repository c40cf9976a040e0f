/**
 * What only the PostgreSQL backend has: many writers at once (separate `claimtrace ingest`
 * processes over overlapping inputs end with what one run stores), migrations under a lock,
 * batches replayed after a deadlock, and its error codes. Needs CLAIMTRACE_TEST_PG (a database
 * the tests may create schemas in); skipped with a warning without it. The contract every
 * backend keeps is in ../store-contract.test.ts and runs here too.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestCorpus } from '../../corpus/write-test-corpus.js';
import { buildTestMap } from '../build-test-map.js';
import { newTestSchema, pgAdmin, pgTestLocation, TEST_PG_URL, warnIfNoPostgres } from '../test-backends.js';
import { codeOf, messageOf } from '../test-fixtures.js';
import type { CorpusStore } from '../types.js';
import { mapPgError } from './map-pg-error.js';
import { PG_LATEST_SCHEMA_VERSION } from './migrations.js';
import { openPostgresStore } from './open-postgres-store.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const ARTICLES = 48;

warnIfNoPostgres();

describe('PostgreSQL error codes (no server needed)', () => {
  it('maps SQLSTATEs and connection errors to store codes, never showing a password', () => {
    const url = 'postgres://me:s3cret@db.example:5432/corpus';
    const code = (e: object) => mapPgError(e, url)?.code ?? null;
    expect(code({ code: 'ECONNREFUSED' })).toBe('E_STORE_OPEN');
    expect(code({ code: '28P01' })).toBe('E_STORE_OPEN');
    expect(code({ code: '3D000' })).toBe('E_STORE_NOT_FOUND');
    expect(code({ code: '25006' })).toBe('E_STORE_READONLY');
    expect(code({ code: '42501' })).toBe('E_STORE_READONLY');
    expect(code({ code: '53100' })).toBe('E_STORE_FULL');
    expect(code({ code: '40P01' })).toBe('E_STORE_BUSY');
    expect(code({ code: '23505' })).toBe('E_STORE_REJECTED');
    expect(code({ code: 'XX001' })).toBe('E_STORE_CORRUPT');
    expect(code({ code: '58030' })).toBe('E_STORE_IO');
    expect(code({ code: '42P01' })).toBeNull(); // a bug: let it through
    expect(mapPgError({ code: 'ECONNREFUSED' }, url)?.message).not.toContain('s3cret');
    expect(mapPgError({ code: 'ECONNREFUSED' }, url)?.message).toContain('me:***@db.example');
  });
});

describe.skipIf(!TEST_PG_URL)('PostgreSQL store', () => {
  const schemas: string[] = [];
  const fresh = () => {
    const schema = newTestSchema();
    schemas.push(schema);
    return pgTestLocation(schema);
  };
  afterAll(async () => {
    for (const s of schemas) await pgAdmin(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  });

  it('migrates once when several workers open a new corpus at the same moment', async () => {
    const location = fresh();
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(location)));
    try {
      const client = new pg.Client({ connectionString: TEST_PG_URL! });
      await client.connect();
      const schema = new URL(location).searchParams.get('schema')!;
      const { rows } = await client.query(`SELECT version FROM "${schema}".schema_version`);
      await client.end();
      expect(rows).toEqual([{ version: PG_LATEST_SCHEMA_VERSION }]);
    } finally {
      for (const s of stores) await s.close();
    }
  });

  it('reports unreachable servers, bad passwords, missing databases and corpora, newer schemas and foreign tables with store codes', async () => {
    const url = new URL(TEST_PG_URL!);
    const refused = new URL(url);
    refused.port = '1';
    refused.password = 'hunter2';
    expect(await codeOf(openPostgresStore(refused.toString()))).toBe('E_STORE_OPEN');
    expect(await messageOf(openPostgresStore(refused.toString()))).not.toContain('hunter2');
    if (url.password) {
      const wrong = new URL(url);
      wrong.password = 'not-the-password';
      expect(await codeOf(openPostgresStore(wrong.toString()))).toBe('E_STORE_OPEN');
      expect(await messageOf(openPostgresStore(wrong.toString()))).not.toContain('not-the-password');
    }
    const missing = new URL(url);
    missing.pathname = '/claimtrace_no_such_database';
    expect(await codeOf(openPostgresStore(missing.toString()))).toBe('E_STORE_NOT_FOUND');
    expect(await codeOf(openPostgresStore(fresh(), { readonly: true }))).toBe('E_STORE_NOT_FOUND');

    const newer = fresh();
    await (await openPostgresStore(newer)).close();
    await pgAdmin(`INSERT INTO "${new URL(newer).searchParams.get('schema')}".schema_version VALUES (99, 'future', 'now')`);
    expect(await codeOf(openPostgresStore(newer))).toBe('E_STORE_VERSION');

    const foreign = fresh();
    const schema = new URL(foreign).searchParams.get('schema')!;
    await pgAdmin(`CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}".articles (body text)`);
    expect(await codeOf(openPostgresStore(foreign))).toBe('E_STORE_CORRUPT');
  });

  it('keeps the gzip provenance map and the text search working with accents', async () => {
    const store = await openPostgresStore(fresh());
    try {
      const map = buildTestMap({ path: 'a.txt', text: '"São Paulo will vote," Ana Sousa said.', quotes: [{ content: 'São Paulo will vote', speaker: 'Ana Sousa' }] });
      await store.putArticle({ map });
      expect((await store.getArticle(1))?.map).toEqual(map);
      expect(await store.searchQuotes('sao paulo')).toHaveLength(1);
      expect((await store.searchArticles('paulo'))[0]?.snippet).toContain('«Paulo»');
    } finally {
      await store.close();
    }
  });

  it('replays a batch that lost a deadlock, so both writers end with their articles stored once', async () => {
    const location = fresh();
    const a = await openPostgresStore(location);
    const b = await openPostgresStore(location);
    const x = buildTestMap({ path: 'x.txt', text: '"Bridges close," Ana Sousa said.', quotes: [{ content: 'Bridges close', speaker: 'Ana Sousa' }] });
    const y = buildTestMap({ path: 'y.txt', text: '"Ferries run," Rui Costa said.', quotes: [{ content: 'Ferries run', speaker: 'Rui Costa' }] });
    try {
      let release!: () => void;
      const bothFirst = new Promise<void>((r) => (release = r));
      let firsts = 0;
      const step = async () => {
        if (++firsts === 2) release();
        await bothFirst;
      };
      // a: x then y; b: y then x, each in one batch: a lock cycle PostgreSQL breaks by failing one.
      const results = await Promise.all([
        a.withBatch(async () => [await a.putArticle({ map: x }), (await step(), await a.putArticle({ map: y }))]),
        b.withBatch(async () => [await b.putArticle({ map: y }), (await step(), await b.putArticle({ map: x }))]),
      ]);
      // The batch PostgreSQL failed was replayed after the other committed: nothing twice, and
      // its results (updated in place) say it found both articles stored.
      expect(results.flat().map((r) => r.version)).toEqual([1, 1, 1, 1]);
      expect(results.map((r) => r.map((x) => x.status).join(' ')).sort()).toEqual(['inserted inserted', 'unchanged unchanged']);
      expect(await a.stats()).toMatchObject({ articles: 2, versions: 2, quotes: 2, speakers: 2 });
    } finally {
      await a.close();
      await b.close();
    }
  });

  describe('several ingest processes at once', () => {
    let dir: string;
    let child: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'claimtrace-pg-workers-'));
      writeTestCorpus(join(dir, 'corpus'), ARTICLES);
      child = join(dir, 'ingest-child.mts');
      writeFileSync(
        child,
        `import { main } from ${JSON.stringify(join(ROOT, 'src/cli/main.ts'))};
process.exitCode = await main(process.argv.slice(2));
`,
      );
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const ingest = (location: string, ...sources: string[]): Promise<string> =>
      new Promise((resolvePromise, reject) => {
        const args = ['--import', 'tsx', child, 'ingest', ...sources.map((s) => join(dir, 'corpus', s)), '--db', location, '--jobs', '1', '--no-progress'];
        const p = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        p.stdout.on('data', (d: Buffer) => (out += d.toString()));
        p.stderr.on('data', (d: Buffer) => (out += d.toString()));
        p.on('error', reject);
        p.on('close', (code) => (code === 0 ? resolvePromise(out) : reject(new Error(`ingest exited with ${code}: ${out}`))));
      });

    async function snapshot(location: string): Promise<unknown> {
      const store: CorpusStore = await openPostgresStore(location, { readonly: true });
      try {
        const articles: unknown[] = [];
        for await (const a of store.exportArticles()) articles.push({ path: a.sourcePath, version: a.version, hash: a.contentHash, title: a.title, outlet: a.outlet, quotes: a.map.quotes.length });
        const quotes: unknown[] = [];
        for await (const q of store.exportQuotes()) quotes.push([q.article.sourcePath, q.quoteKey, q.content, q.speaker.key]);
        const sort = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
        const client = new pg.Client({ connectionString: TEST_PG_URL! });
        await client.connect();
        const schema = new URL(location).searchParams.get('schema')!;
        const { rows } = await client.query(
          `SELECT (SELECT count(*) FROM "${schema}".speakers)::int AS speakers, (SELECT count(*) FROM "${schema}".outlets)::int AS outlets,
                  (SELECT count(*) FROM "${schema}".quote_shingles)::int AS shingles, (SELECT count(*) FROM "${schema}".article_aliases)::int AS aliases,
                  (SELECT count(*) FROM "${schema}".speaker_aliases)::int AS speaker_aliases,
                  (SELECT count(*) FROM "${schema}".article_texts)::int AS texts, (SELECT count(*) FROM "${schema}".claims)::int AS claims`,
        );
        await client.end();
        return {
          stats: await store.stats(),
          rows: rows[0],
          articles: sort(articles),
          quotes: sort(quotes),
          speakers: await store.topSpeakers({ limit: 1000 }),
          graph: await store.citationGraph(),
          failures: (await store.failures()).map((f) => [f.sourcePath, f.code]),
        };
      } finally {
        await store.close();
      }
    }

    it('store exactly what one run stores, over overlapping inputs', async () => {
      const single = fresh();
      const t1 = Date.now();
      await ingest(single, 'even', 'odd');
      const oneProcessMs = Date.now() - t1;

      const shared = fresh();
      const t2 = Date.now();
      const outputs = await Promise.all([ingest(shared, 'even', 'odd'), ingest(shared, 'odd', 'even'), ingest(shared, 'odd')]);
      const threeProcessesMs = Date.now() - t2;
      const password = new URL(TEST_PG_URL!).password;
      for (const out of outputs) {
        expect(out).toMatch(/^Done: /m);
        expect(out).not.toMatch(/E_STORE|internal error/);
        if (password) expect(out).not.toContain(`:${password}@`);
      }
      const expected = await snapshot(single);
      expect(await snapshot(shared)).toEqual(expected);
      expect(expected).toMatchObject({ stats: { articles: ARTICLES, versions: ARTICLES } });
      console.info(`[claimtrace] ${ARTICLES} articles: one ingest ${oneProcessMs} ms; three overlapping ingests at once ${threeProcessesMs} ms`);
    });
  });
});
