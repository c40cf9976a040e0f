import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInvariants } from '../contract/check-invariants.js';
import { buildTestMap, withoutClaims, type TestMapSpec } from '../store/build-test-map.js';
import { runCorpusCli } from './run-corpus-cli.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';

const HERALD = { key: 'herald', name: 'Harbour Herald' };
const GAZETTE = { key: 'gazette', name: 'Valley Gazette' };
const QUOTE = 'The dam will hold through the spring floods, and nobody downstream needs to leave their home.';

const maps: TestMapSpec[] = [
  {
    path: 'dam.txt',
    title: 'Dam will hold, minister says',
    publisher: HERALD,
    published: '2026-04-01',
    text: `Water Minister Rosa Almeida said: "${QUOTE}" Repairs cost 3 million. The river rose overnight.`,
    quotes: [{ content: QUOTE, speaker: 'Rosa Almeida', cue: 'said' }],
    claims: [{ text: 'Repairs cost 3 million', kind: 'quantity' }, { text: 'The river rose overnight' }],
  },
  {
    path: 'dam-2.txt',
    title: 'Residents doubt the dam',
    publisher: GAZETTE,
    published: '2026-04-03',
    text: `Almeida insisted “the dam will hold through the spring floods…nobody downstream needs to leave” (Herald).`,
    quotes: [{ content: 'the dam will hold through the spring floods…nobody downstream needs to leave', speaker: 'Almeida' }],
    citations: [{ text: '(Herald)', outlet: HERALD }],
    claims: [{ text: 'Almeida insisted', quote: 0 }],
  },
];

let dir: string;
let db: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrace-queries-'));
  db = join(dir, 'corpus.db');
  const store = await openSqliteStore(db);
  for (const spec of maps) {
    const map = buildTestMap(spec);
    expect(checkInvariants(map)).toEqual([]);
    await store.putArticle({ map });
  }
  // Stored by a claimtrace from before claims: counted nowhere, loaded all the same.
  await store.putArticle({ map: withoutClaims(buildTestMap({ path: 'old.txt', publisher: HERALD, text: 'Old news.' })) });
  await store.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = runCorpusCli;

describe('claimtrace query unsourced, quote-trail, speaker; stats', () => {
  it('counts claims in stats', async () => {
    expect(JSON.parse((await run(['stats', '--db', db, '--format', 'json'])).out)).toMatchObject({ articles: 3, claims: 3, unsourcedClaims: 2 });
    expect((await run(['stats', '--db', db])).out).toMatch(/^unsourcedClaims\s+2$/m);
    // Export: claims and unsourced per article; empty (unknown) for the map stored without claims.
    const rows = (await run(['export', '--db', db, '--format', 'csv', '--table', 'articles'])).out.trim().split('\r\n');
    expect(rows[0]).toMatch(/,claims,unsourced_claims$/);
    expect(rows.slice(1).map((r) => r.split(',').slice(-2).join(','))).toEqual(['2,2', '1,0', ',']);
  });

  it('ranks articles and outlets by unsourced claims in text, JSON and CSV', async () => {
    expect((await run(['query', 'unsourced', '--db', db])).out).toBe('2 of 2 100%  Dam will hold, minister says, Harbour Herald, 2026-04-01\n');
    expect((await run(['query', 'unsourced', '--by', 'outlet', '--db', db, '--format', 'csv'])).out).toBe(
      'outlet_key,outlet,articles,claims,unsourced,share\r\nherald,Harbour Herald,1,2,2,1\r\n',
    );
    const json = JSON.parse((await run(['query', 'unsourced', '--db', db, '--format', 'json', '-n', '5'])).out) as { article: { sourcePath: string } }[];
    expect(json.map((r) => r.article.sourcePath)).toEqual(['dam.txt']);
    expect((await run(['query', 'unsourced', '--by', 'speaker', '--db', db])).status).toBe(2);
  });

  it('traces a quotation to its first appearance, by text or by quote id', async () => {
    const text = await run(['query', 'quote-trail', '"Nobody downstream needs to leave their home!"', '--db', db]);
    expect(text.status).toBe(0);
    expect(text.out).toContain('First appeared:\n  2026-04-01  Rosa Almeida: “The dam will hold');
    expect(text.out).toContain('Then (1):\n  2026-04-03  Rosa Almeida: “the dam will hold through the spring floods…nobody');
    const trail = JSON.parse((await run(['query', 'quote-trail', '2', '--db', db, '--format', 'json'])).out) as { first: { article: { sourcePath: string } }; later: unknown[] };
    expect(trail.first.article.sourcePath).toBe('dam.txt');
    expect(trail.later).toHaveLength(1);
    expect((await run(['query', 'quote-trail', 'completely different words here', '--db', db])).out).toBe('No stored quote matches.\n');
    const missing = await run(['query', 'quote-trail', '999', '--db', db]);
    expect([missing.status, missing.err]).toEqual([2, expect.stringContaining('E_USAGE: Expected the id of a stored quote')]);
    expect((await run(['query', 'quote-trail', '--db', db])).status).toBe(2);
  });

  it('shows a speaker with the short forms linked to it', async () => {
    expect((await run(['query', 'speaker', 'Almeida', '--db', db])).out).toBe('Rosa Almeida (person): 2 quotes in 2 articles\n  also: almeida\n');
    expect((await run(['query', 'speaker', 'Nobody', '--db', db])).out).toBe('No speaker named Nobody.\n');
  });
});
