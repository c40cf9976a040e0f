import { gunzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { ProvenanceMap } from '../../contract/schema.js';
import { nameCore } from '../person-name.js';
import { quoteShingles, shingleHash } from '../shingle-quote.js';
import { createSpeakerLinker } from './link-speakers.js';
import { writeEvidence } from './write-article.js';

/**
 * Migration 3 on a corpus that already holds articles: evidence counts and claims from each
 * current map (unknown for maps made before claims existed), shingles for every quote, and
 * speakers linked across articles as if they had been written today.
 */
export function backfillEvidenceAndTrails(db: Database.Database): void {
  const st = {
    insertEvidence: db.prepare(
      `INSERT INTO article_evidence (article_id, known, claims, sourced, unsourced, hedged, anonymous_only,
         state_affiliated_outlets, sources_json, techniques_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertClaim: db.prepare('INSERT INTO claims (article_id, claim_key, kind, status, text, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  };
  // In batches by id: better-sqlite3 cannot write while a statement is still iterating.
  const maps = db.prepare<[number], { id: number; map_gzip: Buffer }>(
    `SELECT a.id, v.map_gzip FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
     WHERE a.id > ? ORDER BY a.id LIMIT 500`,
  );
  for (let rows = maps.all(0); rows.length > 0; rows = maps.all(rows[rows.length - 1]!.id)) {
    for (const row of rows) writeEvidence(st, JSON.parse(gunzipSync(row.map_gzip).toString('utf8')) as ProvenanceMap, row.id);
  }

  const setShingles = db.prepare('UPDATE quotes SET shingles = ? WHERE id = ?');
  const insertShingle = db.prepare('INSERT OR IGNORE INTO quote_shingles (hash, quote_id) VALUES (?, ?)');
  const quotes = db.prepare<[number], { id: number; content: string }>('SELECT id, content FROM quotes WHERE id > ? ORDER BY id LIMIT 5000');
  for (let rows = quotes.all(0); rows.length > 0; rows = quotes.all(rows[rows.length - 1]!.id)) {
    for (const q of rows) {
      const shingles = quoteShingles(q.content);
      setShingles.run(shingles.length, q.id);
      for (const h of new Set(shingles.map(shingleHash))) insertShingle.run(h, q.id);
    }
  }

  const linker = createSpeakerLinker(db);
  const people = db.prepare<[], { id: number; key: string }>("SELECT id, key FROM speakers WHERE kind = 'person' ORDER BY id").all();
  people.sort((a, b) => nameCore(b.key).length - nameCore(a.key).length || a.id - b.id);
  for (const p of people) linker.adopt(p);
}
