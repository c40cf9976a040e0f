/**
 * The row shapes and column lists shared by the store's read sides (read-corpus.ts for the CLI and
 * the library, web-reads.ts for `claimtrace serve`), and their mapping to the public types.
 */
import type { ArticleSummary, Page, QuoteHit } from '../types.js';

export const DEFAULT_LIMIT = 20;

export const ARTICLE_COLUMNS = `a.id AS article_id, a.current_version, a.canonical_url, a.source_path, a.title,
  coalesce(po.name, a.outlet_name) AS outlet, a.published, a.first_seen`;

export const QUOTE_SELECT = `SELECT q.id AS quote_id, q.quote_key, q.kind, q.content, q.cue, q.speaker_name, q.speaker_kind,
  s.key AS speaker_key, ${ARTICLE_COLUMNS}
  FROM quotes q
  JOIN articles a ON a.id = q.article_id
  LEFT JOIN outlets po ON po.id = a.outlet_id
  LEFT JOIN speakers s ON s.id = q.speaker_id`;

export interface ArticleRow {
  article_id: number;
  current_version: number;
  canonical_url: string | null;
  source_path: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  first_seen: string;
}

export interface QuoteRow extends ArticleRow {
  quote_id: number;
  quote_key: string;
  kind: QuoteHit['kind'];
  content: string;
  cue: string | null;
  speaker_name: string | null;
  speaker_kind: string;
  speaker_key: string | null;
}

export function toSummary(r: ArticleRow): ArticleSummary {
  return {
    articleId: r.article_id,
    version: r.current_version,
    url: r.canonical_url,
    sourcePath: r.source_path,
    title: r.title,
    outlet: r.outlet,
    published: r.published,
    firstSeen: r.first_seen,
  };
}

export function toQuoteHit(r: QuoteRow): QuoteHit {
  return {
    quoteId: r.quote_id,
    quoteKey: r.quote_key,
    kind: r.kind,
    content: r.content,
    cue: r.cue,
    speaker: { name: r.speaker_name, kind: r.speaker_kind, key: r.speaker_key },
    article: toSummary(r),
  };
}

/** `[limit, offset]` of a page, checked; `maxLimit` caps what one request may ask for. */
export function pageOf(page: Page | undefined, maxLimit = Number.MAX_SAFE_INTEGER): [number, number] {
  const limit = page?.limit ?? DEFAULT_LIMIT;
  const offset = page?.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || limit > maxLimit) {
    throw new TypeError(maxLimit === Number.MAX_SAFE_INTEGER ? `Expected \`limit\` to be a non-negative integer, not \`${limit}\`` : `Expected \`limit\` to be a whole number from 0 to ${maxLimit}, not \`${limit}\``);
  }
  if (!Number.isInteger(offset) || offset < 0) throw new TypeError(`Expected \`offset\` to be a non-negative integer, not \`${offset}\``);
  return [limit, offset];
}
