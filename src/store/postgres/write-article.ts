import { gzipSync } from 'node:zlib';
import type { ProvenanceMap } from '../../contract/schema.js';
import { normaliseOutletName } from '../../registry/normalise-name.js';
import { canonicalUrl } from '../canonical-url.js';
import { contentHash } from '../content-hash.js';
import { claimRowsOfMap, evidenceOfMap } from '../evidence-of-map.js';
import { normaliseQuoteContent } from '../normalise-text.js';
import { quoteShingles, shingleHash } from '../shingle-quote.js';
import { articleIdentity } from '../sqlite/write-article.js';
import type { ArticleRef, PutArticleRecord, PutArticleResult } from '../types.js';
import { createSpeakerLinker } from './link-speakers.js';
import { lockNames, type Query } from './session.js';

type Placement =
  | { readonly kind: 'unchanged'; readonly articleId: number; readonly version: number; readonly via: 'identity' | 'alias' | 'copy' }
  | { readonly kind: 'new-version'; readonly articleId: number; readonly version: number }
  | { readonly kind: 'new' };

/** FNV-1a shingle hash (unsigned 32 bits) as the signed 32-bit integer PostgreSQL stores. */
export const signedShingleHash = (shingle: string): number => shingleHash(shingle) | 0;

interface OutletRow {
  key: string;
  name: string;
  country: string | null;
  stateAffiliated: number;
  inRegistry: number;
}

/**
 * The write side of the PostgreSQL store: the same rules as `../sqlite/write-article.ts`. Each
 * function runs inside the caller's transaction (see session.ts) and first takes advisory locks
 * on the article's identity and content hash, so writers in other processes storing the same
 * article, or the same text under another URL, wait for each other: no duplicate articles, no
 * lost versions. Rows are written a table at a time (multi-row INSERT … SELECT FROM unnest).
 */
