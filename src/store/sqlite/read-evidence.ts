import type Database from 'better-sqlite3';
import type { ArticleEvidence, UnsourcedCount, UnsourcedOptions } from '../types.js';
import {
  ARTICLE_COLUMNS,
  pageOf,
  toArticleEvidence,
  toUnsourcedByArticle,
  toUnsourcedByOutlet,
  unsourcedBy,
  type ClaimRow,
  type EvidenceRow,
  type UnsourcedArticleRow,
  type UnsourcedOutletRow,
} from '../rows.js';

/**
 * Evidence queries. Articles whose stored map predates claims (`known = 0`) are left out of the
 * rankings: their counts are unknown, not zero, until `ingest --reanalyze` refreshes them.
 */
export function createEvidenceReader(db: Database.Database) {
  const st = {
    // Walks the (unsourced DESC, article_id) index: the top n without sorting every article.
    byArticle: db.prepare<[number, number], UnsourcedArticleRow>(
      `SELECT ${ARTICLE_COLUMNS}, e.claims, e.unsourced
       FROM article_evidence e JOIN articles a ON a.id = e.article_id LEFT JOIN outlets po ON po.id = a.outlet_id
       WHERE e.known = 1 AND e.unsourced > 0 ORDER BY e.unsourced DESC, e.article_id LIMIT ? OFFSET ?`,
    ),
    byOutlet: db.prepare<[number, number], UnsourcedOutletRow>(
      `SELECT po.key AS key, coalesce(po.name, min(a.outlet_name)) AS name,
         sum(e.claims) AS claims, sum(e.unsourced) AS unsourced, count(*) AS articles
       FROM article_evidence e JOIN articles a ON a.id = e.article_id LEFT JOIN outlets po ON po.id = a.outlet_id
       WHERE e.known = 1
       GROUP BY coalesce(po.key, lower(a.outlet_name))
       HAVING sum(e.unsourced) > 0
       ORDER BY unsourced DESC, claims, name LIMIT ? OFFSET ?`,
    ),
    evidence: db.prepare<[number], EvidenceRow>('SELECT * FROM article_evidence WHERE article_id = ?'),
    claims: db.prepare<[number], ClaimRow>(
      'SELECT claim_key, kind, status, text FROM claims WHERE article_id = ? ORDER BY start_offset, id',
    ),
  };

  return {
    unsourcedClaims(options: UnsourcedOptions = {}): UnsourcedCount[] {
      const [limit, offset] = pageOf(options);
      return unsourcedBy(options) === 'article' ? st.byArticle.all(limit, offset).map(toUnsourcedByArticle) : st.byOutlet.all(limit, offset).map(toUnsourcedByOutlet);
    },

    articleEvidence(articleId: number): ArticleEvidence | null {
      const e = st.evidence.get(articleId);
      return e ? toArticleEvidence(articleId, e, st.claims.all(articleId)) : null;
    },
  };
}
