/**
 * The reads the local web app needs (`claimtrace serve`), over PostgreSQL: the queries of
 * `../sqlite/web-reads.ts` in PostgreSQL's dialect. Every list is paged (at most 500 rows).
 */
import type { ArticleSummary, OutletLink, OutletMatch, OutletProfile, Page, QuoteHit, SpeakerCount, SpeakerProfile, StoredArticle, WebReads } from '../types.js';
import { ARTICLE_COLUMNS, checkDirection, checkId, likePattern, QUOTE_SELECT, SEARCH_CANDIDATES, webPageOf as pageOf } from '../rows.js';
import { toOutletLink, toOutletMatch, toOutletProfile, toQuoteHit, toSpeakerOutlet, toStoredArticle, toSummary } from '../rows.js';
import type { ArticleRow, OutletLinkRow, OutletMatchRow, OutletRow, QuoteRow, SpeakerOutletRow, StoredArticleRow } from '../rows.js';
import type { Query } from './session.js';

// A month for every quote: the published date when it reads as one, else first seen.
const MONTH_OF = `CASE WHEN a.published ~ '^[0-9]{4}-[0-9]{2}' THEN substr(a.published, 1, 7) ELSE substr(a.first_seen, 1, 7) END`;

export function createWebReader(q: Query): WebReads {
  return {
    async getArticle(articleId: number): Promise<StoredArticle | null> {
      checkId(articleId, 'articleId');
      const [r] = await q<StoredArticleRow>(
        `SELECT ${ARTICLE_COLUMNS}, a.content_hash, a.last_seen, v.map_gzip
         FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
         LEFT JOIN outlets po ON po.id = a.outlet_id WHERE a.id = $1`,
        [articleId],
      );
      return r ? toStoredArticle(r) : null;
    },

    async recentArticles(page?: Page): Promise<ArticleSummary[]> {
      const rows = await q<ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles a LEFT JOIN outlets po ON po.id = a.outlet_id ORDER BY a.id DESC LIMIT $1 OFFSET $2`,
        pageOf(page),
      );
      return rows.map(toSummary);
    },

    async getQuote(quoteId: number): Promise<QuoteHit | null> {
      checkId(quoteId, 'quoteId');
      const [r] = await q<QuoteRow>(`${QUOTE_SELECT} WHERE q.id = $1`, [quoteId]);
      return r ? toQuoteHit(r) : null;
    },

    async articleQuotes(articleId: number, page?: Page): Promise<QuoteHit[]> {
      checkId(articleId, 'articleId');
      const rows = await q<QuoteRow>(`${QUOTE_SELECT} WHERE q.article_id = $1 ORDER BY q.start_offset, q.id LIMIT $2 OFFSET $3`, [articleId, ...pageOf(page)]);
      return rows.map(toQuoteHit);
    },

    async speakerProfile(key: string): Promise<SpeakerProfile | null> {
      const [s] = await q<{ id: number; key: string; name: string; kind: string; quotes: number; articles: number }>(
        `SELECT s.id, s.key, s.name, s.kind,
           (SELECT count(*) FROM quotes WHERE speaker_id = s.id) AS quotes,
           (SELECT count(DISTINCT article_id) FROM quotes WHERE speaker_id = s.id) AS articles
         FROM speakers s WHERE s.key = $1`,
        [key],
      );
      if (!s) return null;
      const byOutlet = await q<SpeakerOutletRow>(
        `SELECT po.key, coalesce(po.name, a.outlet_name) AS name, count(*) AS quotes
         FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN outlets po ON po.id = a.outlet_id
         WHERE q.speaker_id = $1 GROUP BY po.key, coalesce(po.name, a.outlet_name) ORDER BY quotes DESC, name LIMIT 25`,
        [s.id],
      );
      const byMonth = await q<{ month: string; quotes: number }>(
        `SELECT month, quotes FROM (SELECT ${MONTH_OF} AS month, count(*) AS quotes
           FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = $1 GROUP BY 1 ORDER BY 1 DESC LIMIT 120) m
         ORDER BY month`,
        [s.id],
      );
      return {
        key: s.key,
        name: s.name,
        kind: s.kind,
        quotes: s.quotes,
        articles: s.articles,
        byOutlet: byOutlet.map(toSpeakerOutlet),
        byMonth,
      };
    },

    async speakerQuotesByKey(key: string, page?: Page): Promise<QuoteHit[]> {
      const rows = await q<QuoteRow>(
        `${QUOTE_SELECT} WHERE s.key = $1
         ORDER BY a.published IS NULL, a.published, a.first_seen, a.id, q.start_offset LIMIT $2 OFFSET $3`,
        [key, ...pageOf(page)],
      );
      return rows.map(toQuoteHit);
    },

    async searchSpeakers(text: string, page?: Page): Promise<SpeakerCount[]> {
      const [limit, offset] = pageOf(page);
      const like = likePattern(text);
      if (!like) return [];
      return q<SpeakerCount>(
        `SELECT s.key, s.name, s.kind,
           (SELECT count(*) FROM quotes WHERE speaker_id = s.id) AS quotes,
           (SELECT count(DISTINCT article_id) FROM quotes WHERE speaker_id = s.id) AS articles
         FROM (SELECT id FROM speakers WHERE (key LIKE $1 ESCAPE '\\' OR lower(name) LIKE $1 ESCAPE '\\')
                 AND EXISTS (SELECT 1 FROM quotes WHERE speaker_id = speakers.id) ORDER BY key LIMIT $2) m
         JOIN speakers s ON s.id = m.id
         ORDER BY quotes DESC, s.key LIMIT $3 OFFSET $4`,
        [like, SEARCH_CANDIDATES, limit, offset],
      );
    },

    async searchOutlets(text: string, page?: Page): Promise<OutletMatch[]> {
      const [limit, offset] = pageOf(page);
      const like = likePattern(text);
      if (!like) return [];
      const rows = await q<OutletMatchRow>(
        `SELECT o.key, o.name, o.state_affiliated, (SELECT count(*) FROM articles WHERE outlet_id = o.id) AS published
         FROM (SELECT id FROM outlets WHERE key LIKE $1 ESCAPE '\\' OR lower(name) LIKE $1 ESCAPE '\\' ORDER BY key LIMIT $2) m
         JOIN outlets o ON o.id = m.id
         ORDER BY published DESC, o.key LIMIT $3 OFFSET $4`,
        [like, SEARCH_CANDIDATES, limit, offset],
      );
      return rows.map(toOutletMatch);
    },

    async outletProfile(key: string): Promise<OutletProfile | null> {
      const [o] = await q<OutletRow & { published: number; mentioned_in: number }>(
        `SELECT o.key, o.name, o.country, o.state_affiliated, o.in_registry,
           (SELECT count(*) FROM articles WHERE outlet_id = o.id) AS published,
           (SELECT count(*) FROM article_outlets WHERE outlet_id = o.id) AS mentioned_in
         FROM outlets o WHERE o.key = $1`,
        [key],
      );
      return o ? toOutletProfile(o, o) : null;
    },

    async outletArticles(key: string, page?: Page): Promise<ArticleSummary[]> {
      const rows = await q<ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN outlets po ON po.id = a.outlet_id
         WHERE po.key = $1 ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT $2 OFFSET $3`,
        [key, ...pageOf(page)],
      );
      return rows.map(toSummary);
    },

    async outletLinks(key: string, direction: 'cites' | 'cited-by', page?: Page): Promise<OutletLink[]> {
      checkDirection(direction);
      const sql = direction === 'cites'
        ? `SELECT cited.key, cited.name, cited.state_affiliated, count(*) AS count, count(DISTINCT c.article_id) AS articles
           FROM outlets pub JOIN articles a ON a.outlet_id = pub.id JOIN citations c ON c.article_id = a.id
           JOIN outlets cited ON cited.id = c.outlet_id
           WHERE pub.key = $1 GROUP BY cited.id ORDER BY count DESC, cited.key LIMIT $2 OFFSET $3`
        : `SELECT pub.key, pub.name, pub.state_affiliated, count(*) AS count, count(DISTINCT c.article_id) AS articles
           FROM outlets cited JOIN citations c ON c.outlet_id = cited.id JOIN articles a ON a.id = c.article_id
           JOIN outlets pub ON pub.id = a.outlet_id
           WHERE cited.key = $1 GROUP BY pub.id ORDER BY count DESC, pub.key LIMIT $2 OFFSET $3`;
      const rows = await q<OutletLinkRow>(sql, [key, ...pageOf(page)]);
      return rows.map(toOutletLink);
    },
  };
}
