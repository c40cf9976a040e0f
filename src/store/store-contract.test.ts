import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestMap, withoutClaims } from './build-test-map.js';
import { contentHash } from './content-hash.js';
import { testBackends, type TestCorpus } from './test-backends.js';
import { bridge, budget, codeOf, ferry, port, storm } from './test-fixtures.js';
import type { CorpusStore } from './types.js';

/**
 * The store's contract, run against every backend (SQLite; PostgreSQL when CLAIMTRACE_TEST_PG
 * is set): identity, idempotent writes, versions, aliases, batches, failures, queries, errors.
 * Backend-specific cases (files, migrations, size limits) stay in sqlite/ and postgres/.
 */

describe.each(testBackends())('$name store contract', (backend) => {
let corpus: TestCorpus;
let store: CorpusStore;

beforeEach(async () => {
  corpus = await backend.fresh();
  store = await corpus.open();
});
afterEach(async () => {
  await store.close();
  await corpus.drop();
});

describe('putArticle idempotency', () => {
  it('stores the same article twice as one row', async () => {
    const map = buildTestMap(bridge);
    expect(await store.putArticle({ map })).toEqual({ status: 'inserted', articleId: 1, version: 1 });
    expect(await store.putArticle({ map })).toEqual({ status: 'unchanged', articleId: 1, version: 1 });
    expect(await store.stats()).toEqual({ articles: 1, versions: 1, quotes: 2, speakers: 1, citations: 1, outlets: 3, failures: 0, claims: 0, unsourcedClaims: 0 });
  });

  it('keeps a new version when the text under the same path changes, and describes the current one', async () => {
    await store.putArticle({ map: buildTestMap(bridge) });
    const edited = buildTestMap({ ...bridge, text: bridge.text.replace('repairs', 'urgent repairs'), quotes: [bridge.quotes![1]!], citations: [] });
    expect(await store.putArticle({ map: edited })).toEqual({ status: 'new-version', articleId: 1, version: 2 });
    expect(await store.putArticle({ map: edited })).toEqual({ status: 'unchanged', articleId: 1, version: 2 });
    expect(await store.stats()).toMatchObject({ articles: 1, versions: 2, quotes: 1, citations: 0, outlets: 1 });
    expect(await store.searchQuotes('repairs')).toEqual([]);
    expect((await store.searchArticles('urgent'))[0]?.articleId).toBe(1);
    const [exported] = await collect(store.exportArticles());
    expect(exported?.map.text).toBe(edited.text);
    expect(exported?.contentHash).toBe(contentHash(edited.text));
  });

  it('stores a map made again by another claimtrace version as a new version only when asked', async () => {
    const map = buildTestMap(bridge);
    await store.putArticle({ map });
    const newer = { ...map, generator: { name: 'claimtrace' as const, version: '9.9.9' } };
    expect(await store.putArticle({ map: newer })).toEqual({ status: 'unchanged', articleId: 1, version: 1 });
    expect(await store.putArticle({ map: newer, reanalysed: true })).toEqual({ status: 'new-version', articleId: 1, version: 2 });
    expect(await store.putArticle({ map: newer, reanalysed: true })).toEqual({ status: 'unchanged', articleId: 1, version: 2 });
    expect(await store.stats()).toMatchObject({ articles: 1, versions: 2, quotes: 2 });
  });

  it('uses the canonical URL as identity when there is one', async () => {
    const a = buildTestMap({ ...bridge, path: 'x/1.html', url: 'https://www.herald.example/bridge/?utm_source=feed#top' });
    const b = buildTestMap({ ...bridge, path: 'y/2.html', url: 'http://herald.example/bridge', text: bridge.text + ' Updated.' });
    expect((await store.putArticle({ map: a })).status).toBe('inserted');
    expect(await store.putArticle({ map: b })).toEqual({ status: 'new-version', articleId: 1, version: 2 });
  });

  it('stores the same text under another path once and reports it unchanged', async () => {
    await store.putArticle({ map: buildTestMap(bridge) });
    const copy = buildTestMap({ ...bridge, path: 'b/copy-of-bridge.txt' });
    expect(await store.putArticle({ map: copy })).toEqual({ status: 'unchanged', articleId: 1, version: 1 });
    expect(await store.putArticle({ map: copy })).toEqual({ status: 'unchanged', articleId: 1, version: 1 });
    expect(await store.stats()).toMatchObject({ articles: 1, versions: 1, quotes: 2 });
    // The copy's text then changes: it becomes an article of its own.
    const diverged = buildTestMap({ ...bridge, path: 'b/copy-of-bridge.txt', text: bridge.text + ' (Corrected.)' });
    expect(await store.putArticle({ map: diverged })).toEqual({ status: 'inserted', articleId: 2, version: 1 });
  });

  it('commits a batch together, or nothing of it when it throws', async () => {
    await store.withBatch(async () => {
      await store.putArticle({ map: buildTestMap(bridge) });
      // A second reader sees nothing until the batch commits.
      const other = await corpus.open({ readonly: true });
      expect((await other.stats()).articles).toBe(0);
      await other.close();
    });
    expect((await store.stats()).articles).toBe(1);
    const error = await store
      .withBatch(async () => {
        await store.putArticle({ map: buildTestMap(ferry) });
        await store.withBatch(async () => store.recordFailure('x.txt', 'E_EMPTY', 'empty'));
        throw new Error('stop');
      })
      .catch((e: unknown) => e);
    expect(error).toEqual(new Error('stop'));
    expect(await store.stats()).toMatchObject({ articles: 1, failures: 0 });
  });

  it('touchIfUnchanged answers without a map, and null for new or changed text', async () => {
    const map = buildTestMap(bridge);
    const ref = { url: null, sourcePath: 'a/bridge.txt', contentHash: contentHash(map.text) };
    expect(await store.touchIfUnchanged(ref)).toBeNull();
    await store.putArticle({ map });
    expect(await store.touchIfUnchanged(ref)).toEqual({ status: 'unchanged', articleId: 1, version: 1 });
    expect(await store.touchIfUnchanged({ ...ref, sourcePath: 'elsewhere.txt' })).toEqual({ status: 'unchanged', articleId: 1, version: 1 });
    expect(await store.touchIfUnchanged({ ...ref, contentHash: contentHash('other') })).toBeNull();
  });

  it('keeps one failure row per path, cleared once the path is stored', async () => {
    await store.recordFailure('a/bridge.txt', 'E_BINARY', 'binary');
    await store.recordFailure('a/bridge.txt', 'E_EMPTY', 'empty');
    expect(await store.failures()).toMatchObject([{ sourcePath: 'a/bridge.txt', code: 'E_EMPTY' }]);
    await store.putArticle({ map: buildTestMap(bridge) });
    expect(await store.failures()).toEqual([]);
  });

});

describe('queries', () => {
  beforeEach(async () => {
    await store.putArticle({ map: buildTestMap(bridge) });
    await store.putArticle({ map: buildTestMap(ferry) });
  });

  it('searches quote content with full-text search, accents folded', async () => {
    const hits = await store.searchQuotes('sao paulo');
    expect(hits.map((h) => h.content)).toEqual(['São Paulo had the same trouble']);
    expect(hits[0]).toMatchObject({ quoteKey: 'q2', speaker: { name: 'Dr. Rui Costa', key: 'rui costa' }, article: { sourcePath: 'a/ferry.txt', outlet: 'The Guardian' } });
    expect(await store.searchQuotes('"no choice"')).toHaveLength(1);
    // FTS5 syntax typed by a user is taken as words, never a syntax error.
    expect(await store.searchQuotes('choice NEAR(')).toEqual([]);
    expect(await store.searchQuotes('   ')).toEqual([]);
    // Speaker names are searchable too.
    expect(await store.searchQuotes('sousa')).toHaveLength(3);
    expect(await store.searchQuotes('sousa', { limit: 1, offset: 2 })).toHaveLength(1);
  });

  it('searches article text and returns a snippet', async () => {
    const hits = await store.searchArticles('ferries');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ articleId: 2, title: 'Ferries run late' });
    expect(hits[0]?.snippet).toContain('«Ferries»');
  });

  it('ranks speakers across articles under one key, optionally for one outlet', async () => {
    expect(await store.topSpeakers()).toEqual([
      { key: 'ana sousa', name: 'Mayor Ana Sousa', kind: 'person', quotes: 3, articles: 2 },
      { key: 'rui costa', name: 'Dr. Rui Costa', kind: 'person', quotes: 1, articles: 1 },
    ]);
    expect(await store.topSpeakers({ outlet: 'the guardian' })).toMatchObject([
      { key: 'ana sousa', quotes: 1 },
      { key: 'rui costa', quotes: 1 },
    ]);
    expect(await store.topSpeakers({ outlet: 'herald' })).toMatchObject([{ key: 'ana sousa', quotes: 2 }]);
    expect(await store.topSpeakers({ limit: 1 })).toHaveLength(1);
  });

  it('lists one speaker’s quotes oldest first', async () => {
    const quotes = await store.speakerQuotes('ANA SOUSA');
    expect(quotes.map((q) => [q.article.published, q.content])).toEqual([
      ['2026-02-01', 'Ferries will run late all week'],
      ['2026-03-01', 'The bridge will close for repairs'],
      ['2026-03-01', 'We have no choice'],
    ]);
  });

  it('builds the citation graph: publisher → cited outlet, cited → via', async () => {
    expect(await store.citationGraph()).toEqual({
      nodes: [
        { id: 'guardian', name: 'The Guardian', stateAffiliated: false, country: null },
        { id: 'herald', name: 'Harbour Herald', stateAffiliated: false, country: null },
        { id: 'rt', name: 'RT', stateAffiliated: true, country: null },
        { id: 'tass', name: 'TASS', stateAffiliated: true, country: null },
      ],
      edges: [
        { from: 'guardian', to: 'rt', kind: 'cites', count: 1, articles: 1 },
        { from: 'herald', to: 'rt', kind: 'cites', count: 1, articles: 1 },
        { from: 'rt', to: 'tass', kind: 'via', count: 1, articles: 1 },
      ],
    });
  });

  it('exports every quote', async () => {
    const quotes = await collect(store.exportQuotes());
    expect(quotes.map((q) => q.quoteKey)).toEqual(['q1', 'q2', 'q1', 'q2']);
  });
});

