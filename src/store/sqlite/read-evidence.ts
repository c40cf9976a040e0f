import type Database from 'better-sqlite3';
import type { ArticleEvidence, UnsourcedCount, UnsourcedOptions } from '../types.js';
import { ARTICLE_COLUMNS, pageOf, toSummary, type ArticleRow } from './rows.js';

const share = (unsourced: number, claims: number) => (claims > 0 ? Math.round((unsourced / claims) * 1000) / 1000 : 0);

/**
 * Evidence queries. Articles whose stored map predates claims (`known = 0`) are left out of the
 * rankings: their counts are unknown, not zero, until `ingest --reanalyze` refreshes them.
 */
export function createEvidenceReader(db: Database.Database) {
  const st = {
    // Walks the (unsourced DESC, article_id) index: the top n without sorting every article.
    byArticle: db.prepare<[number, number], ArticleRow & { claims: number; unsourced: number }>(
      `SELECT ${ARTICLE_COLUMNS}, e.claims, e.unsourced
       FROM article_evidence e JOIN articles a ON a.id = e.article_id LEFT JOIN outlets po ON po.id = a.outlet_id
       WHERE e.known = 1 AND e.unsourced > 0 ORDER BY e.unsourced DESC, e.article_id LIMIT ? OFFSET ?`,
    ),
    byOutlet: db.prepare<[number, number], { key: string | null; name: string | null; claims: number; unsourced: number; articles: number }>(
      `SELECT po.key AS key, coalesce(po.name, min(a.outlet_name)) AS name,
         sum(e.claims) AS claims, sum(e.unsourced) AS unsourced, count(*) AS articles
       FROM article_evidence e JOIN articles a ON a.id = e.article_id LEFT JOIN outlets po ON po.id = a.outlet_id
       WHERE e.known = 1
       GROUP BY coalesce(po.key, lower(a.outlet_name))
       HAVING sum(e.unsourced) > 0
       ORDER BY unsourced DESC, claims, name LIMIT ? OFFSET ?`,
    ),
    evidence: db.prepare<[number], {
      known: number; claims: number; sourced: number; unsourced: number; hedged: number; anonymous_only: number;
      state_affiliated_outlets: number; sources_json: string; techniques_json: string;
    }>('SELECT * FROM article_evidence WHERE article_id = ?'),
    claims: db.prepare<[number], { claim_key: string; kind: string; status: 'sourced' | 'unsourced'; text: string }>(
      'SELECT claim_key, kind, status, text FROM claims WHERE article_id = ? ORDER BY start_offset, id',
    ),
  };

  return {
    unsourcedClaims(options: UnsourcedOptions = {}): UnsourcedCount[] {
      const [limit, offset] = pageOf(options);
      const by = options.by ?? 'article';
      if (by !== 'article' && by !== 'outlet') throw new TypeError(`Expected \`by\` to be 'article' or 'outlet', not \`${String(by)}\``);
      if (by === 'article') {
        return st.byArticle.all(limit, offset).map((r) => ({
          by, article: toSummary(r), outlet: null, claims: r.claims, unsourced: r.unsourced, share: share(r.unsourced, r.claims), articles: 1,
        }));
      }
      return st.byOutlet.all(limit, offset).map((r) => ({
        by, article: null, outlet: { key: r.key, name: r.name ?? '(no outlet)' }, claims: r.claims, unsourced: r.unsourced, share: share(r.unsourced, r.claims), articles: r.articles,
      }));
    },

    articleEvidence(articleId: number): ArticleEvidence | null {
      const e = st.evidence.get(articleId);
      if (!e) return null;
      return {
        articleId,
        known: e.known === 1,
        claims: e.claims,
        sourced: e.sourced,
        unsourced: e.unsourced,
        hedged: e.hedged,
        anonymousOnly: e.anonymous_only,
        stateAffiliatedOutlets: e.state_affiliated_outlets,
        sourcesByKind: JSON.parse(e.sources_json) as Record<string, number>,
        techniques: JSON.parse(e.techniques_json) as { technique: string; count: number }[],
        claimRows: st.claims.all(articleId).map((k) => ({ key: k.claim_key, kind: k.kind, status: k.status, text: k.text })),
      };
    },
  };
}
