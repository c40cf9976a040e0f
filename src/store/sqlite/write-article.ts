import { gzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { ProvenanceMap } from '../../contract/schema.js';
import { normaliseOutletName } from '../../registry/normalise-name.js';
import { canonicalUrl } from '../canonical-url.js';
import { contentHash } from '../content-hash.js';
import { claimRowsOfMap, evidenceOfMap } from '../evidence-of-map.js';
import { normaliseQuoteContent } from '../normalise-text.js';
import { quoteShingles, shingleHash } from '../shingle-quote.js';
import type { ArticleRef, PutArticleRecord, PutArticleResult } from '../types.js';
import { createSpeakerLinker } from './link-speakers.js';

type Db = Database.Database;

/** Where an incoming text stands against what is stored. */
type Placement =
  | { readonly kind: 'unchanged'; readonly articleId: number; readonly version: number; readonly via: 'identity' | 'alias' | 'copy' }
  | { readonly kind: 'new-version'; readonly articleId: number; readonly version: number }
  | { readonly kind: 'new' };

/** `url:` identities outrank `path:` ones: the same page read from two files is one article. */
export function articleIdentity(url: string | null, sourcePath: string): string {
  const canonical = canonicalUrl(url);
  return canonical ? `url:${canonical}` : `path:${sourcePath}`;
}

/**
 * The write side of the SQLite store. Each public function runs in one IMMEDIATE transaction,
 * so a crash (even `kill -9`) leaves either the whole article or none of it.
 */
export function createArticleWriter(db: Db, now: () => string) {
  const st = {
    articleByIdentity: db.prepare<[string], { id: number; content_hash: string; current_version: number; generator_version: string; evidence_known: number }>(
      `SELECT a.id, a.content_hash, a.current_version, v.generator_version, coalesce(e.known, 0) AS evidence_known
       FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
       LEFT JOIN article_evidence e ON e.article_id = a.id WHERE a.identity = ?`,
    ),
    aliasByIdentity: db.prepare<[string], { article_id: number; content_hash: string }>(
      'SELECT article_id, content_hash FROM article_aliases WHERE identity = ?',
    ),
    copyByHash: db.prepare<[string], { article_id: number; current_version: number }>(
      `SELECT v.article_id, a.current_version FROM article_versions v JOIN articles a ON a.id = v.article_id
       WHERE v.content_hash = ? ORDER BY v.id LIMIT 1`,
    ),
    touchArticle: db.prepare('UPDATE articles SET last_seen = ? WHERE id = ?'),
    touchAlias: db.prepare('UPDATE article_aliases SET last_seen = ? WHERE identity = ?'),
    insertAlias: db.prepare(
      `INSERT INTO article_aliases (identity, article_id, source_path, content_hash, first_seen, last_seen)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    deleteAlias: db.prepare('DELETE FROM article_aliases WHERE identity = ?'),
    clearFailure: db.prepare('DELETE FROM failures WHERE source_path = ?'),
    insertArticle: db.prepare<unknown[], { id: number }>(
      `INSERT INTO articles (identity, canonical_url, source_path, content_hash, current_version, title, published,
         outlet_name, outlet_id, meta_json, first_seen, last_seen)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    ),
    updateArticle: db.prepare(
      `UPDATE articles SET source_path = ?, content_hash = ?, current_version = ?, title = ?, published = ?,
         outlet_name = ?, outlet_id = ?, meta_json = ?, last_seen = ? WHERE id = ?`,
    ),
    insertVersion: db.prepare<unknown[], { id: number }>(
      `INSERT INTO article_versions (article_id, version, content_hash, source_path, schema_version, generator_version, map_gzip, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    ),
    upsertOutlet: db.prepare<unknown[], { id: number }>(
      `INSERT INTO outlets (key, name, country, state_affiliated, in_registry) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET
         name = CASE WHEN excluded.in_registry >= outlets.in_registry THEN excluded.name ELSE outlets.name END,
         country = coalesce(outlets.country, excluded.country),
         state_affiliated = max(outlets.state_affiliated, excluded.state_affiliated),
         in_registry = max(outlets.in_registry, excluded.in_registry)
       RETURNING id`,
    ),
    insertArticleOutlet: db.prepare('INSERT INTO article_outlets (article_id, outlet_id, roles) VALUES (?, ?, ?)'),
    insertQuote: db.prepare(
      `INSERT INTO quotes (article_id, version_id, quote_key, kind, speaker_id, speaker_name, speaker_kind, content,
         content_norm, cue, start_offset, end_offset, via_outlet_ids, confidence, shingles)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    ),
    insertShingle: db.prepare('INSERT OR IGNORE INTO quote_shingles (hash, quote_id) VALUES (?, ?)'),
    insertEvidence: db.prepare(
      `INSERT INTO article_evidence (article_id, known, claims, sourced, unsourced, hedged, anonymous_only,
         state_affiliated_outlets, sources_json, techniques_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertClaim: db.prepare(
      'INSERT INTO claims (article_id, claim_key, kind, status, text, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    deleteEvidence: db.prepare('DELETE FROM article_evidence WHERE article_id = ?'),
    deleteClaims: db.prepare('DELETE FROM claims WHERE article_id = ?'),
    insertCitation: db.prepare(
      `INSERT INTO citations (article_id, version_id, citation_key, kind, text, outlet_name, outlet_id, via_outlet_name,
         via_outlet_id, authors_json, title, date, url)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    deleteQuotes: db.prepare('DELETE FROM quotes WHERE article_id = ?'),
    quotesOfArticle: db.prepare<[number], { id: number; content: string }>('SELECT id, content FROM quotes WHERE article_id = ?'),
    deleteShingle: db.prepare('DELETE FROM quote_shingles WHERE hash = ? AND quote_id = ?'),
    deleteCitations: db.prepare('DELETE FROM citations WHERE article_id = ?'),
    deleteArticleOutlets: db.prepare('DELETE FROM article_outlets WHERE article_id = ?'),
    deleteArticleText: db.prepare('DELETE FROM articles_fts WHERE rowid = ?'),
    insertArticleText: db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)'),
  };

  const speakers = createSpeakerLinker(db);

  /**
   * Decides, without writing, what storing `hash` under `identity` would do. `reanalysedBy`: the
   * generator version of a map made by analysing the text again; a current version made by
   * another version of claimtrace is then replaced by a new version.
   */
  function place(identity: string, hash: string, reanalysedBy: string | null = null, bringsEvidence = false): Placement {
    const article = st.articleByIdentity.get(identity);
    if (article) {
      // A stored map without claims (an older claimtrace) is refreshed by a reanalysis that has them.
      const stale = bringsEvidence && article.evidence_known === 0;
      const same = article.content_hash === hash && (reanalysedBy === null || (reanalysedBy === article.generator_version && !stale));
      return same
        ? { kind: 'unchanged', articleId: article.id, version: article.current_version, via: 'identity' }
        : { kind: 'new-version', articleId: article.id, version: article.current_version + 1 };
    }
    const alias = st.aliasByIdentity.get(identity);
    if (alias && alias.content_hash === hash) {
      return { kind: 'unchanged', articleId: alias.article_id, version: currentVersion(alias.article_id), via: 'alias' };
    }
    const copy = st.copyByHash.get(hash);
    if (copy) return { kind: 'unchanged', articleId: copy.article_id, version: copy.current_version, via: 'copy' };
    return { kind: 'new' };
  }

  const currentVersionStmt = db.prepare<[number], { current_version: number }>('SELECT current_version FROM articles WHERE id = ?');
  function currentVersion(articleId: number): number {
    return currentVersionStmt.get(articleId)?.current_version ?? 1;
  }

  /** Records a sighting of stored text; returns the `unchanged` result. */
  function recordUnchanged(p: Extract<Placement, { kind: 'unchanged' }>, identity: string, sourcePath: string, hash: string): PutArticleResult {
    const at = now();
    st.touchArticle.run(at, p.articleId);
    if (p.via === 'alias') st.touchAlias.run(at, identity);
    if (p.via === 'copy') {
      // A text seen under an identity whose alias held older text: the alias now points here.
      st.deleteAlias.run(identity);
      st.insertAlias.run(identity, p.articleId, sourcePath, hash, at, at);
    }
    st.clearFailure.run(sourcePath);
    return { status: 'unchanged', articleId: p.articleId, version: p.version };
  }

  const touchIfUnchanged = db.transaction((ref: ArticleRef): PutArticleResult | null => {
    const identity = articleIdentity(ref.url, ref.sourcePath);
    const p = place(identity, ref.contentHash);
    return p.kind === 'unchanged' ? recordUnchanged(p, identity, ref.sourcePath, ref.contentHash) : null;
  });

  const putArticle = db.transaction((record: PutArticleRecord): PutArticleResult => {
    const map = record.map;
    const sourcePath = record.sourcePath ?? map.source.path;
    const identity = articleIdentity(map.meta.url, sourcePath);
    const hash = contentHash(map.text);
    const p = place(identity, hash, record.reanalysed ? map.generator.version : null, evidenceOfMap(map).known);
    if (p.kind === 'unchanged') return recordUnchanged(p, identity, sourcePath, hash);

    const at = now();
    // An alias whose text changed is an article of its own from now on.
    st.deleteAlias.run(identity);
    const outletIds = upsertOutlets(map);
    const publisherId = publisherOutletId(map, outletIds);
    const fields = [map.meta.title, map.meta.published, map.meta.outlet, publisherId, JSON.stringify(map.meta)] as const;
    let articleId: number;
    let version: number;
    if (p.kind === 'new') {
      articleId = st.insertArticle.get(identity, canonicalUrl(map.meta.url), sourcePath, hash, ...fields, at, at)!.id;
      version = 1;
    } else {
      articleId = p.articleId;
      version = p.version;
      st.updateArticle.run(sourcePath, hash, version, ...fields, at, articleId);
      // quote_shingles has no index by quote: the old quotes' hashes are recomputed to find their rows.
      for (const q of st.quotesOfArticle.all(articleId)) {
        for (const h of new Set(quoteShingles(q.content).map(shingleHash))) st.deleteShingle.run(h, q.id);
      }
      st.deleteQuotes.run(articleId);
      st.deleteCitations.run(articleId);
      st.deleteArticleOutlets.run(articleId);
      st.deleteArticleText.run(articleId);
      st.deleteEvidence.run(articleId);
      st.deleteClaims.run(articleId);
    }
    const versionId = st.insertVersion.get(
      articleId,
      version,
      hash,
      sourcePath,
      map.schemaVersion,
      map.generator.version,
      gzipSync(JSON.stringify(map)),
      at,
    )!.id;
    writeDerivedRows(map, articleId, versionId, outletIds, publisherId);
    writeEvidence(st, map, articleId);
    st.insertArticleText.run(articleId, map.meta.title ?? '', map.text);
    st.clearFailure.run(sourcePath);
    return { status: p.kind === 'new' ? 'inserted' : 'new-version', articleId, version };
  });

  function upsertOutlets(map: ProvenanceMap): Map<string, number> {
    const ids = new Map<string, number>();
    for (const o of map.outlets) {
      const row = st.upsertOutlet.get(o.key, o.name, o.country, o.stateAffiliated ? 1 : 0, o.registry ? 1 : 0)!;
      ids.set(o.id, row.id);
    }
    return ids;
  }

  /** The publishing outlet: the one the map resolved, else the name the page gives. */
  function publisherOutletId(map: ProvenanceMap, outletIds: Map<string, number>): number | null {
    if (map.meta.outletId) return outletIds.get(map.meta.outletId) ?? null;
    const name = map.meta.outlet?.trim();
    const key = name ? normaliseOutletName(name) : '';
    if (!name || !key) return null;
    return st.upsertOutlet.get(key, name, null, 0, 0)!.id;
  }

  function writeDerivedRows(map: ProvenanceMap, articleId: number, versionId: number, outletIds: Map<string, number>, publisherId: number | null): void {
    const roles = new Map<number, Set<string>>();
    for (const o of map.outlets) {
      const id = outletIds.get(o.id);
      if (id !== undefined) roles.set(id, new Set([...(roles.get(id) ?? []), ...o.roles]));
    }
    if (publisherId !== null) roles.set(publisherId, new Set([...(roles.get(publisherId) ?? []), 'publisher']));
    for (const [id, r] of [...roles].sort((a, b) => a[0] - b[0])) st.insertArticleOutlet.run(articleId, id, JSON.stringify([...r].sort()));

    const entities = new Map((map.entities ?? []).map((e) => [e.id, e]));
    for (const q of map.quotes) {
      const s = q.speaker;
      // The analyzer's entity is the article's fullest name for the speaker, with the
      // descriptions tied to it ("Syria's foreign minister"): group by that name.
      const entity = s.entityId && s.kind !== 'anonymous' && s.kind !== 'unknown' ? entities.get(s.entityId) : undefined;
      const named = entity?.name ?? (s.kind !== 'anonymous' && s.kind !== 'unknown' ? s.name : null);
      const descriptions = [...(entity?.descriptions ?? []), ...(s.description ? [s.description] : [])];
      const speakerId = named ? speakers.resolve(named, s.kind, descriptions) : null;
      const content = q.content.map((c) => c.text).join(' … ');
      const shingles = quoteShingles(content);
      const first = q.content[0]!;
      const last = q.content[q.content.length - 1]!;
      const via = q.via.outletIds.map((id) => outletIds.get(id)).filter((id): id is number => id !== undefined);
      const quoteId = st.insertQuote.get(
        articleId,
        versionId,
        q.id,
        q.kind,
        speakerId,
        s.name,
        s.kind,
        content,
        normaliseQuoteContent(content),
        q.cue?.text ?? null,
        first.start,
        last.end,
        JSON.stringify(via),
        q.confidence,
        shingles.length,
      ) as { id: number };
      for (const h of new Set(shingles.map(shingleHash))) st.insertShingle.run(h, quoteId.id);
    }
    for (const c of map.citations) {
      st.insertCitation.run(
        articleId,
        versionId,
        c.id,
        c.kind,
        c.span.text,
        c.outlet,
        c.outletId ? (outletIds.get(c.outletId) ?? null) : null,
        c.via?.outlet ?? null,
        c.via?.outletId ? (outletIds.get(c.via.outletId) ?? null) : null,
        JSON.stringify(c.authors),
        c.title,
        c.date,
        c.url,
      );
    }
  }

  return {
    putArticle: (record: PutArticleRecord) => putArticle.immediate(record),
    touchIfUnchanged: (ref: ArticleRef) => touchIfUnchanged.immediate(ref),
  };
}

/** The article's evidence counts and claims rows (counts unknown for a map without claims). */
export function writeEvidence(
  st: { insertEvidence: Database.Statement; insertClaim: Database.Statement },
  map: ProvenanceMap,
  articleId: number,
): void {
  const e = evidenceOfMap(map);
  st.insertEvidence.run(
    articleId,
    e.known ? 1 : 0,
    e.claims,
    e.sourced,
    e.unsourced,
    e.hedged,
    e.anonymousOnly,
    e.stateAffiliatedOutlets,
    JSON.stringify(e.sourcesByKind),
    JSON.stringify(e.techniques),
  );
  for (const k of claimRowsOfMap(map)) st.insertClaim.run(articleId, k.key, k.kind, k.status, k.text, k.start, k.end);
}