describe('store errors', () => {
  it('refuses writes to a read-only store with E_STORE_READONLY and keeps what is stored', async () => {
    await store.putArticle({ map: buildTestMap(bridge) });
    await store.close();
    store = await corpus.open({ readonly: true });
    expect(await codeOf(store.putArticle({ map: buildTestMap(ferry) }))).toBe('E_STORE_READONLY');
    expect(await codeOf(store.recordFailure('x', 'E_EMPTY', 'empty'))).toBe('E_STORE_READONLY');
    expect(await store.stats()).toMatchObject({ articles: 1, quotes: 2, failures: 0 });
  });

  it('refuses a map the store cannot take with E_STORE_REJECTED, writing nothing of it', async () => {
    const map = buildTestMap(bridge);
    const twice = { ...map, quotes: [map.quotes[0]!, { ...map.quotes[1]!, id: 'q1' }] };
    expect(await codeOf(store.putArticle({ map: twice }))).toBe('E_STORE_REJECTED');
    const empty = { ...map, quotes: [{ ...map.quotes[0]!, content: [] }] };
    expect(await codeOf(store.putArticle({ map: empty }))).toBe('E_STORE_REJECTED');
    expect(await store.stats()).toMatchObject({ articles: 0, versions: 0, quotes: 0, outlets: 0 });
    expect((await store.putArticle({ map })).status).toBe('inserted');
  });

});

