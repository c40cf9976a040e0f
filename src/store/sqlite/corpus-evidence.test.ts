/**
 * Evidence on SQLite only: the shingle index and migration 3. The evidence every backend keeps
 * (counts, rankings, reanalysis) is tested in ../store-contract.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInvariants } from '../../contract/check-invariants.js';
import { buildTestMap, withoutClaims } from '../build-test-map.js';
import { budget, port, storm } from '../test-fixtures.js';
import type { CorpusStore } from '../types.js';
import { openSqliteStore } from './open-sqlite-store.js';

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

describe('evidence per article', () => {
  it('uses valid hand-made maps', () => {
    for (const spec of [budget, storm, port]) expect(checkInvariants(buildTestMap(spec))).toEqual([]);
  });

  // The counts themselves are in ../store-contract.test.ts (every backend).
  it('leaves no shingles of replaced versions behind', async () => {
    await store.putArticle({ map: buildTestMap(budget) });
    await store.putArticle({ map: buildTestMap({ ...budget, text: budget.text + ' More.' }) });
    await store.putArticle({ map: buildTestMap({ ...budget, text: 'Schools will close early.', quotes: [], claims: [{ text: 'Schools will close early' }] }) });
    expect(await store.stats()).toMatchObject({ claims: 1, unsourcedClaims: 1 });
    const raw = new Database(join(dir, 'corpus.db'), { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM quote_shingles WHERE quote_id NOT IN (SELECT id FROM quotes)').get()).toEqual({ n: 0 });
    raw.close();
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
