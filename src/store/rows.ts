/**
 * What both backends' read sides share (sqlite/ and postgres/: read-corpus, web-reads, evidence,
 * quote trails): the row shapes and column lists, their mapping to the public types, the checks of
 * pages and arguments, and the limits. Only the SQL that differs between the dialects stays per backend.
 */
import { gunzipSync } from 'node:zlib';
import type { ProvenanceMap } from '../contract/schema.js';
import { quoteSimilarity, SAME_QUOTE_THRESHOLD } from './shingle-quote.js';
import type {
  ArticleEvidence,
  ArticleSummary,
  GraphEdge,
  GraphNode,
  OutletLink,
  OutletMatch,
  OutletProfile,
  Page,
  QuoteHit,
  QuoteTrail,
  QuoteTrailHit,
  QuoteTrailOptions,
  StoredArticle,
  StoredFailure,
  UnsourcedCount,
  UnsourcedOptions,
} from './types.js';

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

/** Rows per batch of `exportArticles` and `exportQuotes`. */
export const EXPORT_BATCH = 200;

/** The corpus counts of `stats()` (the quoted alias keeps its case in both dialects). */
export const STATS_SQL = `SELECT
  (SELECT count(*) FROM articles) AS articles,
  (SELECT count(*) FROM article_versions) AS versions,
  (SELECT count(*) FROM quotes) AS quotes,
  (SELECT count(DISTINCT speaker_id) FROM quotes) AS speakers,
  (SELECT count(*) FROM citations) AS citations,
  (SELECT count(DISTINCT outlet_id) FROM article_outlets) AS outlets,
  (SELECT count(*) FROM failures) AS failures,
  (SELECT count(*) FROM claims) AS claims,
  (SELECT count(*) FROM claims WHERE status = 'unsourced') AS "unsourcedClaims"`;

export const unzipMap = (gzip: Buffer): ProvenanceMap => JSON.parse(gunzipSync(gzip).toString('utf8')) as ProvenanceMap;

/** An article's row with its current version's map, as `getArticle` and `exportArticles` read it. */
export type StoredArticleRow = ArticleRow & { content_hash: string; last_seen: string; map_gzip: Buffer };

export function toStoredArticle(r: StoredArticleRow): StoredArticle {
  return { ...toSummary(r), contentHash: r.content_hash, lastSeen: r.last_seen, map: unzipMap(r.map_gzip) };
}

export type FailureRow = { source_path: string; code: string; message: string; at: string };

export const toFailure = (r: FailureRow): StoredFailure => ({ sourcePath: r.source_path, code: r.code, message: r.message, at: r.at });

// ---- evidence (unsourcedClaims, articleEvidence)

const share = (unsourced: number, claims: number) => (claims > 0 ? Math.round((unsourced / claims) * 1000) / 1000 : 0);

/** `by` of an `unsourcedClaims` call, checked. */
export function unsourcedBy(options: UnsourcedOptions): 'article' | 'outlet' {
  const by = options.by ?? 'article';
  if (by !== 'article' && by !== 'outlet') throw new TypeError(`Expected \`by\` to be 'article' or 'outlet', not \`${String(by)}\``);
  return by;
}

export type UnsourcedArticleRow = ArticleRow & { claims: number; unsourced: number };
export type UnsourcedOutletRow = { key: string | null; name: string | null; claims: number; unsourced: number; articles: number };

export function toUnsourcedByArticle(r: UnsourcedArticleRow): UnsourcedCount {
  return { by: 'article', article: toSummary(r), outlet: null, claims: r.claims, unsourced: r.unsourced, share: share(r.unsourced, r.claims), articles: 1 };
}

export function toUnsourcedByOutlet(r: UnsourcedOutletRow): UnsourcedCount {
  return { by: 'outlet', article: null, outlet: { key: r.key, name: r.name ?? '(no outlet)' }, claims: r.claims, unsourced: r.unsourced, share: share(r.unsourced, r.claims), articles: r.articles };
}

export interface EvidenceRow {
  known: number; claims: number; sourced: number; unsourced: number; hedged: number; anonymous_only: number;
  state_affiliated_outlets: number; sources_json: string; techniques_json: string;
}
export type ClaimRow = { claim_key: string; kind: string; status: 'sourced' | 'unsourced'; text: string };

export function toArticleEvidence(articleId: number, e: EvidenceRow, claims: readonly ClaimRow[]): ArticleEvidence {
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
    claimRows: claims.map((k) => ({ key: k.claim_key, kind: k.kind, status: k.status, text: k.text })),
  };
}

// ---- quote trails

const DEFAULT_TRAIL_LIMIT = 200;
/** Candidates checked at most: a quotation repeated more often than this is cut to its best matches. */
export const MAX_CANDIDATES = 5000;

/** The quote rows of a trail: QUOTE_SELECT with the speaker's canonical name. */
export const TRAIL_QUOTE_SELECT = QUOTE_SELECT.replace('s.key AS speaker_key,', 's.key AS speaker_key, s.name AS canonical_name,');
export type TrailQuoteRow = QuoteRow & { canonical_name: string | null };

