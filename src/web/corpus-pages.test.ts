/**
 * The pages that show what the store links across articles: a quote's trail, a speaker's short
 * forms, an outlet's share of unsourced claims.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestMap } from '../store/build-test-map.js';
import { testBackends, type TestCorpus } from '../store/test-backends.js';
import type { CorpusStore } from '../store/types.js';
import { createApp, type App } from './create-app.js';

const SANA = { key: 'sana', name: 'SANA', stateAffiliated: true };
const HERALD = { key: 'herald', name: 'Harbour Herald' };
const ORIGINAL = 'We will not allow foreign troops to stay on our soil, whatever the cost.';

describe.each(testBackends())('pages across articles ($name store)', (backend) => {
  let corpus: TestCorpus;
  let store: CorpusStore;
  let app: App;
  const get = async (path: string) => {
    const res = await app.fetch(new Request(`http://127.0.0.1${path}`));
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  };

  beforeAll(async () => {
    corpus = await backend.fresh();
    store = await corpus.open();
    await store.putArticle({
      map: buildTestMap({
        path: 'sana.txt', publisher: SANA, published: '2026-01-10',
        text: `Foreign Minister Walid al-Muallem said: "${ORIGINAL}"`,
        quotes: [{ content: ORIGINAL, speaker: 'Walid al-Muallem', cue: 'said', entity: { name: 'Walid al-Muallem', descriptions: ["Syria's foreign minister"] } }],
      }),
    });
    await store.putArticle({
      map: buildTestMap({
        path: 'herald.txt', publisher: HERALD, published: '2026-03-12',
        text: 'Muallem said Damascus would not let «foreign troops to stay on our soil, whatever the cost». Troops crossed the river. Prices rose.',
        quotes: [{ content: 'foreign troops to stay on our soil, whatever the cost', speaker: 'Muallem', cue: 'said' }],
        claims: [{ text: 'Troops crossed the river.' }, { text: 'Prices rose.' }, { text: 'Muallem said Damascus would not let', kind: 'attributed', quote: 0 }],
      }),
    });
    app = createApp(store);
  });
  afterAll(async () => {
    await store.close();
    await corpus.drop();
  });

  it('shows where a quote first appeared and its later appearances', async () => {
    const later = (await store.articleQuotes(2))[0]!;
    const page = await get(`/quote/${later.quoteId}`);
    expect(page.status).toBe(200);
    const first = page.text.indexOf('First appearance');
    const spread = page.text.indexOf('Spread: 1 later appearance');
    expect(first).toBeGreaterThan(0);
    expect(spread).toBeGreaterThan(first);
    expect(page.text.slice(first, spread)).toContain('published 2026-01-10');
    expect(page.text.slice(spread)).toContain('<span class="tag">this quote</span>');
    expect(page.text).toContain('Appearances by month');
  });

  it('sends a short form to the full name, with its aliases and descriptions', async () => {
    const short = await get('/speaker/muallem');
    expect(short.status).toBe(302);
    expect(short.location).toBe('/speaker/walid%20al%20muallem');
    const page = await get('/speaker/walid%20al%20muallem');
    expect(page.text).toContain('2 quotes in 2 articles');
    expect(page.text).toContain('<code>muallem</code>');
    expect(page.text).toContain('“Syria&#39;s foreign minister”');
  });

  it('gives an outlet its share of unsourced claims, or says none are counted', async () => {
    const herald = await get('/outlet/herald');
    expect(herald.status).toBe(200);
    expect(herald.text).toContain('<strong>67%</strong> of claims unsourced: 2 of 3 claims in 1 article');
    expect((await get('/outlet/sana')).text).toContain('No claims counted');
  });
});
