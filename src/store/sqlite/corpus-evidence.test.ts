import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInvariants } from '../../contract/check-invariants.js';
import { buildTestMap, withoutClaims, type TestMapSpec } from '../build-test-map.js';
import type { CorpusStore } from '../types.js';
import { openSqliteStore } from './open-sqlite-store.js';
import { testBackends, type TestCorpus } from '../test-backends.js';

const HERALD = { key: 'herald', name: 'Harbour Herald' };
const GAZETTE = { key: 'gazette', name: 'Valley Gazette' };

// Three claims, two unsourced.
const budget: TestMapSpec = {
  path: 'budget.txt',
  publisher: HERALD,
  published: '2026-03-02',
  text: 'Taxes rose by 4 percent. "We had no choice," said Ana Sousa. Schools will close early. Crime doubled last year.',
  quotes: [{ content: 'We had no choice', speaker: 'Ana Sousa', cue: 'said' }],
  claims: [
    { text: 'Taxes rose by 4 percent', kind: 'quantity', quote: 0 },
    { text: 'Schools will close early' },
    { text: 'Crime doubled last year', kind: 'quantity' },
  ],
};
// One claim, unsourced.
const storm: TestMapSpec = {
  path: 'storm.txt',
  publisher: HERALD,
  published: '2026-03-03',
  text: 'The storm destroyed forty homes.',
  claims: [{ text: 'The storm destroyed forty homes' }],
};
// Two claims, one unsourced, another outlet.
const port: TestMapSpec = {
  path: 'port.txt',
  publisher: GAZETTE,
  text: 'The port reopened on Monday (Reuters). Exports will triple.',
  citations: [{ text: '(Reuters)', outlet: { key: 'reuters', name: 'Reuters' } }],
  claims: [{ text: 'The port reopened on Monday', citation: 0 }, { text: 'Exports will triple' }],
};

let dir: string;
let store: CorpusStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrace-evidence-'));
  store = await openSqliteStore(join(dir, 'corpus.db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(testBackends().filter((b) => b.name !== 'sqlite'))('evidence per article ($name)', (backend) => {
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

describe('evidence per article', () => {
  it('uses valid hand-made maps', () => {
    for (const spec of [budget, storm, port]) expect(checkInvariants(buildTestMap(spec))).toEqual([]);
  });

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
    // The replaced versions' quotes leave no shingles behind.
    const raw = new Database(join(dir, 'corpus.db'), { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM quote_shingles WHERE quote_id NOT IN (SELECT id FROM quotes)').get()).toEqual({ n: 0 });
    raw.close();
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

  it('migration 3 fills evidence, shingles and speaker links for a corpus stored at schema 2', async () => {
    await store.putArticle({ map: buildTestMap(budget) });
    await store.putArticle({ map: withoutClaims(buildTestMap(storm)) });
    await store.putArticle({
      map: buildTestMap({ path: 'm1.txt', text: '"Talks will resume," Walid al-Muallem said.', quotes: [{ content: 'Talks will resume', speaker: 'Walid al-Muallem' }] }),
    });
    await store.putArticle({
      map: buildTestMap({ path: 'm2.txt', text: '"No more talks today," Muallem said.', quotes: [{ content: 'No more talks today', speaker: 'Muallem' }] }),
    });
    await store.close();
    // Back to schema 2, as an older claimtrace left it (speakers unlinked).
    const db = new Database(join(dir, 'corpus.db'));
    db.exec(`DROP TABLE article_evidence; DROP TABLE claims; DROP TABLE quote_shingles; DROP TABLE speaker_surnames;
      DROP TABLE speaker_aliases; DROP TABLE speaker_descriptions; ALTER TABLE quotes DROP COLUMN shingles; DROP INDEX articles_outlet_name; DROP INDEX quotes_article_speaker; CREATE INDEX quotes_article ON quotes(article_id);
      INSERT OR IGNORE INTO speakers (key, name, kind) VALUES ('muallem', 'Muallem', 'person');
      UPDATE quotes SET speaker_id = (SELECT id FROM speakers WHERE key = 'muallem') WHERE speaker_name = 'Muallem';
      DELETE FROM schema_version WHERE version = 3;`);
    db.close();

    store = await openSqliteStore(join(dir, 'corpus.db'));
    expect(await store.stats()).toMatchObject({ articles: 4, claims: 3, unsourcedClaims: 2 });
    expect((await store.articleEvidence(2))?.known).toBe(false);
    expect((await store.quoteTrail('we had no choice')).first?.article.sourcePath).toBe('budget.txt');
    expect((await store.topSpeakers()).find((s) => s.key === 'walid al muallem')).toMatchObject({ quotes: 2, articles: 2 });
  });
});
