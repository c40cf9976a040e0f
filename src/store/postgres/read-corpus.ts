/**
 * The read side of the PostgreSQL store (CLI and library queries): the queries of
 * `../sqlite/read-corpus.ts`, `read-evidence.ts`, `read-quote-trail.ts` and
 * `read-speaker-links.ts`, in PostgreSQL's dialect, with tsvector search in place of FTS5.
 */
import { normaliseOutletName } from '../../registry/normalise-name.js';
import { speakerKey } from '../normalise-text.js';
import {
  ARTICLE_COLUMNS,
  byEdgeKey,
  confirmTrailHits,
  EXPORT_BATCH,
  longestHit,
  MAX_CANDIDATES,
  minShingleShare,
  noSuchQuote,
  pageOf,
  QUOTE_SELECT,
  STATS_SQL,
  toArticleEvidence,
  toFailure,
  toGraphNode,
  toQuoteHit,
  toQuoteTrail,
  toStoredArticle,
  toSummary,
  toUnsourcedByArticle,
  toUnsourcedByOutlet,
  TRAIL_QUOTE_SELECT,
  trailOptions,
  unsourcedBy,
  type ArticleRow,
  type ClaimRow,
  type EvidenceRow,
  type FailureRow,
  type GraphOutletRow,
  type QuoteRow,
  type StoredArticleRow,
  type TrailQuoteRow,
  type UnsourcedArticleRow,
  type UnsourcedOutletRow,
} from '../rows.js';
import { quoteShingles } from '../shingle-quote.js';
import type {
  ArticleEvidence,
  ArticleHit,
  CitationGraph,
  CorpusStats,
  GraphEdge,
  Page,
  QuoteHit,
  QuoteTrail,
  QuoteTrailHit,
  QuoteTrailOptions,
  SpeakerCount,
  SpeakerLinks,
  StoredArticle,
  StoredFailure,
  TopSpeakersOptions,
  UnsourcedCount,
  UnsourcedOptions,
} from '../types.js';
import type { Query } from './session.js';
import { signedShingleHash } from './write-article.js';


/**
 * The words of a search as phrases, as `../sqlite/fts-query.ts` reads them: every word must
 * match, text in double quotes is a phrase, operators are words. Empty: nothing to search.
 */
export function ftsPhrases(input: string): string[] {
  const terms: string[] = [];
  input.split('"').forEach((part, i) => {
    const words = part.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) return;
    if (i % 2 === 1) terms.push(words.join(' '));
    else terms.push(...words);
  });
  return terms;
}

/** A tsquery expression over parameters `$from…`: every phrase must match (phraseto_tsquery ANDed). */
export function tsQuery(phrases: readonly string[], from: number): string {
  return phrases.map((_, i) => `phraseto_tsquery('claimtrace_fts', $${from + i})`).join(' && ');
}

