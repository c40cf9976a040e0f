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
import { createSpeakerLinker, type WantedSpeaker } from './link-speakers.js';
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
    // One round trip: the article with this identity, else the alias of this identity holding
    // this text, else the first version with this text (a copy).
    const [row] = await q<{ via: 'identity' | 'alias' | 'copy'; article_id: number; content_hash: string | null; current_version: number; generator_version: string | null; evidence_known: number | null }>(
      `SELECT 'identity' AS via, a.id AS article_id, a.content_hash::text, a.current_version, v.generator_version::text,
         coalesce(e.known, 0)::integer AS evidence_known, 0 AS rank
       FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
       LEFT JOIN article_evidence e ON e.article_id = a.id WHERE a.identity = $1
       UNION ALL
       SELECT 'alias', al.article_id, NULL, a.current_version, NULL, NULL, 1 FROM article_aliases al JOIN articles a ON a.id = al.article_id
       WHERE al.identity = $1 AND al.content_hash = $2
       UNION ALL
       (SELECT 'copy', v.article_id, NULL, a.current_version, NULL, NULL, 2 FROM article_versions v JOIN articles a ON a.id = v.article_id
        WHERE v.content_hash = $2 ORDER BY v.id LIMIT 1)
       ORDER BY rank LIMIT 1`,
      [identity, hash],
    );
    if (!row) return { kind: 'new' };
    if (row.via !== 'identity') return { kind: 'unchanged', articleId: row.article_id, version: row.current_version, via: row.via };
    const stale = bringsEvidence && row.evidence_known === 0;
    const same = row.content_hash === hash && (reanalysedBy === null || (reanalysedBy === row.generator_version && !stale));
    return same
      ? { kind: 'unchanged', articleId: row.article_id, version: row.current_version, via: 'identity' }
      : { kind: 'new-version', articleId: row.article_id, version: row.current_version + 1 };
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

  /**
   * Whether `ref` may be stored already, read without locks: false means it is new (the usual
   * answer in a first ingest), so the caller analyses it without opening a transaction; a text
   * stored meanwhile by another writer is then found by `putArticle`, under its locks.
   */
  async function mayBeUnchanged(ref: ArticleRef): Promise<boolean> {
    return (await place(articleIdentity(ref.url, ref.sourcePath), ref.contentHash)).kind === 'unchanged';
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
    const wanted = wantedSpeakers(map);
    // One round trip: this article's identity and text exclusively, its people's surnames shared
    // (a writer that links a new name to them takes that surname exclusively).
    await lockNames(q, [`article:${identity}`, `text:${hash}`], speakers.surnameLocks(wanted));
    const p = await place(identity, hash, record.reanalysed ? map.generator.version : null, evidenceOfMap(map).known);
    if (p.kind === 'unchanged') return recordUnchanged(p, identity, sourcePath, hash);

    const at = now();
    const speakerKeys = speakers.keysOf(wanted);
    const { outletIds, publisherId, found } = await upsertOutlets(map, speakerKeys);
    const speakerIds = await speakers.resolveAll(wanted, found);
    const meta = [map.meta.title, map.meta.published, map.meta.outlet, publisherId, JSON.stringify(map.meta)] as const;
    const version = p.kind === 'new' ? 1 : p.version;
    if (p.kind === 'new-version') {
      // quote_shingles has no index by quote: the old quotes' hashes are recomputed to find their rows.
      const old = await q<{ id: number; content: string }>('SELECT id, content FROM quotes WHERE article_id = $1', [p.articleId]);
      const hashes: number[] = [];
      const ids: number[] = [];
      for (const o of old) {
        for (const h of new Set(quoteShingles(o.content).map(signedShingleHash))) {
          hashes.push(h);
          ids.push(o.id);
        }
      }
      await q(
        `WITH sh AS (DELETE FROM quote_shingles WHERE (hash, quote_id) IN (SELECT * FROM unnest($2::integer[], $3::bigint[]))),
              qs AS (DELETE FROM quotes WHERE article_id = $1),
              ci AS (DELETE FROM citations WHERE article_id = $1),
              ao AS (DELETE FROM article_outlets WHERE article_id = $1),
              tx AS (DELETE FROM article_texts WHERE article_id = $1),
              ev AS (DELETE FROM article_evidence WHERE article_id = $1)
         DELETE FROM claims WHERE article_id = $1`,
        [p.articleId, hashes, ids],
      );
    }

    // Everything else in one statement: the article row, its version, outlets, quotes and their
    // shingles, citations, evidence, claims, text, and the failure cleared.
    const v = values();
    const art = p.kind === 'new'
      ? `DELETE FROM article_aliases WHERE identity = ${v(identity)}),
         art AS (INSERT INTO articles (identity, canonical_url, source_path, content_hash, current_version, title, published,
           outlet_name, outlet_id, meta_json, first_seen, last_seen)
           VALUES (${v(identity)}, ${v(canonicalUrl(map.meta.url))}, ${v(sourcePath)}, ${v(hash)}, 1, ${v(meta[0])}, ${v(meta[1])}, ${v(meta[2])},
             ${v(meta[3])}::bigint, ${v(meta[4])}, ${v(at)}, ${v(at)}) RETURNING id)`
      : `DELETE FROM article_aliases WHERE identity = ${v(identity)}),
         art AS (UPDATE articles SET source_path = ${v(sourcePath)}, content_hash = ${v(hash)}, current_version = ${v(version)}::integer,
           title = ${v(meta[0])}, published = ${v(meta[1])}, outlet_name = ${v(meta[2])}, outlet_id = ${v(meta[3])}::bigint,
           meta_json = ${v(meta[4])}, last_seen = ${v(at)} WHERE id = ${v(p.articleId)}::bigint RETURNING id)`;

    const roles = new Map<number, Set<string>>();
    for (const o of map.outlets) {
      const id = outletIds.get(o.id);
      if (id !== undefined) roles.set(id, new Set([...(roles.get(id) ?? []), ...o.roles]));
    }
    if (publisherId !== null) roles.set(publisherId, new Set([...(roles.get(publisherId) ?? []), 'publisher']));
    const outletRows = [...roles].sort((x, y) => x[0] - y[0]);

    const quotes = map.quotes.map((quote, i) => {
      const content = quote.content.map((c) => c.text).join(' … ');
      const shingles = quoteShingles(content);
      return {
        key: quote.id, kind: quote.kind, speaker: speakerIds[i] ?? null, name: quote.speaker.name, skind: quote.speaker.kind, content,
        norm: normaliseQuoteContent(content), cue: quote.cue?.text ?? null, start: quote.content[0]!.start, end: quote.content[quote.content.length - 1]!.end,
        via: JSON.stringify(quote.via.outletIds.map((id) => outletIds.get(id)).filter((id): id is number => id !== undefined)),
        confidence: quote.confidence, shingles: shingles.length, hashes: [...new Set(shingles.map(signedShingleHash))],
      };
    });
    const shingleKeys = quotes.flatMap((x) => x.hashes.map(() => x.key));
    const shingleHashes = quotes.flatMap((x) => x.hashes);
    const c = map.citations;
    const e = evidenceOfMap(map);
    const claims = claimRowsOfMap(map);

    const [row] = await q<{ id: number }>(
      `WITH d AS (${art},
       ver AS (INSERT INTO article_versions (article_id, version, content_hash, source_path, schema_version, generator_version, map_gzip, created_at)
         SELECT id, ${v(version)}::integer, ${v(hash)}, ${v(sourcePath)}, ${v(map.schemaVersion)}, ${v(map.generator.version)}, ${v(gzipSync(JSON.stringify(map)))}::bytea, ${v(at)}
         FROM art RETURNING id, article_id),
       ao AS (INSERT INTO article_outlets (article_id, outlet_id, roles)
         SELECT art.id, u.o, u.r FROM art, unnest(${v(outletRows.map(([id]) => id))}::bigint[], ${v(outletRows.map(([, r]) => JSON.stringify([...r].sort())))}::text[]) AS u(o, r)),
       qs AS (INSERT INTO quotes (article_id, version_id, quote_key, kind, speaker_id, speaker_name, speaker_kind, content,
           content_norm, cue, start_offset, end_offset, via_outlet_ids, confidence, shingles)
         SELECT ver.article_id, ver.id, u.* FROM ver, unnest(${v(col(quotes, 'key'))}::text[], ${v(col(quotes, 'kind'))}::text[], ${v(col(quotes, 'speaker'))}::bigint[],
           ${v(col(quotes, 'name'))}::text[], ${v(col(quotes, 'skind'))}::text[], ${v(col(quotes, 'content'))}::text[], ${v(col(quotes, 'norm'))}::text[],
           ${v(col(quotes, 'cue'))}::text[], ${v(col(quotes, 'start'))}::integer[], ${v(col(quotes, 'end'))}::integer[], ${v(col(quotes, 'via'))}::text[],
           ${v(col(quotes, 'confidence'))}::double precision[], ${v(col(quotes, 'shingles'))}::integer[]) AS u
         RETURNING id, quote_key),
       sh AS (INSERT INTO quote_shingles (hash, quote_id)
         SELECT u.h, qs.id FROM unnest(${v(shingleKeys)}::text[], ${v(shingleHashes)}::integer[]) AS u(k, h) JOIN qs ON qs.quote_key = u.k
         ON CONFLICT DO NOTHING),
       ci AS (INSERT INTO citations (article_id, version_id, citation_key, kind, text, outlet_name, outlet_id, via_outlet_name,
           via_outlet_id, authors_json, title, date, url)
         SELECT ver.article_id, ver.id, u.* FROM ver, unnest(${v(c.map((x) => x.id))}::text[], ${v(c.map((x) => x.kind))}::text[], ${v(c.map((x) => x.span.text))}::text[],
           ${v(c.map((x) => x.outlet))}::text[], ${v(c.map((x) => (x.outletId ? (outletIds.get(x.outletId) ?? null) : null)))}::bigint[],
           ${v(c.map((x) => x.via?.outlet ?? null))}::text[], ${v(c.map((x) => (x.via?.outletId ? (outletIds.get(x.via.outletId) ?? null) : null)))}::bigint[],
           ${v(c.map((x) => JSON.stringify(x.authors)))}::text[], ${v(c.map((x) => x.title))}::text[], ${v(c.map((x) => x.date))}::text[], ${v(c.map((x) => x.url))}::text[]) AS u),
       ev AS (INSERT INTO article_evidence (article_id, known, claims, sourced, unsourced, hedged, anonymous_only,
           state_affiliated_outlets, sources_json, techniques_json)
         SELECT id, ${v(e.known ? 1 : 0)}::smallint, ${v(e.claims)}::integer, ${v(e.sourced)}::integer, ${v(e.unsourced)}::integer, ${v(e.hedged)}::integer,
           ${v(e.anonymousOnly)}::integer, ${v(e.stateAffiliatedOutlets)}::integer, ${v(JSON.stringify(e.sourcesByKind))}, ${v(JSON.stringify(e.techniques))} FROM art),
       cl AS (INSERT INTO claims (article_id, claim_key, kind, status, text, start_offset, end_offset)
         SELECT art.id, u.* FROM art, unnest(${v(col(claims, 'key'))}::text[], ${v(col(claims, 'kind'))}::text[], ${v(col(claims, 'status'))}::text[],
           ${v(col(claims, 'text'))}::text[], ${v(col(claims, 'start'))}::integer[], ${v(col(claims, 'end'))}::integer[]) AS u),
       tx AS (INSERT INTO article_texts (article_id, title, text) SELECT id, ${v(map.meta.title ?? '')}, ${v(map.text)} FROM art),
       f AS (DELETE FROM failures WHERE source_path = ${v(sourcePath)})
       SELECT id FROM art`,
      v.params,
    );
    return { status: p.kind === 'new' ? 'inserted' : 'new-version', articleId: row!.id, version };
  }

  /**
   * Every outlet of the map and the publisher. New ones are inserted; a stored one is updated
   * only when this map adds to it (a registry name, a country, a flag), so writers sharing
   * common outlets do not queue on their rows. The same key twice in one map is folded first as
   * consecutive upserts would fold it (a registry name wins, flags only rise).
   */
  async function upsertOutlets(map: ProvenanceMap, speakerKeys: readonly string[]): Promise<{ outletIds: Map<string, number>; publisherId: number | null; found: Map<string, number> }> {
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
    // The speakers' ids ride along (the caller holds their surname locks): one round trip for both.
    const found = new Map<string, number>();
    let lookUp: readonly string[] = speakerKeys;
    // A key another writer inserts meanwhile is not in this statement's snapshot: asked again.
    for (let pending = rows, first = true; first || pending.length > 0; pending = pending.filter((r) => !ids.has(r.key)), first = false) {
      const got = await q<{ t: 'o' | 's'; id: number | null; key: string }>(
        `WITH src AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::smallint[], $5::smallint[]) AS s(key, name, country, sa, reg)),
         ins AS (INSERT INTO outlets (key, name, country, state_affiliated, in_registry) SELECT * FROM src
           ON CONFLICT (key) DO NOTHING RETURNING id, key),
         upd AS (UPDATE outlets o SET
             name = CASE WHEN s.reg >= o.in_registry THEN s.name ELSE o.name END,
             country = coalesce(o.country, s.country),
             state_affiliated = greatest(o.state_affiliated, s.sa),
             in_registry = greatest(o.in_registry, s.reg)
           FROM src s WHERE o.key = s.key AND (
             (s.reg >= o.in_registry AND s.name <> o.name) OR (o.country IS NULL AND s.country IS NOT NULL)
             OR s.sa > o.state_affiliated OR s.reg > o.in_registry)
           RETURNING o.id, o.key)
         SELECT 'o' AS t, id, key::text FROM ins UNION SELECT 'o', id, key FROM upd UNION SELECT 'o', id, key FROM outlets WHERE key IN (SELECT key FROM src)
         UNION ALL
         SELECT 's', coalesce(a.speaker_id, s.id), k.key FROM unnest($6::text[]) AS k(key)
           LEFT JOIN speaker_aliases a ON a.key = k.key LEFT JOIN speakers s ON s.key = k.key`,
        [col(pending, 'key'), col(pending, 'name'), col(pending, 'country'), col(pending, 'stateAffiliated'), col(pending, 'inRegistry'), lookUp],
      );
      lookUp = [];
      for (const r of got) {
        if (r.id === null) continue;
        if (r.t === 'o') ids.set(r.key, r.id);
        else found.set(r.key, r.id);
      }
    }
    const outletIds = new Map<string, number>();
    for (const o of map.outlets) outletIds.set(o.id, ids.get(o.key)!);
    return { outletIds, publisherId: publisherKey === null ? null : (ids.get(publisherKey) ?? null), found };
  }

  return { putArticle, touchIfUnchanged, mayBeUnchanged };
}

const col = <T, K extends keyof T>(rows: readonly T[], k: K): T[K][] => rows.map((r) => r[k]);

/** Numbered parameters for one statement: `v(x)` adds x and returns its `$n`. */
function values(): ((value: unknown) => string) & { params: unknown[] } {
  const params: unknown[] = [];
  const v = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  return Object.assign(v, { params });
}

/** The named speaker of each quote (the analyzer's entity name when it has one), or null. */
function wantedSpeakers(map: ProvenanceMap): (WantedSpeaker | null)[] {
  const entities = new Map((map.entities ?? []).map((e) => [e.id, e]));
  return map.quotes.map((quote) => {
    const s = quote.speaker;
    const entity = s.entityId && s.kind !== 'anonymous' && s.kind !== 'unknown' ? entities.get(s.entityId) : undefined;
    const named = entity?.name ?? (s.kind !== 'anonymous' && s.kind !== 'unknown' ? s.name : null);
    const descriptions = [...(entity?.descriptions ?? []), ...(s.description ? [s.description] : [])];
    return named ? { name: named, kind: s.kind, descriptions } : null;
  });
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
