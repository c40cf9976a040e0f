import type Database from 'better-sqlite3';
import { normaliseOutletName } from '../../registry/normalise-name.js';
import { speakerKey } from '../normalise-text.js';
import type {
  ArticleHit,
  CitationGraph,
  CorpusStats,
  GraphEdge,
  GraphNode,
  Page,
  QuoteHit,
  SpeakerCount,
  StoredArticle,
  StoredFailure,
  TopSpeakersOptions,
} from '../types.js';
import { toFtsQuery } from './fts-query.js';
import {
  ARTICLE_COLUMNS,
  byEdgeKey,
  EXPORT_BATCH,
  pageOf,
  QUOTE_SELECT,
  STATS_SQL,
  toFailure,
  toGraphNode,
  toQuoteHit,
  toStoredArticle,
  toSummary,
  type ArticleRow,
  type FailureRow,
  type GraphOutletRow,
  type QuoteRow,
  type StoredArticleRow,
} from '../rows.js';

type Db = Database.Database;

/** The read side of the SQLite store: plain queries, no writes. */
export function createCorpusReader(db: Db) {
  const st = {
    stats: db.prepare<[], CorpusStats>(STATS_SQL),
    searchQuotes: db.prepare<[string, number, number], QuoteRow>(
      `${QUOTE_SELECT} JOIN quotes_fts f ON f.rowid = q.id WHERE quotes_fts MATCH ? ORDER BY f.rank, q.id LIMIT ? OFFSET ?`,
    ),
    searchArticles: db.prepare<[string, number, number], ArticleRow & { snippet: string }>(
      `SELECT ${ARTICLE_COLUMNS}, snippet(articles_fts, 1, '«', '»', '…', 16) AS snippet
       FROM articles_fts f JOIN articles a ON a.id = f.rowid LEFT JOIN outlets po ON po.id = a.outlet_id
       WHERE articles_fts MATCH ? ORDER BY f.rank, a.id LIMIT ? OFFSET ?`,
    ),
    // Counted on the covering index (speaker_id, article_id) alone, then named.
    topSpeakers: db.prepare<[number, number], SpeakerCount>(
      `SELECT s.key, s.name, s.kind, c.quotes, c.articles
       FROM (SELECT speaker_id, count(*) AS quotes, count(DISTINCT article_id) AS articles
             FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id) c
       JOIN speakers s ON s.id = c.speaker_id
       ORDER BY c.quotes DESC, c.articles DESC, s.key LIMIT ? OFFSET ?`,
    ),
    topSpeakersOfOutlet: db.prepare<{ key: string; name: string; limit: number; offset: number }, SpeakerCount>(
      // The outlet's articles through indexes (articles_outlet, articles_outlet_name), then their
      // quotes through quotes_article: no scan of every quote (1 s at a million quotes).
      `SELECT s.key, s.name, s.kind, count(*) AS quotes, count(DISTINCT q.article_id) AS articles
       FROM quotes q JOIN speakers s ON s.id = q.speaker_id
       WHERE q.article_id IN (
         SELECT id FROM articles WHERE outlet_id IN (SELECT id FROM outlets WHERE key = :key OR lower(name) = :name)
         UNION SELECT id FROM articles WHERE lower(outlet_name) = :name)
       GROUP BY s.id ORDER BY quotes DESC, articles DESC, s.key LIMIT :limit OFFSET :offset`,
    ),
    // A short form linked to a full name (`speaker_aliases`) finds the full name's quotes.
    speakerQuotes: db.prepare<{ key: string; limit: number; offset: number }, QuoteRow>(
      `${QUOTE_SELECT} WHERE q.speaker_id = coalesce((SELECT speaker_id FROM speaker_aliases WHERE key = :key), (SELECT id FROM speakers WHERE key = :key))
       ORDER BY a.published IS NULL, a.published, a.first_seen, a.id, q.start_offset LIMIT :limit OFFSET :offset`,
    ),
    citeEdges: db.prepare<[], GraphEdge>(
      `SELECT pub.key AS "from", cited.key AS "to", 'cites' AS kind, count(*) AS count, count(DISTINCT c.article_id) AS articles
       FROM citations c JOIN articles a ON a.id = c.article_id
       JOIN outlets pub ON pub.id = a.outlet_id JOIN outlets cited ON cited.id = c.outlet_id
       GROUP BY pub.id, cited.id`,
    ),
    viaEdges: db.prepare<[], GraphEdge>(
      `SELECT cited.key AS "from", via.key AS "to", 'via' AS kind, count(*) AS count, count(DISTINCT c.article_id) AS articles
       FROM citations c JOIN outlets cited ON cited.id = c.outlet_id JOIN outlets via ON via.id = c.via_outlet_id
       GROUP BY cited.id, via.id`,
    ),
    outletsByKey: db.prepare<[], GraphOutletRow>(
      'SELECT key, name, state_affiliated, country FROM outlets ORDER BY key',
    ),
    exportArticles: db.prepare<[number, number], StoredArticleRow>(
      `SELECT ${ARTICLE_COLUMNS}, a.content_hash, a.last_seen, v.map_gzip
       FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
       LEFT JOIN outlets po ON po.id = a.outlet_id
       WHERE a.id > ? ORDER BY a.id LIMIT ?`,
    ),
    exportQuotes: db.prepare<[number, number], QuoteRow>(`${QUOTE_SELECT} WHERE q.id > ? ORDER BY q.id LIMIT ?`),
    failures: db.prepare<[], FailureRow>('SELECT source_path, code, message, at FROM failures ORDER BY source_path'),
  };

  return {
    stats: (): CorpusStats => ({ ...st.stats.get()! }),

    searchQuotes(text: string, page?: Page): QuoteHit[] {
      const [limit, offset] = pageOf(page);
      const match = toFtsQuery(text);
      return match ? st.searchQuotes.all(match, limit, offset).map(toQuoteHit) : [];
    },

    searchArticles(text: string, page?: Page): ArticleHit[] {
      const [limit, offset] = pageOf(page);
      const match = toFtsQuery(text);
      if (!match) return [];
      return st.searchArticles.all(match, limit, offset).map((r) => ({ ...toSummary(r), snippet: r.snippet }));
    },

    topSpeakers(options: TopSpeakersOptions = {}): SpeakerCount[] {
      const [limit, offset] = pageOf(options);
      const outlet = options.outlet?.trim();
      if (!outlet) return st.topSpeakers.all(limit, offset);
      return st.topSpeakersOfOutlet.all({ key: normaliseOutletName(outlet), name: outlet.toLowerCase(), limit, offset });
    },

    speakerQuotes(name: string, page?: Page): QuoteHit[] {
      const [limit, offset] = pageOf(page);
      const key = speakerKey(name);
      return key ? st.speakerQuotes.all({ key, limit, offset }).map(toQuoteHit) : [];
    },

    citationGraph(): CitationGraph {
      const edges = [...st.citeEdges.all(), ...st.viaEdges.all()].sort(byEdgeKey);
      const used = new Set(edges.flatMap((e) => [e.from, e.to]));
      const nodes: GraphNode[] = st.outletsByKey
        .all()
        .filter((o) => used.has(o.key))
        .map(toGraphNode);
      return { nodes, edges };
    },

    /** Batches by id so no statement stays open between items (the consumer may query too). */
    async *exportArticles(): AsyncGenerator<StoredArticle> {
      for (let after = 0; ; ) {
        const rows = st.exportArticles.all(after, EXPORT_BATCH);
        if (rows.length === 0) return;
        for (const r of rows) yield toStoredArticle(r);
        after = rows[rows.length - 1]!.article_id;
      }
    },

    async *exportQuotes(): AsyncGenerator<QuoteHit> {
      for (let after = 0; ; ) {
        const rows = st.exportQuotes.all(after, EXPORT_BATCH);
        if (rows.length === 0) return;
        yield* rows.map(toQuoteHit);
        after = rows[rows.length - 1]!.quote_id;
      }
    },

    failures: (): StoredFailure[] => st.failures.all().map(toFailure),
  };
}
