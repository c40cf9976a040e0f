import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestMap } from '../store/build-test-map.js';
import { testBackends, type TestCorpus } from '../store/test-backends.js';
import type { CorpusStore } from '../store/types.js';
import { createApp, type App } from './create-app.js';
import { hostileStoredMap } from './hostile-article.js';

import { HERALD, webBridge } from '../store/test-fixtures.js';

describe.each(testBackends())('createApp ($name store)', (backend) => {
  let corpus: TestCorpus;
  let store: CorpusStore;
  let app: App;
  const errors: unknown[] = [];
  const get = async (path: string, init?: RequestInit) => {
    const res = await app.fetch(new Request(`http://127.0.0.1:8321${path}`, init));
    return { status: res.status, headers: res.headers, text: await res.text() };
  };

  beforeAll(async () => {
    corpus = await backend.fresh();
    store = await corpus.open({ now: () => '2026-04-01T00:00:00.000Z' });
    await store.putArticle({ map: buildTestMap(webBridge) });
    await store.putArticle({ map: hostileStoredMap() });
    app = createApp(store, { onError: (e) => errors.push(e), allowHost: (h) => h === '127.0.0.1' || h === 'localhost' });
  });
  afterAll(async () => {
    await store.close();
    await corpus.drop();
  });

  it.each([
    ['/', 'Corpus overview'],
    ['/search?q=choice', 'We have no choice'],
    ['/search?q=sousa&in=speakers', 'Ana Sousa'],
    ['/search?q=harbour&in=outlets', 'Harbour Herald'],
    ['/search?q=bridge&in=articles', 'Bridge to close'],
    ['/article/1', 'Quotes of this article in the corpus'],
    ['/quote/1', 'We have no choice'],
    ['/speaker/ana%20sousa', 'Quotes by month'],
    ['/outlet/herald', 'Whom it quotes'],
    ['/graph', 'Citation graph'],
  ])('%s is a page with a strict policy', async (path, words) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.text).toContain(words);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    ['/?page=abc', 400, 'whole number'],
    ['/?page=0', 400, 'whole number'],
    ['/?page=1e3', 400, 'whole number'],
    ['/?page=99999999', 400, 'whole number'],
    ['/search?q=x&in=everything', 400, 'search in'],
    [`/search?q=${'a'.repeat(201)}`, 400, 'at most 200'],
    ['/graph?min=-1', 400, 'minimum weight'],
    ['/article/abc', 400, 'article id'],
    ['/article/1.5', 400, 'article id'],
    ['/speaker/%E0%A4%A', 400, 'URL-encoded'],
    ['/article/999', 404, 'No article'],
    ['/quote/999', 404, 'No quote'],
    ['/speaker/nobody', 404, 'No speaker'],
    ['/outlet/nowhere', 404, 'No outlet'],
    ['/nope', 404, 'no page'],
    ['/article', 404, 'no page'],
    ['/article/1/more', 404, 'no page'],
    ['/__proto__', 404, 'no page'],
    ['/constructor', 404, 'no page'],
  ])('%s answers %i with an explaining page', async (path, status, words) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.text).toContain(words);
    expect(res.text).toContain('<a href="/">Back to the overview</a>');
  });

  it('answers a deep page past the end with an empty list, not an error', async () => {
    const res = await get('/?page=500');
    expect(res.status).toBe(200);
    expect(res.text).toContain('No articles on this page');
  });

  it('sends an outlet name to its key', async () => {
    const res = await app.fetch(new Request('http://127.0.0.1/outlet/Harbour%20Herald?page=2'));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/outlet/herald?page=2');
  });

  it('reads only, and answers its own host names only', async () => {
    expect((await get('/', { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await app.fetch(new Request('http://evil.example/'))).status).toBe(421);
    const head = await app.fetch(new Request('http://localhost/', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('pages lists: 20 a page, next and previous links', async () => {
    const manyCorpus = await backend.fresh();
    const many = await manyCorpus.open();
    try {
      for (let i = 1; i <= 23; i++) {
        await many.putArticle({ map: buildTestMap({ path: `p/${i}.txt`, title: `Flood report ${i}`, publisher: HERALD, text: `Flood report number ${i}: the river rose.` }) });
      }
      const paged = createApp(many);
      const read = async (path: string) => (await paged.fetch(new Request(`http://127.0.0.1${path}`))).text();
      const first = await read('/');
      expect(first.match(/<li><a href="\/article\//g)).toHaveLength(20);
      expect(first).toContain('<a href="/?page=2" rel="next">');
      expect(first).not.toContain('rel="prev"');
      const second = await read('/?page=2');
      expect(second.match(/<li><a href="\/article\//g)).toHaveLength(3);
      expect(second).toContain('<ol class="results" start="21">');
      expect(second).toContain('<a href="/?page=1" rel="prev">');
      expect(second).not.toContain('rel="next"');
      const search = await read('/search?q=flood&in=articles&page=2');
      expect(search).toContain('<a href="/search?q=flood&amp;in=articles&amp;page=1" rel="prev">');
      expect(await read('/outlet/herald?page=2')).toContain('start="21"');
    } finally {
      await many.close();
      await manyCorpus.drop();
    }
  });

  it('escapes everything from a hostile article on every page', async () => {
    const paths = ['/', '/article/2', '/search?q=pwned', '/search?q=speaker&in=speakers', '/search?q=script&in=outlets', '/graph'];
    const quote = (await store.articleQuotes(2))[0]!;
    paths.push(`/quote/${quote.quoteId}`);
    if (quote.speaker.key) paths.push(`/speaker/${encodeURIComponent(quote.speaker.key)}`);
    const outlets = await store.searchOutlets('outlet', { limit: 5 });
    for (const o of outlets) paths.push(`/outlet/${encodeURIComponent(o.key)}`);
    expect(paths.length).toBeGreaterThan(7);
    for (const path of paths) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.text, path).not.toMatch(/<script>window|<img src=x|<svg onload|href="javascript:|onerror="window/i);
    }
    expect(errors).toEqual([]);
  });

  it('turns a store failure into a 503 page without its details', async () => {
    const failing = { ...store, stats: async () => { throw Object.assign(new (await import('../core/diagnostics.js')).ClaimtraceError('E_STORE_BUSY', 'secret /path/db')); } } as CorpusStore;
    const seen: unknown[] = [];
    const res = await createApp(failing, { onError: (e) => seen.push(e) }).fetch(new Request('http://127.0.0.1/'));
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).toContain('E_STORE_BUSY');
    expect(text).not.toContain('secret');
    expect(seen).toHaveLength(1);
  });
});
