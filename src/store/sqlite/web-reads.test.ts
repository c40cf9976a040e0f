import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestMap } from '../build-test-map.js';
import type { CorpusStore } from '../types.js';
import { testBackends, type TestCorpus } from '../test-backends.js';

import { GUARDIAN, webBridge } from '../test-fixtures.js';

describe.each(testBackends())('web reads ($name)', (backend) => {
  let corpus: TestCorpus;
  let store: CorpusStore;

  beforeEach(async () => {
    corpus = await backend.fresh();
    store = await corpus.open({ now: () => '2026-04-01T00:00:00.000Z' });
    await store.putArticle({ map: buildTestMap(webBridge) });
    await store.putArticle({
      map: buildTestMap({
        path: 'a/ferry.txt', title: 'Ferries late', published: '2026-01-15', publisher: GUARDIAN,
        text: '"We have no choice," Ana Sousa told reporters. "100% sure," said Rui Costa.',
        quotes: [
          { content: 'We have no choice', speaker: 'Ana Sousa', cue: 'told' },
          { content: '100% sure', speaker: 'Rui Costa', cue: 'said' },
        ],
      }),
    });
  });
  afterEach(async () => {
    await store.close();
    await corpus.drop();
  });

  it('reads one article with its map, and null for an unknown id', async () => {
    const a = await store.getArticle(1);
    expect(a?.title).toBe('Bridge to close');
    expect(a?.map.quotes).toHaveLength(1);
    expect(await store.getArticle(99)).toBeNull();
    await expect(store.getArticle(1.5)).rejects.toThrow(TypeError);
  });

  it('pages recent articles, newest first', async () => {
    expect((await store.recentArticles({ limit: 1 })).map((a) => a.articleId)).toEqual([2]);
    expect((await store.recentArticles({ limit: 1, offset: 1 })).map((a) => a.articleId)).toEqual([1]);
  });

  it('reads one quote, and the quotes of one article', async () => {
    const q = (await store.articleQuotes(1))[0]!;
    expect(q.content).toBe('We have no choice');
    expect((await store.articleQuotes(2)).map((x) => x.content)).toEqual(['We have no choice', '100% sure']);
    expect((await store.getQuote(q.quoteId))?.speaker.key).toBe('ana sousa');
    expect(await store.getQuote(999)).toBeNull();
  });

  it('profiles a speaker by outlet and month', async () => {
    const p = await store.speakerProfile('ana sousa');
    expect(p).toMatchObject({ name: 'Ana Sousa', quotes: 2, articles: 2 });
    expect(p?.byOutlet.map((o) => [o.key, o.quotes])).toEqual([['herald', 1], ['guardian', 1]]);
    expect(p?.byMonth).toEqual([{ month: '2026-01', quotes: 1 }, { month: '2026-03', quotes: 1 }]);
    expect(await store.speakerProfile('nobody')).toBeNull();
    expect((await store.speakerQuotesByKey('ana sousa', { limit: 1 }))[0]?.article.title).toBe('Ferries late');
  });

  it('searches speakers and outlets by name, LIKE wildcards taken literally', async () => {
    expect((await store.searchSpeakers('sous')).map((s) => s.key)).toEqual(['ana sousa']);
    expect(await store.searchSpeakers('%')).toEqual([]);
    expect(await store.searchSpeakers('  ')).toEqual([]);
    expect((await store.searchOutlets('harb')).map((o) => o.key)).toEqual(['herald']);
  });

  it('profiles an outlet: what it published, whom it cites and who cites it', async () => {
    expect(await store.outletProfile('herald')).toMatchObject({ name: 'Harbour Herald', published: 1, mentionedIn: 1 });
    expect(await store.outletProfile('rt')).toMatchObject({ stateAffiliated: true, published: 0, mentionedIn: 1 });
    expect((await store.outletLinks('herald', 'cites')).map((l) => [l.key, l.count])).toEqual([['rt', 1]]);
    expect((await store.outletLinks('rt', 'cited-by')).map((l) => l.key)).toEqual(['herald']);
    expect((await store.outletArticles('guardian')).map((a) => a.title)).toEqual(['Ferries late']);
    await expect(store.outletArticles('guardian', { limit: 10_000 })).rejects.toThrow(/limit/);
  });
});
