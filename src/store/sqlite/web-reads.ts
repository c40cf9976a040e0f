/**
 * The reads the local web app needs (`claimtrace serve`): one article or quote by id, a
 * speaker's and an outlet's profile, name search over speakers and outlets. Plain queries, no
 * writes; every list takes a limit and offset, and every query runs on an index or a bounded
 * aggregate, so a page stays fast on a large corpus.
 */
import type Database from 'better-sqlite3';
import type { ArticleSummary, OutletLink, OutletMatch, OutletProfile, Page, QuoteHit, SpeakerCount, SpeakerProfile, StoredArticle, WebReads } from '../types.js';
import { ARTICLE_COLUMNS, checkDirection, checkId, likePattern, QUOTE_SELECT, SEARCH_CANDIDATES, webPageOf as pageOf } from '../rows.js';
import { toOutletLink, toOutletMatch, toOutletProfile, toQuoteHit, toSpeakerOutlet, toStoredArticle, toSummary } from '../rows.js';
import type { ArticleRow, OutletLinkRow, OutletMatchRow, OutletRow, QuoteRow, SpeakerOutletRow, StoredArticleRow } from '../rows.js';

type Db = Database.Database;
type Sync<T> = { [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never };

// A month for every quote: the published date when it reads as one, else first seen.
const MONTH_OF = `CASE WHEN a.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN substr(a.published, 1, 7) ELSE substr(a.first_seen, 1, 7) END`;

/** The web app's reads over one open SQLite corpus. */
export function createWebReader(db: Db): Sync<WebReads> {
  const st = {
    getArticle: db.prepare<[number], StoredArticleRow>(
      `SELECT ${ARTICLE_COLUMNS}, a.content_hash, a.last_seen, v.map_gzip
       FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
       LEFT JOIN outlets po ON po.id = a.outlet_id WHERE a.id = ?`,
    ),
    recentArticles: db.prepare<[number, number], ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a LEFT JOIN outlets po ON po.id = a.outlet_id ORDER BY a.id DESC LIMIT ? OFFSET ?`,
    ),
    getQuote: db.prepare<[number], QuoteRow>(`${QUOTE_SELECT} WHERE q.id = ?`),
    articleQuotes: db.prepare<[number, number, number], QuoteRow>(`${QUOTE_SELECT} WHERE q.article_id = ? ORDER BY q.start_offset, q.id LIMIT ? OFFSET ?`),
    speaker: db.prepare<[string], { id: number; key: string; name: string; kind: string }>('SELECT id, key, name, kind FROM speakers WHERE key = ?'),
    speakerCounts: db.prepare<[number], { quotes: number; articles: number }>(
      'SELECT count(*) AS quotes, count(DISTINCT article_id) AS articles FROM quotes WHERE speaker_id = ?',
    ),
    speakerByOutlet: db.prepare<[number], SpeakerOutletRow>(
      `SELECT po.key, coalesce(po.name, a.outlet_name) AS name, count(*) AS quotes
       FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN outlets po ON po.id = a.outlet_id
       WHERE q.speaker_id = ? GROUP BY po.key, coalesce(po.name, a.outlet_name) ORDER BY quotes DESC, name LIMIT 25`,
    ),
    speakerByMonth: db.prepare<[number], { month: string; quotes: number }>(
      `SELECT month, quotes FROM (SELECT ${MONTH_OF} AS month, count(*) AS quotes
         FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = ? GROUP BY month ORDER BY month DESC LIMIT 120)
       ORDER BY month`,
    ),
    speakerQuotesByKey: db.prepare<[string, number, number], QuoteRow>(
      `${QUOTE_SELECT} WHERE s.key = ?
       ORDER BY a.published IS NULL, a.published, a.first_seen, a.id, q.start_offset LIMIT ? OFFSET ?`,
    ),
    // Counting quotes for every speaker a short word matches would grow with the corpus: rank
    // the first SEARCH_CANDIDATES matches only (by key), so a search costs the same on any size.
    searchSpeakers: db.prepare<[string, string, number, number, number], SpeakerCount>(
      `SELECT s.key, s.name, s.kind,
         (SELECT count(*) FROM quotes WHERE speaker_id = s.id) AS quotes,
         (SELECT count(DISTINCT article_id) FROM quotes WHERE speaker_id = s.id) AS articles
       FROM (SELECT id FROM speakers WHERE (key LIKE ? ESCAPE '\\' OR lower(name) LIKE ? ESCAPE '\\')
               AND EXISTS (SELECT 1 FROM quotes WHERE speaker_id = speakers.id) ORDER BY key LIMIT ?) m
       JOIN speakers s ON s.id = m.id
       ORDER BY quotes DESC, s.key LIMIT ? OFFSET ?`,
    ),
    searchOutlets: db.prepare<[string, string, number, number, number], OutletMatchRow>(
      `SELECT o.key, o.name, o.state_affiliated, (SELECT count(*) FROM articles WHERE outlet_id = o.id) AS published
       FROM (SELECT id FROM outlets WHERE key LIKE ? ESCAPE '\\' OR lower(name) LIKE ? ESCAPE '\\' ORDER BY key LIMIT ?) m
       JOIN outlets o ON o.id = m.id
       ORDER BY published DESC, o.key LIMIT ? OFFSET ?`,
    ),
    outlet: db.prepare<[string], OutletRow & { id: number }>(
      'SELECT id, key, name, country, state_affiliated, in_registry FROM outlets WHERE key = ?',
    ),
    outletCounts: db.prepare<[number, number], { published: number; mentioned_in: number }>(
      `SELECT (SELECT count(*) FROM articles WHERE outlet_id = ?) AS published,
              (SELECT count(*) FROM article_outlets WHERE outlet_id = ?) AS mentioned_in`,
    ),
    outletArticles: db.prepare<[string, number, number], ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN outlets po ON po.id = a.outlet_id
       WHERE po.key = ? ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?`,
    ),
    outletCites: db.prepare<[string, number, number], OutletLinkRow>(
      `SELECT cited.key, cited.name, cited.state_affiliated, count(*) AS count, count(DISTINCT c.article_id) AS articles
       FROM outlets pub JOIN articles a ON a.outlet_id = pub.id JOIN citations c ON c.article_id = a.id
       JOIN outlets cited ON cited.id = c.outlet_id
       WHERE pub.key = ? GROUP BY cited.id ORDER BY count DESC, cited.key LIMIT ? OFFSET ?`,
    ),
    outletCitedBy: db.prepare<[string, number, number], OutletLinkRow>(
      `SELECT pub.key, pub.name, pub.state_affiliated, count(*) AS count, count(DISTINCT c.article_id) AS articles
       FROM outlets cited JOIN citations c ON c.outlet_id = cited.id JOIN articles a ON a.id = c.article_id
       JOIN outlets pub ON pub.id = a.outlet_id
       WHERE cited.key = ? GROUP BY pub.id ORDER BY count DESC, pub.key LIMIT ? OFFSET ?`,
    ),
  };

  return {
    getArticle(articleId: number): StoredArticle | null {
      checkId(articleId, 'articleId');
      const r = st.getArticle.get(articleId);
      return r ? toStoredArticle(r) : null;
    },

    recentArticles(page?: Page): ArticleSummary[] {
      return st.recentArticles.all(...pageOf(page)).map(toSummary);
    },

    getQuote(quoteId: number): QuoteHit | null {
      checkId(quoteId, 'quoteId');
      const r = st.getQuote.get(quoteId);
      return r ? toQuoteHit(r) : null;
    },

    articleQuotes(articleId: number, page?: Page): QuoteHit[] {
      checkId(articleId, 'articleId');
      return st.articleQuotes.all(articleId, ...pageOf(page)).map(toQuoteHit);
    },

    speakerProfile(key: string): SpeakerProfile | null {
      const s = st.speaker.get(key);
      if (!s) return null;
      const counts = st.speakerCounts.get(s.id)!;
      return {
        key: s.key,
        name: s.name,
        kind: s.kind,
        quotes: counts.quotes,
        articles: counts.articles,
        byOutlet: st.speakerByOutlet.all(s.id).map(toSpeakerOutlet),
        byMonth: st.speakerByMonth.all(s.id),
      };
    },

    speakerQuotesByKey(key: string, page?: Page): QuoteHit[] {
      return st.speakerQuotesByKey.all(key, ...pageOf(page)).map(toQuoteHit);
    },

    searchSpeakers(text: string, page?: Page): SpeakerCount[] {
      const [limit, offset] = pageOf(page);
      const like = likePattern(text);
      return like ? st.searchSpeakers.all(like, like, SEARCH_CANDIDATES, limit, offset) : [];
    },

    searchOutlets(text: string, page?: Page): OutletMatch[] {
      const [limit, offset] = pageOf(page);
      const like = likePattern(text);
      if (!like) return [];
      return st.searchOutlets.all(like, like, SEARCH_CANDIDATES, limit, offset).map(toOutletMatch);
    },

    outletProfile(key: string): OutletProfile | null {
      const o = st.outlet.get(key);
      if (!o) return null;
      return toOutletProfile(o, st.outletCounts.get(o.id, o.id)!);
    },

    outletArticles(key: string, page?: Page): ArticleSummary[] {
      return st.outletArticles.all(key, ...pageOf(page)).map(toSummary);
    },

    outletLinks(key: string, direction: 'cites' | 'cited-by', page?: Page): OutletLink[] {
      checkDirection(direction);
      return (direction === 'cites' ? st.outletCites : st.outletCitedBy).all(key, ...pageOf(page)).map(toOutletLink);
    },
  };
}