export function createArticleWriter(q: Query, now: () => string) {
  const speakers = createSpeakerLinker(q);

  async function place(identity: string, hash: string, reanalysedBy: string | null = null, bringsEvidence = false): Promise<Placement> {
    const [article] = await q<{ id: number; content_hash: string; current_version: number; generator_version: string; evidence_known: number }>(
      `SELECT a.id, a.content_hash, a.current_version, v.generator_version, coalesce(e.known, 0) AS evidence_known
       FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
       LEFT JOIN article_evidence e ON e.article_id = a.id WHERE a.identity = $1`,
      [identity],
    );
    if (article) {
      const stale = bringsEvidence && article.evidence_known === 0;
      const same = article.content_hash === hash && (reanalysedBy === null || (reanalysedBy === article.generator_version && !stale));
      return same
        ? { kind: 'unchanged', articleId: article.id, version: article.current_version, via: 'identity' }
        : { kind: 'new-version', articleId: article.id, version: article.current_version + 1 };
    }
    // The alias of this identity (when it holds this text), else the first version with this text.
    const [other] = await q<{ via: 'alias' | 'copy'; article_id: number; current_version: number }>(
      `SELECT * FROM (
         SELECT 'alias' AS via, al.article_id, a.current_version, 0 AS rank FROM article_aliases al JOIN articles a ON a.id = al.article_id
         WHERE al.identity = $1 AND al.content_hash = $2
         UNION ALL
         (SELECT 'copy', v.article_id, a.current_version, 1 FROM article_versions v JOIN articles a ON a.id = v.article_id
          WHERE v.content_hash = $2 ORDER BY v.id LIMIT 1)
       ) x ORDER BY rank LIMIT 1`,
      [identity, hash],
    );
    if (other) return { kind: 'unchanged', articleId: other.article_id, version: other.current_version, via: other.via };
    return { kind: 'new' };
  }

  async function recordUnchanged(p: Extract<Placement, { kind: 'unchanged' }>, identity: string, sourcePath: string, hash: string): Promise<PutArticleResult> {
    const at = now();
    await q(
      `WITH t AS (UPDATE articles SET last_seen = $1 WHERE id = $2),
            ta AS (UPDATE article_aliases SET last_seen = $1 WHERE $3 = 'alias' AND identity = $4),
            f AS (DELETE FROM failures WHERE source_path = $5)
       INSERT INTO article_aliases (identity, article_id, source_path, content_hash, first_seen, last_seen)
       SELECT $4, $2, $5, $6, $1, $1 WHERE $3 = 'copy'
       ON CONFLICT (identity) DO UPDATE SET article_id = excluded.article_id, source_path = excluded.source_path,
         content_hash = excluded.content_hash, first_seen = excluded.first_seen, last_seen = excluded.last_seen`,
      [at, p.articleId, p.via, identity, sourcePath, hash],
    );
    return { status: 'unchanged', articleId: p.articleId, version: p.version };
  }

  async function touchIfUnchanged(ref: ArticleRef): Promise<PutArticleResult | null> {
    const identity = articleIdentity(ref.url, ref.sourcePath);
    await lockNames(q, [`article:${identity}`, `text:${ref.contentHash}`]);
    const p = await place(identity, ref.contentHash);
    return p.kind === 'unchanged' ? recordUnchanged(p, identity, ref.sourcePath, ref.contentHash) : null;
  }

  async function putArticle(record: PutArticleRecord): Promise<PutArticleResult> {
    const map = record.map;
    const sourcePath = record.sourcePath ?? map.source.path;
    const identity = articleIdentity(map.meta.url, sourcePath);
    const hash = contentHash(map.text);
    // Checked before anything is written, so a bad map costs no round trip.
    checkMap(map);
    await lockNames(q, [`article:${identity}`, `text:${hash}`]);
    const p = await place(identity, hash, record.reanalysed ? map.generator.version : null, evidenceOfMap(map).known);
    if (p.kind === 'unchanged') return recordUnchanged(p, identity, sourcePath, hash);

    const at = now();
    const { outletIds, publisherId } = await upsertOutlets(map);
    const meta = [map.meta.title, map.meta.published, map.meta.outlet, publisherId, JSON.stringify(map.meta)] as const;
    let articleId: number;
    let version: number;
    if (p.kind === 'new') {
      const [row] = await q<{ id: number }>(
        `WITH d AS (DELETE FROM article_aliases WHERE identity = $1)
         INSERT INTO articles (identity, canonical_url, source_path, content_hash, current_version, title, published,
           outlet_name, outlet_id, meta_json, first_seen, last_seen)
         VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
        [identity, canonicalUrl(map.meta.url), sourcePath, hash, ...meta, at],
      );
      articleId = row!.id;
      version = 1;
    } else {
      articleId = p.articleId;
      version = p.version;
      // quote_shingles has no index by quote: the old quotes' hashes are recomputed to find their rows.
      const old = await q<{ id: number; content: string }>('SELECT id, content FROM quotes WHERE article_id = $1', [articleId]);
      const hashes: number[] = [];
      const ids: number[] = [];
      for (const o of old) {
        for (const h of new Set(quoteShingles(o.content).map(signedShingleHash))) {
          hashes.push(h);
          ids.push(o.id);
        }
      }
      await q(
        `WITH u AS (UPDATE articles SET source_path = $2, content_hash = $3, current_version = $4, title = $5, published = $6,
                      outlet_name = $7, outlet_id = $8, meta_json = $9, last_seen = $10 WHERE id = $1),
              sh AS (DELETE FROM quote_shingles WHERE (hash, quote_id) IN (SELECT * FROM unnest($11::integer[], $12::bigint[]))),
              qs AS (DELETE FROM quotes WHERE article_id = $1),
              ci AS (DELETE FROM citations WHERE article_id = $1),
              ao AS (DELETE FROM article_outlets WHERE article_id = $1),
              tx AS (DELETE FROM article_texts WHERE article_id = $1),
              ev AS (DELETE FROM article_evidence WHERE article_id = $1),
              cl AS (DELETE FROM claims WHERE article_id = $1)
         DELETE FROM article_aliases WHERE identity = $13`,
        [articleId, sourcePath, hash, version, ...meta, at, hashes, ids, identity],
      );
    }
    const [v] = await q<{ id: number }>(
      `INSERT INTO article_versions (article_id, version, content_hash, source_path, schema_version, generator_version, map_gzip, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [articleId, version, hash, sourcePath, map.schemaVersion, map.generator.version, gzipSync(JSON.stringify(map)), at],
    );
    await writeDerivedRows(map, articleId, v!.id, outletIds, publisherId);
    await writeEvidence(q, map, articleId);
    await q(
      `WITH f AS (DELETE FROM failures WHERE source_path = $4)
       INSERT INTO article_texts (article_id, title, text) VALUES ($1, $2, $3)`,
      [articleId, map.meta.title ?? '', map.text, sourcePath],
    );
    return { status: p.kind === 'new' ? 'inserted' : 'new-version', articleId, version };
  }

  /**
   * Every outlet of the map and the publisher, in one upsert. The same key twice in one map is
   * folded first as consecutive upserts would fold it (a registry name wins, flags only rise).
   */
  async function upsertOutlets(map: ProvenanceMap): Promise<{ outletIds: Map<string, number>; publisherId: number | null }> {
    const byKey = new Map<string, OutletRow>();
    const add = (o: OutletRow) => {
      const had = byKey.get(o.key);
      byKey.set(o.key, had
        ? {
          key: o.key,
          name: o.inRegistry >= had.inRegistry ? o.name : had.name,
          country: had.country ?? o.country,
          stateAffiliated: Math.max(had.stateAffiliated, o.stateAffiliated),
          inRegistry: Math.max(had.inRegistry, o.inRegistry),
        }
        : o);
    };
    for (const o of map.outlets) add({ key: o.key, name: o.name, country: o.country, stateAffiliated: o.stateAffiliated ? 1 : 0, inRegistry: o.registry ? 1 : 0 });
    let publisherKey: string | null = null;
    if (map.meta.outletId) {
      publisherKey = map.outlets.find((o) => o.id === map.meta.outletId)?.key ?? null;
    } else {
      const name = map.meta.outlet?.trim();
      const key = name ? normaliseOutletName(name) : '';
      if (name && key) {
        add({ key, name, country: null, stateAffiliated: 0, inRegistry: 0 });
        publisherKey = key;
      }
    }
    const rows = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const ids = new Map<string, number>();
    if (rows.length > 0) {
      const got = await q<{ id: number; key: string }>(
        `INSERT INTO outlets (key, name, country, state_affiliated, in_registry)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::smallint[], $5::smallint[])
         ON CONFLICT (key) DO UPDATE SET
           name = CASE WHEN excluded.in_registry >= outlets.in_registry THEN excluded.name ELSE outlets.name END,
           country = coalesce(outlets.country, excluded.country),
           state_affiliated = greatest(outlets.state_affiliated, excluded.state_affiliated),
           in_registry = greatest(outlets.in_registry, excluded.in_registry)
         RETURNING id, key`,
        [rows.map((r) => r.key), rows.map((r) => r.name), rows.map((r) => r.country), rows.map((r) => r.stateAffiliated), rows.map((r) => r.inRegistry)],
      );
      for (const r of got) ids.set(r.key, r.id);
    }
    const outletIds = new Map<string, number>();
    for (const o of map.outlets) outletIds.set(o.id, ids.get(o.key)!);
    return { outletIds, publisherId: publisherKey === null ? null : (ids.get(publisherKey) ?? null) };
  }

  async function writeDerivedRows(map: ProvenanceMap, articleId: number, versionId: number, outletIds: Map<string, number>, publisherId: number | null): Promise<void> {
    const roles = new Map<number, Set<string>>();
    for (const o of map.outlets) {
      const id = outletIds.get(o.id);
      if (id !== undefined) roles.set(id, new Set([...(roles.get(id) ?? []), ...o.roles]));
    }
    if (publisherId !== null) roles.set(publisherId, new Set([...(roles.get(publisherId) ?? []), 'publisher']));
    const outletRows = [...roles].sort((a, b) => a[0] - b[0]);
    if (outletRows.length > 0) {
      await q(
        `INSERT INTO article_outlets (article_id, outlet_id, roles) SELECT $1, * FROM unnest($2::bigint[], $3::text[])`,
        [articleId, outletRows.map(([id]) => id), outletRows.map(([, r]) => JSON.stringify([...r].sort()))],
      );
    }

    // Speakers, in the map's order (linking depends on it), then every quote in one insert.
    const entities = new Map((map.entities ?? []).map((e) => [e.id, e]));
    const wanted = map.quotes.map((quote) => {
      const s = quote.speaker;
      const entity = s.entityId && s.kind !== 'anonymous' && s.kind !== 'unknown' ? entities.get(s.entityId) : undefined;
      const named = entity?.name ?? (s.kind !== 'anonymous' && s.kind !== 'unknown' ? s.name : null);
      const descriptions = [...(entity?.descriptions ?? []), ...(s.description ? [s.description] : [])];
      return named ? { name: named, kind: s.kind, descriptions } : null;
    });
    const speakerIds = await speakers.resolveAll(wanted);

    if (map.quotes.length > 0) {
      const cols = {
        key: [] as string[], kind: [] as string[], speaker: [] as (number | null)[], name: [] as (string | null)[], skind: [] as string[],
        content: [] as string[], norm: [] as string[], cue: [] as (string | null)[], start: [] as number[], end: [] as number[],
        via: [] as string[], confidence: [] as number[], shingles: [] as number[],
      };
      const shinglesOf = new Map<string, number[]>();
      map.quotes.forEach((quote, i) => {
        const content = quote.content.map((c) => c.text).join(' … ');
        const shingles = quoteShingles(content);
        cols.key.push(quote.id);
        cols.kind.push(quote.kind);
        cols.speaker.push(speakerIds[i] ?? null);
        cols.name.push(quote.speaker.name);
        cols.skind.push(quote.speaker.kind);
        cols.content.push(content);
        cols.norm.push(normaliseQuoteContent(content));
        cols.cue.push(quote.cue?.text ?? null);
        cols.start.push(quote.content[0]!.start);
        cols.end.push(quote.content[quote.content.length - 1]!.end);
        cols.via.push(JSON.stringify(quote.via.outletIds.map((id) => outletIds.get(id)).filter((id): id is number => id !== undefined)));
        cols.confidence.push(quote.confidence);
        cols.shingles.push(shingles.length);
        shinglesOf.set(quote.id, [...new Set(shingles.map(signedShingleHash))]);
      });
      const inserted = await q<{ id: number; quote_key: string }>(
        `INSERT INTO quotes (article_id, version_id, quote_key, kind, speaker_id, speaker_name, speaker_kind, content,
           content_norm, cue, start_offset, end_offset, via_outlet_ids, confidence, shingles)
         SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
           $11::integer[], $12::integer[], $13::text[], $14::double precision[], $15::integer[])
         RETURNING id, quote_key`,
        [articleId, versionId, cols.key, cols.kind, cols.speaker, cols.name, cols.skind, cols.content, cols.norm, cols.cue, cols.start, cols.end, cols.via, cols.confidence, cols.shingles],
      );
      const hashes: number[] = [];
      const ids: number[] = [];
      for (const r of inserted) {
        for (const h of shinglesOf.get(r.quote_key) ?? []) {
          hashes.push(h);
          ids.push(r.id);
        }
      }
      if (hashes.length > 0) {
        await q('INSERT INTO quote_shingles (hash, quote_id) SELECT * FROM unnest($1::integer[], $2::bigint[]) ON CONFLICT DO NOTHING', [hashes, ids]);
      }
    }
    if (map.citations.length > 0) {
      const c = map.citations;
      await q(
        `INSERT INTO citations (article_id, version_id, citation_key, kind, text, outlet_name, outlet_id, via_outlet_name,
           via_outlet_id, authors_json, title, date, url)
         SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::bigint[],
           $10::text[], $11::text[], $12::text[], $13::text[])`,
        [
          articleId,
          versionId,
          c.map((x) => x.id),
          c.map((x) => x.kind),
          c.map((x) => x.span.text),
          c.map((x) => x.outlet),
          c.map((x) => (x.outletId ? (outletIds.get(x.outletId) ?? null) : null)),
          c.map((x) => x.via?.outlet ?? null),
          c.map((x) => (x.via?.outletId ? (outletIds.get(x.via.outletId) ?? null) : null)),
          c.map((x) => JSON.stringify(x.authors)),
          c.map((x) => x.title),
          c.map((x) => x.date),
          c.map((x) => x.url),
        ],
      );
    }
  }

  return { putArticle, touchIfUnchanged };
}

/** What SQLite's constraints and NOT NULLs would refuse, found before any write. */
function checkMap(map: ProvenanceMap): void {
  const seen = new Set<string>();
  for (const quote of map.quotes) {
    if (seen.has(quote.id)) throw new RangeError(`two quotes have the id ${quote.id}`);
    seen.add(quote.id);
    if (quote.content.length === 0) throw new RangeError(`quote ${quote.id} has no content`);
  }
  const cited = new Set<string>();
  for (const c of map.citations) {
    if (cited.has(c.id)) throw new RangeError(`two citations have the id ${c.id}`);
    cited.add(c.id);
  }
}

/** The article's evidence counts and claims rows (counts unknown for a map without claims). */
export async function writeEvidence(q: Query, map: ProvenanceMap, articleId: number): Promise<void> {
  const e = evidenceOfMap(map);
  const claims = claimRowsOfMap(map);
  await q(
    `WITH e AS (INSERT INTO article_evidence (article_id, known, claims, sourced, unsourced, hedged, anonymous_only,
         state_affiliated_outlets, sources_json, techniques_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10))
     INSERT INTO claims (article_id, claim_key, kind, status, text, start_offset, end_offset)
     SELECT $1, * FROM unnest($11::text[], $12::text[], $13::text[], $14::text[], $15::integer[], $16::integer[])`,
    [
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
      claims.map((k) => k.key),
      claims.map((k) => k.kind),
      claims.map((k) => k.status),
      claims.map((k) => k.text),
      claims.map((k) => k.start),
      claims.map((k) => k.end),
    ],
  );
}