export function createCorpusReader(q: Query) {
  async function quotesWithIds(ids: readonly number[]): Promise<TrailQuoteRow[]> {
    return q(`${TRAIL_QUOTE_SELECT} WHERE q.id = ANY($1::bigint[])`, [ids]);
  }

  async function candidates(text: string, shingles: readonly string[], threshold: number): Promise<number[]> {
    const hashes = [...new Set(shingles.map(signedShingleHash))];
    const minShare = minShingleShare(threshold);
    const rows = await q<{ quote_id: number }>(
      `SELECT c.quote_id FROM (
         SELECT quote_id, count(*) AS shared FROM quote_shingles WHERE hash = ANY($1::integer[]) GROUP BY quote_id
       ) c JOIN quotes q ON q.id = c.quote_id
       WHERE c.shared >= $2::float8 * least($3::integer, q.shingles)
       ORDER BY c.shared DESC, c.quote_id LIMIT ${MAX_CANDIDATES}`,
      [hashes, minShare, shingles.length],
    );
    void text;
    return rows.map((r) => r.quote_id);
  }

  async function confirm(text: string, ids: readonly number[], threshold: number, hits: Map<number, QuoteTrailHit>): Promise<void> {
    if (ids.length === 0) return;
    confirmTrailHits(text, await quotesWithIds(ids), threshold, hits);
  }

  return {
    async stats(): Promise<CorpusStats> {
      const [row] = await q<CorpusStats>(STATS_SQL);
      return { ...row! };
    },

    async searchQuotes(text: string, page?: Page): Promise<QuoteHit[]> {
      const [limit, offset] = pageOf(page);
      const phrases = ftsPhrases(text);
      if (phrases.length === 0) return [];
      const rows = await q<QuoteRow>(
        `${QUOTE_SELECT} CROSS JOIN (SELECT ${tsQuery(phrases, 3)} AS query) x
         WHERE q.tsv @@ x.query ORDER BY ts_rank(q.tsv, x.query) DESC, q.id LIMIT $1 OFFSET $2`,
        [limit, offset, ...phrases],
      );
      return rows.map(toQuoteHit);
    },

    async searchArticles(text: string, page?: Page): Promise<ArticleHit[]> {
      const [limit, offset] = pageOf(page);
      const phrases = ftsPhrases(text);
      if (phrases.length === 0) return [];
      const rows = await q<ArticleRow & { snippet: string }>(
        `SELECT ${ARTICLE_COLUMNS},
           ts_headline('claimtrace_fts', t.text, x.query, 'StartSel=«, StopSel=», MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=…') AS snippet
         FROM (SELECT ${tsQuery(phrases, 3)} AS query) x
         JOIN article_texts t ON t.tsv @@ x.query
         JOIN articles a ON a.id = t.article_id LEFT JOIN outlets po ON po.id = a.outlet_id
         ORDER BY ts_rank(t.tsv, x.query) DESC, a.id LIMIT $1 OFFSET $2`,
        [limit, offset, ...phrases],
      );
      return rows.map((r) => ({ ...toSummary(r), snippet: r.snippet }));
    },

    async topSpeakers(options: TopSpeakersOptions = {}): Promise<SpeakerCount[]> {
      const [limit, offset] = pageOf(options);
      const outlet = options.outlet?.trim();
      if (!outlet) {
        return q<SpeakerCount>(
          `SELECT s.key, s.name, s.kind, c.quotes, c.articles
           FROM (SELECT speaker_id, count(*) AS quotes, count(DISTINCT article_id) AS articles
                 FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id) c
           JOIN speakers s ON s.id = c.speaker_id
           ORDER BY c.quotes DESC, c.articles DESC, s.key LIMIT $1 OFFSET $2`,
          [limit, offset],
        );
      }
      return q<SpeakerCount>(
        `SELECT s.key, s.name, s.kind, count(*) AS quotes, count(DISTINCT q.article_id) AS articles
         FROM quotes q JOIN speakers s ON s.id = q.speaker_id
         WHERE q.article_id IN (
           SELECT id FROM articles WHERE outlet_id IN (SELECT id FROM outlets WHERE key = $1 OR lower(name) = $2)
           UNION SELECT id FROM articles WHERE lower(outlet_name) = $2)
         GROUP BY s.id ORDER BY quotes DESC, articles DESC, s.key LIMIT $3 OFFSET $4`,
        [normaliseOutletName(outlet), outlet.toLowerCase(), limit, offset],
      );
    },

    async speakerQuotes(name: string, page?: Page): Promise<QuoteHit[]> {
      const [limit, offset] = pageOf(page);
      const key = speakerKey(name);
      if (!key) return [];
      const rows = await q<QuoteRow>(
        `${QUOTE_SELECT} WHERE q.speaker_id = coalesce((SELECT speaker_id FROM speaker_aliases WHERE key = $1), (SELECT id FROM speakers WHERE key = $1))
         ORDER BY a.published IS NULL, a.published, a.first_seen, a.id, q.start_offset LIMIT $2 OFFSET $3`,
        [key, limit, offset],
      );
      return rows.map(toQuoteHit);
    },

    async speakerLinks(name: string): Promise<SpeakerLinks | null> {
      const key = speakerKey(name);
      if (!key) return null;
      const [s] = await q<{ id: number; key: string; name: string; kind: string; quotes: number; articles: number; aliases: string[]; descriptions: string[] }>(
        `SELECT s.id, s.key, s.name, s.kind,
           (SELECT count(*) FROM quotes WHERE speaker_id = s.id) AS quotes,
           (SELECT count(DISTINCT article_id) FROM quotes WHERE speaker_id = s.id) AS articles,
           array(SELECT key FROM speaker_aliases WHERE speaker_id = s.id ORDER BY key)::text[] AS aliases,
           array(SELECT description FROM speaker_descriptions WHERE speaker_id = s.id ORDER BY description)::text[] AS descriptions
         FROM speakers s
         WHERE s.id = coalesce((SELECT speaker_id FROM speaker_aliases WHERE key = $1), (SELECT id FROM speakers WHERE key = $1))`,
        [key],
      );
      if (!s) return null;
      return { key: s.key, name: s.name, kind: s.kind, quotes: s.quotes, articles: s.articles, aliases: s.aliases, descriptions: s.descriptions };
    },

    async citationGraph(): Promise<CitationGraph> {
      const edges = await q<GraphEdge>(
        `SELECT pub.key AS "from", cited.key AS "to", 'cites' AS kind, count(*) AS count, count(DISTINCT c.article_id) AS articles
         FROM citations c JOIN articles a ON a.id = c.article_id
         JOIN outlets pub ON pub.id = a.outlet_id JOIN outlets cited ON cited.id = c.outlet_id
         GROUP BY pub.id, cited.id
         UNION ALL
         SELECT cited.key, via.key, 'via', count(*), count(DISTINCT c.article_id)
         FROM citations c JOIN outlets cited ON cited.id = c.outlet_id JOIN outlets via ON via.id = c.via_outlet_id
         GROUP BY cited.id, via.id`,
      );
      edges.sort(byEdgeKey);
      const used = [...new Set(edges.flatMap((e) => [e.from, e.to]))];
      const outlets = await q<GraphOutletRow>(
        'SELECT key, name, state_affiliated, country FROM outlets WHERE key = ANY($1::text[]) ORDER BY key',
        [used],
      );
      return { nodes: outlets.map(toGraphNode), edges };
    },

    async unsourcedClaims(options: UnsourcedOptions = {}): Promise<UnsourcedCount[]> {
      const [limit, offset] = pageOf(options);
      if (unsourcedBy(options) === 'article') {
        const rows = await q<UnsourcedArticleRow>(
          `SELECT ${ARTICLE_COLUMNS}, e.claims, e.unsourced
           FROM article_evidence e JOIN articles a ON a.id = e.article_id LEFT JOIN outlets po ON po.id = a.outlet_id
           WHERE e.known = 1 AND e.unsourced > 0 ORDER BY e.unsourced DESC, e.article_id LIMIT $1 OFFSET $2`,
          [limit, offset],
        );
        return rows.map(toUnsourcedByArticle);
      }
      const rows = await q<UnsourcedOutletRow>(
        `SELECT min(po.key) AS key, coalesce(min(po.name), min(a.outlet_name)) AS name,
           sum(e.claims) AS claims, sum(e.unsourced) AS unsourced, count(*) AS articles
         FROM article_evidence e JOIN articles a ON a.id = e.article_id LEFT JOIN outlets po ON po.id = a.outlet_id
         WHERE e.known = 1
         GROUP BY coalesce(po.key, lower(a.outlet_name))
         HAVING sum(e.unsourced) > 0
         ORDER BY unsourced DESC, claims, name LIMIT $1 OFFSET $2`,
        [limit, offset],
      );
      return rows.map(toUnsourcedByOutlet);
    },

    async articleEvidence(articleId: number): Promise<ArticleEvidence | null> {
      if (!Number.isSafeInteger(articleId)) return null;
      const [e] = await q<EvidenceRow>('SELECT * FROM article_evidence WHERE article_id = $1', [articleId]);
      if (!e) return null;
      const claims = await q<ClaimRow>('SELECT claim_key, kind, status, text FROM claims WHERE article_id = $1 ORDER BY start_offset, id', [articleId]);
      return toArticleEvidence(articleId, e, claims);
    },

    async quoteTrail(quote: string | number, options: QuoteTrailOptions = {}): Promise<QuoteTrail> {
      const { threshold, limit } = trailOptions(options);
      let text: string;
      if (typeof quote === 'number') {
        const [row] = Number.isSafeInteger(quote) ? await q<{ content: string }>('SELECT content FROM quotes WHERE id = $1', [quote]) : [];
        if (!row) throw noSuchQuote(quote);
        text = row.content;
      } else {
        text = quote;
      }
      const shingles = quoteShingles(text);
      if (shingles.length === 0) return { query: text, first: null, later: [] };
      const hits = new Map<number, QuoteTrailHit>();
      await confirm(text, await candidates(text, shingles, threshold), threshold, hits);
      const longest = longestHit(text, hits);
      if (longest) {
        const more = (await candidates(longest.content, quoteShingles(longest.content), threshold)).filter((id) => !hits.has(id));
        await confirm(longest.content, more, threshold, hits);
      }
      return toQuoteTrail(text, hits, limit);
    },

    /** Batches by id so no cursor stays open between items (the consumer may query too). */
    async *exportArticles(): AsyncGenerator<StoredArticle> {
      for (let after = 0; ; ) {
        const rows = await q<StoredArticleRow>(
          `SELECT ${ARTICLE_COLUMNS}, a.content_hash, a.last_seen, v.map_gzip
           FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
           LEFT JOIN outlets po ON po.id = a.outlet_id
           WHERE a.id > $1 ORDER BY a.id LIMIT $2`,
          [after, EXPORT_BATCH],
        );
        if (rows.length === 0) return;
        for (const r of rows) yield toStoredArticle(r);
        after = rows[rows.length - 1]!.article_id;
      }
    },

    async *exportQuotes(): AsyncGenerator<QuoteHit> {
      for (let after = 0; ; ) {
        const rows = await q<QuoteRow>(`${QUOTE_SELECT} WHERE q.id > $1 ORDER BY q.id LIMIT $2`, [after, EXPORT_BATCH]);
        if (rows.length === 0) return;
        yield* rows.map(toQuoteHit);
        after = rows[rows.length - 1]!.quote_id;
      }
    },

    async failures(): Promise<StoredFailure[]> {
      const rows = await q<FailureRow>('SELECT source_path, code, message, at FROM failures ORDER BY source_path');
      return rows.map(toFailure);
    },
  };
}