/** `threshold` and `limit` of a `quoteTrail` call, checked. */
export function trailOptions(options: QuoteTrailOptions): { threshold: number; limit: number } {
  const threshold = options.threshold ?? SAME_QUOTE_THRESHOLD;
  const limit = options.limit ?? DEFAULT_TRAIL_LIMIT;
  if (!(threshold > 0 && threshold <= 1)) throw new TypeError(`Expected \`threshold\` above 0 and at most 1, not \`${threshold}\``);
  if (!Number.isInteger(limit) || limit < 1) throw new TypeError(`Expected \`limit\` to be a positive integer, not \`${limit}\``);
  return { threshold, limit };
}

/** shared ≥ minShare × the smaller shingle count: the least overlap that can still reach `threshold`. */
export const minShingleShare = (threshold: number) => Math.max(0, 2 * threshold - 1); // similarity ≤ (shingle share + 1) / 2

export function noSuchQuote(id: number): RangeError {
  return new RangeError(`Expected the id of a stored quote, not \`${id}\` (no quote has it; \`query search --format json\` shows quote ids)`);
}

/** Adds the candidate rows as alike as `threshold` to `text` to `hits`, with the similarity to `text`. */
export function confirmTrailHits(text: string, rows: readonly TrailQuoteRow[], threshold: number, hits: Map<number, QuoteTrailHit>): void {
  for (const r of rows) {
    const similarity = quoteSimilarity(text, r.content);
    if (similarity < threshold) continue;
    hits.set(r.quote_id, {
      ...toQuoteHit(r),
      similarity: Math.round(similarity * 1000) / 1000,
      date: r.published ?? r.first_seen,
      dateSource: r.published ? 'published' : 'first-seen',
      speakerName: r.canonical_name ?? r.speaker_name,
    });
  }
}

/** The longest quote found, when it is longer than `text`: the one hop a trail takes through it. */
export function longestHit(text: string, hits: Map<number, QuoteTrailHit>): QuoteTrailHit | undefined {
  const longest = [...hits.values()].sort((a, b) => b.content.length - a.content.length)[0];
  return longest && longest.content.length > text.length ? longest : undefined;
}

/** The trail of `text`: its hits by date (then article and quote), the first apart, at most `limit`. */
export function toQuoteTrail(text: string, hits: Map<number, QuoteTrailHit>, limit: number): QuoteTrail {
  if (hits.size === 0) return { query: text, first: null, later: [] };
  const sorted = [...hits.values()];
  sorted.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.article.articleId - b.article.articleId || a.quoteId - b.quoteId));
  const [first, ...later] = sorted.slice(0, limit);
  return { query: text, first: first ?? null, later };
}

// ---- the web app's reads

/** Rows one web request may ask for at most. */
const WEB_MAX_LIMIT = 500;
/** Name matches ranked by a search over speakers or outlets (see `searchSpeakers`). */
export const SEARCH_CANDIDATES = 1000;

/** A page of at most WEB_MAX_LIMIT rows: the web app never asks one query for more. */
export const webPageOf = (page: Page | undefined) => pageOf(page, WEB_MAX_LIMIT);

export function checkId(id: number, name: string): void {
  if (!Number.isSafeInteger(id)) throw new TypeError(`Expected \`${name}\` to be an integer, not \`${id}\``);
}

/** `%words%` for LIKE, with LIKE's own wildcards taken literally (`50%` finds `50%`). */
export function likePattern(text: string): string | null {
  const words = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return words === '' ? null : `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type OutletMatchRow = { key: string; name: string; state_affiliated: number; published: number };
export const toOutletMatch = (r: OutletMatchRow): OutletMatch => ({ key: r.key, name: r.name, stateAffiliated: r.state_affiliated === 1, published: r.published });

export type OutletRow = { key: string; name: string; country: string | null; state_affiliated: number; in_registry: number };
export function toOutletProfile(o: OutletRow, counts: { published: number; mentioned_in: number }): OutletProfile {
  return {
    key: o.key,
    name: o.name,
    country: o.country,
    stateAffiliated: o.state_affiliated === 1,
    inRegistry: o.in_registry === 1,
    published: counts.published,
    mentionedIn: counts.mentioned_in,
  };
}

export type SpeakerOutletRow = { key: string | null; name: string | null; quotes: number };
export const toSpeakerOutlet = (r: SpeakerOutletRow) => ({ key: r.key, name: r.name ?? 'no known outlet', quotes: r.quotes });

export function checkDirection(direction: 'cites' | 'cited-by'): void {
  if (direction !== 'cites' && direction !== 'cited-by') throw new TypeError(`Expected \`direction\` to be 'cites' or 'cited-by', not \`${String(direction)}\``);
}

export type OutletLinkRow = { key: string; name: string; state_affiliated: number; count: number; articles: number };
export const toOutletLink = (r: OutletLinkRow): OutletLink => ({ key: r.key, name: r.name, stateAffiliated: r.state_affiliated === 1, count: r.count, articles: r.articles });

// ---- the citation graph

export type GraphOutletRow = { key: string; name: string; state_affiliated: number; country: string | null };
export const toGraphNode = (o: GraphOutletRow): GraphNode => ({ id: o.key, name: o.name, stateAffiliated: o.state_affiliated === 1, country: o.country });
/** The graph's edges in order: by source, target, then kind. */
export const byEdgeKey = (a: GraphEdge, b: GraphEdge) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.kind.localeCompare(b.kind);