describe('evidence per article', () => {
  it('keeps the evidence counts and claims of the current version', async () => {
    const { articleId } = await store.putArticle({ map: buildTestMap(budget) });
    expect(await store.articleEvidence(articleId)).toMatchObject({
      known: true,
      claims: 3,
      sourced: 1,
      unsourced: 2,
      hedged: 0,
      sourcesByKind: { 'named-person': 1 },
      claimRows: [
        { key: 'k1', kind: 'quantity', status: 'sourced', text: 'Taxes rose by 4 percent' },
        { key: 'k2', kind: 'event', status: 'unsourced', text: 'Schools will close early' },
        { key: 'k3', kind: 'quantity', status: 'unsourced', text: 'Crime doubled last year' },
      ],
    });
    expect(await store.stats()).toMatchObject({ claims: 3, unsourcedClaims: 2 });
    // A new version replaces the counts.
    await store.putArticle({ map: buildTestMap({ ...budget, text: budget.text + ' More.' }) });
    await store.putArticle({ map: buildTestMap({ ...budget, text: 'Schools will close early.', quotes: [], claims: [{ text: 'Schools will close early' }] }) });
    expect(await store.stats()).toMatchObject({ claims: 1, unsourcedClaims: 1 });
    expect(await store.articleEvidence(999)).toBeNull();
  });

  it('ranks articles and outlets by unsourced claims, with the share', async () => {
    for (const spec of [budget, storm, port]) await store.putArticle({ map: buildTestMap(spec) });
    const byArticle = await store.unsourcedClaims();
    expect(byArticle.map((r) => [r.article?.sourcePath, r.unsourced, r.claims, r.share])).toEqual([
      ['budget.txt', 2, 3, 0.667],
      ['storm.txt', 1, 1, 1],
      ['port.txt', 1, 2, 0.5],
    ]);
    expect(await store.unsourcedClaims({ limit: 1, offset: 1 })).toMatchObject([{ article: { sourcePath: 'storm.txt' } }]);
    const byOutlet = await store.unsourcedClaims({ by: 'outlet' });
    expect(byOutlet.map((r) => [r.outlet, r.unsourced, r.claims, r.articles, r.share])).toEqual([
      [{ key: 'herald', name: 'Harbour Herald' }, 3, 4, 2, 0.75],
      [{ key: 'gazette', name: 'Valley Gazette' }, 1, 2, 1, 0.5],
    ]);
  });

  it('loads a map from a claimtrace without claims as unknown, and a reanalysis refreshes it', async () => {
    const old = withoutClaims(buildTestMap(budget));
    const { articleId } = await store.putArticle({ map: old });
    expect(await store.articleEvidence(articleId)).toMatchObject({ known: false, claims: 0, claimRows: [] });
    expect(await store.unsourcedClaims()).toEqual([]);
    // Same text, same generator: a reanalysis that brings claims still stores a new version.
    expect(await store.putArticle({ map: buildTestMap(budget), reanalysed: true })).toMatchObject({ status: 'new-version', version: 2 });
    expect(await store.articleEvidence(articleId)).toMatchObject({ known: true, unsourced: 2 });
    expect(await store.putArticle({ map: buildTestMap(budget), reanalysed: true })).toMatchObject({ status: 'unchanged', version: 2 });
  });
});
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
