import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInvariants } from '../../contract/check-invariants.js';
import { buildTestMap, type TestMapSpec } from '../build-test-map.js';
import type { CorpusStore } from '../types.js';
import { testBackends, type TestCorpus } from '../test-backends.js';

const SANA = { key: 'sana', name: 'SANA', stateAffiliated: true };
const HERALD = { key: 'herald', name: 'Harbour Herald' };
const GAZETTE = { key: 'gazette', name: 'Valley Gazette' };
const ORIGINAL = 'We will not allow foreign troops to stay on our soil, whatever the cost, and we will say so at the United Nations.';

// The same quotation in five articles, as outlets reprint it: other marks, a partial quote, an
// elision, a changed word; and one article with a different quote sharing a stock phrase.
const trail: TestMapSpec[] = [
  {
    path: 'sana.txt',
    publisher: SANA,
    published: '2026-01-10',
    text: `Foreign Minister Walid al-Muallem said: "${ORIGINAL}"`,
    quotes: [{ content: ORIGINAL, speaker: 'Walid al-Muallem', cue: 'said', entity: { name: 'Walid al-Muallem', descriptions: ["Syria's foreign minister"] } }],
  },
  {
    path: 'herald.txt',
    publisher: HERALD,
    published: '2026-01-12',
    text: 'Al-Muallem said Damascus would not let «foreign troops to stay on our soil».',
    quotes: [{ content: 'foreign troops to stay on our soil', speaker: 'Al-Muallem', cue: 'said' }],
  },
  {
    path: 'gazette.txt',
    publisher: GAZETTE,
    text: 'Muallem: “we will not allow foreign troops to stay on our soil... we will say so at the United Nations”.',
    quotes: [{ content: 'we will not allow foreign troops to stay on our soil... we will say so at the United Nations', speaker: 'Muallem' }],
  },
  {
    path: 'edit.txt',
    publisher: HERALD,
    published: '2026-01-11',
    text: "Syria's foreign minister said: 'We will not allow foreign soldiers to stay on our soil, whatever the cost, and we will say so at the United Nations.'",
    quotes: [
      {
        content: 'We will not allow foreign soldiers to stay on our soil, whatever the cost, and we will say so at the United Nations.',
        speaker: "Syria's foreign minister",
        description: "Syria's foreign minister",
        entity: { name: 'Walid al-Muallem', descriptions: ["Syria's foreign minister"] },
      },
    ],
  },
  {
    path: 'other.txt',
    publisher: GAZETTE,
    published: '2026-01-01',
    text: '"We will say so at the United Nations next week when the council meets," Lena Berg said.',
    quotes: [{ content: 'We will say so at the United Nations next week when the council meets', speaker: 'Lena Berg' }],
  },
];

describe.each(testBackends())('$name store', (backend) => {
let corpus: TestCorpus;
let store: CorpusStore;
beforeEach(async () => {
  corpus = await backend.fresh();
  store = await corpus.open({ now: () => '2026-02-01T00:00:00.000Z' });
});
afterEach(async () => {
  await store.close();
  await corpus.drop();
});

describe('quoteTrail', () => {
  beforeEach(async () => {
    for (const spec of trail) {
      const map = buildTestMap(spec);
      expect(checkInvariants(map)).toEqual([]);
      await store.putArticle({ map });
    }
  });

  it('finds the first appearance and every later one despite marks, elisions, partial quotes and a changed word', async () => {
    const t = await store.quoteTrail('"Foreign troops to stay on our soil!"');
    expect(t.first).toMatchObject({ article: { sourcePath: 'sana.txt', outlet: 'SANA' }, date: '2026-01-10', dateSource: 'published', speakerName: 'Walid al-Muallem', similarity: 1 });
    expect(t.later.map((h) => [h.article.sourcePath, h.date, h.dateSource, h.speakerName])).toEqual([
      ['edit.txt', '2026-01-11', 'published', 'Walid al-Muallem'],
      ['herald.txt', '2026-01-12', 'published', 'Walid al-Muallem'],
      ['gazette.txt', '2026-02-01T00:00:00.000Z', 'first-seen', 'Walid al-Muallem'],
    ]);
  });

  it('takes a stored quote id, and leaves a quote sharing only a stock phrase out', async () => {
    const [gazette] = await store.searchQuotes('"say so at the United Nations" Muallem');
    const t = await store.quoteTrail(gazette!.quoteId);
    expect([t.first, ...t.later].map((h) => h?.article.sourcePath)).toEqual(['sana.txt', 'edit.txt', 'herald.txt', 'gazette.txt']);
    expect((await store.quoteTrail('the council meets on Thursday about it')).first).toBeNull();
    expect((await store.quoteTrail('')).first).toBeNull();
    await expect(store.quoteTrail(9999)).rejects.toThrow(/stored quote/);
  });

  it('keeps descriptions tied to the named person and links short forms across articles', async () => {
    expect(await store.topSpeakers({ limit: 2 })).toMatchObject([
      { key: 'walid al muallem', name: 'Walid al-Muallem', quotes: 4, articles: 4 },
      { key: 'lena berg', quotes: 1 },
    ]);
    expect(await store.speakerLinks('Muallem')).toEqual({
      key: 'walid al muallem',
      name: 'Walid al-Muallem',
      kind: 'person',
      quotes: 4,
      articles: 4,
      aliases: ['al muallem', 'muallem'],
      descriptions: ["Syria's foreign minister"],
    });
    expect((await store.speakerQuotes('al-Muallem')).map((q) => q.article.sourcePath)).toEqual(['sana.txt', 'edit.txt', 'herald.txt', 'gazette.txt']);
  });
});

describe('speakers across articles', () => {
  const said = (path: string, speaker: string): TestMapSpec => ({ path, text: `"Talks resume," ${speaker} said.`, quotes: [{ content: 'Talks resume', speaker }] });
  const put = async (...specs: TestMapSpec[]) => {
    for (const s of specs) await store.putArticle({ map: buildTestMap(s) });
  };
  const top = async () => (await store.topSpeakers()).map((s) => [s.key, s.quotes]);

  it('links short forms stored before the full name once it arrives', async () => {
    await put(said('1.txt', 'Muallem'), said('2.txt', 'al-Muallem'), said('3.txt', 'Walid al-Muallem'));
    expect(await top()).toEqual([['walid al muallem', 3]]);
  });

  it('leaves a surname shared by two full names apart', async () => {
    await put(said('1.txt', 'Walid al-Muallem'), said('2.txt', 'Ahmed Muallem'), said('3.txt', 'Muallem'));
    expect(await top()).toEqual([['ahmed muallem', 1], ['muallem', 1], ['walid al muallem', 1]]);
  });

  it('honours particles (von der, de) and never links a given name alone', async () => {
    await put(said('1.txt', 'Ursula von der Leyen'), said('2.txt', 'von der Leyen'), said('3.txt', 'Leyen'), said('4.txt', 'Ursula'));
    await put(said('5.txt', 'de Gaulle'), said('6.txt', 'Charles de Gaulle'));
    expect(await top()).toEqual([['ursula von der leyen', 3], ['charles de gaulle', 2], ['ursula', 1]]);
  });

  it('does not merge organisations by their last word', async () => {
    await put(
      { path: '1.txt', text: '"Fine," the Red Cross said.', quotes: [{ content: 'Fine', speaker: 'Red Cross', kind: 'organisation' }] },
      { path: '2.txt', text: '"Fine," Cross said.', quotes: [{ content: 'Fine', speaker: 'Cross', kind: 'organisation' }] },
    );
    expect(await top()).toEqual([['cross', 1], ['red cross', 1]]);
  });
});
});
