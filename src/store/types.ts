import type { EvidenceCounts } from './evidence-of-map.js';
/**
 * The corpus store: where provenance maps of many articles are kept and queried.
 *
 * `CorpusStore` is the one seam between analysis and a database. The SQLite backend
 * (`./sqlite/`) and the PostgreSQL backend (`./postgres/`) implement it; analysis and ingest
 * code sees nothing else. Every method returns a Promise so a network database fits, even
 * though SQLite answers synchronously.
 *
 * Identity of an article: its canonical URL when the map has one (`meta.url`), otherwise the
 * path it was read from. Its content is the SHA-256 of `text` (UTF-8). Derived rows (quotes,
 * citations, speakers, outlets) always describe the *current* version of each article; older
 * versions keep their full provenance map.
 */
import type { ProvenanceMap } from '../contract/schema.js';

export interface PutArticleRecord {
  readonly map: ProvenanceMap;
  /** Where the article was read from; defaults to `map.source.path`. */
  readonly sourcePath?: string;
  /**
   * The map comes from analysing a stored text again (`ingest --reanalyze`): when the current
   * version has this very text but was made by another claimtrace version, the map is stored
   * as a `new-version`. Without it, the same text is always `unchanged`.
   */
  readonly reanalysed?: boolean;
}

export type PutArticleStatus = 'inserted' | 'unchanged' | 'new-version';

export interface PutArticleResult {
  /**
   * `inserted`: a new article. `new-version`: the same URL (or path) with different text; the
   * new version is now current and the older one is kept. `unchanged`: this text is already
   * stored, under this identity or (a copy) under another one.
   */
  readonly status: PutArticleStatus;
  readonly articleId: number;
  /** The article's current version, from 1. */
  readonly version: number;
}

/** What is known about an input before it is analysed: enough to skip unchanged ones. */
export interface ArticleRef {
  readonly url: string | null;
  readonly sourcePath: string;
  /** `contentHash(text)`: SHA-256 of the text, lower-case hex. */
  readonly contentHash: string;
}

export interface CorpusStats {
  readonly articles: number;
  readonly versions: number;
  readonly quotes: number;
  /** Named speakers with at least one quote in a current version. */
  readonly speakers: number;
  readonly citations: number;
  /** Outlets mentioned, cited or publishing in at least one current version. */
  readonly outlets: number;
  /** Inputs whose last attempt failed (one row per path). */
  readonly failures: number;
  /** Claims in current versions (articles stored before claims existed count none). */
  readonly claims: number;
  /** Of those, claims with no quote, reference or named source behind them. */
  readonly unsourcedClaims: number;
}

export interface Page {
  readonly limit?: number;
  readonly offset?: number;
}

export interface ArticleSummary {
  readonly articleId: number;
  readonly version: number;
  readonly url: string | null;
  readonly sourcePath: string;
  readonly title: string | null;
  /** The publishing outlet: its registry name when known, else as the page names it. */
  readonly outlet: string | null;
  readonly published: string | null;
  readonly firstSeen: string;
}

export interface QuoteHit {
  readonly quoteId: number;
  /** The quote's id inside its provenance map (`q3`). */
  readonly quoteKey: string;
  readonly kind: 'direct' | 'mixed' | 'indirect';
  readonly content: string;
  readonly cue: string | null;
  readonly speaker: { readonly name: string | null; readonly kind: string; readonly key: string | null };
  readonly article: ArticleSummary;
}

export interface ArticleHit extends ArticleSummary {
  /** The matching passage with the matched words in «guillemets». */
  readonly snippet: string;
}

export interface SpeakerCount {
  readonly key: string;
  readonly name: string;
  readonly kind: string;
  readonly quotes: number;
  readonly articles: number;
}

/** A speaker as grouped across articles: the other forms linked to it and what articles call it. */
export interface SpeakerLinks extends SpeakerCount {
  /** Keys of shorter forms linked to this speaker (`al muallem`, `muallem`). */
  readonly aliases: readonly string[];
  /** Descriptions the articles tie to the speaker ("Syria's foreign minister"). */
  readonly descriptions: readonly string[];
}

export interface TopSpeakersOptions extends Page {
  /** Only articles published by this outlet (registry key or name, any case). */
  readonly outlet?: string;
}

export interface GraphNode {
  /** The outlet key (registry key, or a normalised name). */
  readonly id: string;
  readonly name: string;
  readonly stateAffiliated: boolean;
  readonly country: string | null;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** `cites`: an article of `from` cites `to`. `via`: `from`, as cited, relied on `to`. */
  readonly kind: 'cites' | 'via';
  /** Citations behind the edge. */
  readonly count: number;
  /** Distinct articles behind the edge. */
  readonly articles: number;
}

export interface CitationGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export interface UnsourcedOptions extends Page {
  /** Rank articles (default) or the outlets publishing them. */
  readonly by?: 'article' | 'outlet';
}

/** Claims of one article, or of all articles of one outlet, with no support found in the text. */
export interface UnsourcedCount {
  /** `article`: `article` is set. `outlet`: `outlet` (its key and name) is set. */
  readonly by: 'article' | 'outlet';
  readonly article: ArticleSummary | null;
  readonly outlet: { readonly key: string | null; readonly name: string } | null;
  readonly claims: number;
  readonly unsourced: number;
  /** unsourced / claims (0 when there are no claims). */
  readonly share: number;
  /** Articles counted (1 for an article). */
  readonly articles: number;
}

/** The article-level evidence counts kept for each current version. */
export interface ArticleEvidence extends EvidenceCounts {
  readonly articleId: number;
  readonly claimRows: readonly { readonly key: string; readonly kind: string; readonly status: 'sourced' | 'unsourced'; readonly text: string }[];
}

export interface QuoteTrailHit extends QuoteHit {
  /**
   * How alike this quote is to the one asked about, 0–1 (`quoteSimilarity`); for a quote found
   * through the longest match (a partial quote's original), how alike it is to that original.
   */
  readonly similarity: number;
  /** The article's published date, else when the store first saw it. */
  readonly date: string;
  readonly dateSource: 'published' | 'first-seen';
  /** The speaker as grouped across articles (`Walid al-Muallem` for a quote under `al-Muallem`). */
  readonly speakerName: string | null;
}

export interface QuoteTrail {
  /** The quotation looked for (a quote id resolves to its content). */
  readonly query: string;
  /** The earliest appearance, or null when no stored quote matches. */
  readonly first: QuoteTrailHit | null;
  /** Every later appearance, oldest first. */
  readonly later: readonly QuoteTrailHit[];
}

export interface QuoteTrailOptions {
  /** Lowest similarity counted as the same quotation (default 0.8). */
  readonly threshold?: number;
  /** At most this many appearances (default 200). */
  readonly limit?: number;
}

export interface StoredArticle extends ArticleSummary {
  readonly contentHash: string;
  readonly lastSeen: string;
  readonly map: ProvenanceMap;
}

export interface StoredFailure {
  readonly sourcePath: string;
  readonly code: string;
  readonly message: string;
  readonly at: string;
}

export interface CorpusStore extends WebReads {
  /** Stores one analysed article in one transaction: all of it or nothing. */
  putArticle(record: PutArticleRecord): Promise<PutArticleResult>;
  /**
   * When this text is already stored under this identity (or elsewhere), records the sighting
   * and returns the `unchanged` result, so the caller can skip the analysis; otherwise null.
   */
  touchIfUnchanged(ref: ArticleRef): Promise<PutArticleResult | null>;
  /**
   * Runs `write` with the writes it makes committed together, once it resolves (rolled back
   * if it throws). Each `putArticle` inside stays all-or-nothing on its own; a crash loses the
   * uncommitted batch whole, which a rerun stores again. Nested calls join the outer batch.
   */
  withBatch<T>(write: () => Promise<T>): Promise<T>;
  /** Records that an input could not be read or analysed; one row per path, the last wins. */
  recordFailure(sourcePath: string, code: string, message: string): Promise<void>;
  stats(): Promise<CorpusStats>;
  /** Full-text search over quote content (and speaker names), best match first. */
  searchQuotes(text: string, page?: Page): Promise<QuoteHit[]>;
  /** Full-text search over article titles and text, best match first. */
  searchArticles(text: string, page?: Page): Promise<ArticleHit[]>;
  topSpeakers(options?: TopSpeakersOptions): Promise<SpeakerCount[]>;
  /** The quotes of one speaker (name in any case or spelling that normalises alike), oldest first. */
  speakerQuotes(name: string, page?: Page): Promise<QuoteHit[]>;
  /** The speaker a name (full or short form) resolves to across the corpus, with its linked forms; null when unknown. */
  speakerLinks(name: string): Promise<SpeakerLinks | null>;
  /** Outlet → cited outlet edges over all current versions. */
  citationGraph(): Promise<CitationGraph>;
  /** Articles (or outlets) with the most unsourced claims; articles whose maps predate claims are left out. */
  unsourcedClaims(options?: UnsourcedOptions): Promise<UnsourcedCount[]>;
  /** The evidence counts and claims of an article's current version; null for no such article. */
  articleEvidence(articleId: number): Promise<ArticleEvidence | null>;
  /**
   * Where a quotation appears across the corpus, first appearance first: the same words despite
   * other quotation marks, punctuation, case, elisions or a changed word, and partial quotes of a
   * longer original. `quote` is the text, or a stored quote id (`QuoteHit.quoteId`).
   */
  quoteTrail(quote: string | number, options?: QuoteTrailOptions): Promise<QuoteTrail>;
  /** Every article's current version, in id order. */
  exportArticles(): AsyncIterable<StoredArticle>;
  /** Every quote of every current version, in article then quote order. */
  exportQuotes(): AsyncIterable<QuoteHit>;
  failures(): Promise<StoredFailure[]>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Reads for the local web app (`claimtrace serve`, src/web): one article, one quote, a speaker's
// or an outlet's profile, name search. Every list is paged; the SQLite side is sqlite/web-reads.ts.

export interface OutletRef {
  readonly key: string;
  readonly name: string;
}

export interface MonthCount {
  /** `YYYY-MM` of the article's published date (first-seen date when it has none). */
  readonly month: string;
  readonly quotes: number;
}

export interface OutletCount extends OutletRef {
  readonly quotes: number;
}

export interface SpeakerProfile {
  readonly key: string;
  readonly name: string;
  readonly kind: string;
  readonly quotes: number;
  readonly articles: number;
  /** Quotes by publishing outlet, most first (at most 25; `null` key: no known outlet). */
  readonly byOutlet: readonly { readonly key: string | null; readonly name: string; readonly quotes: number }[];
  /** Quotes by month, oldest first (at most the last 120 months that have any). */
  readonly byMonth: readonly MonthCount[];
}

export interface OutletProfile extends OutletRef {
  readonly country: string | null;
  readonly stateAffiliated: boolean;
  readonly inRegistry: boolean;
  /** Articles it published (current versions). */
  readonly published: number;
  /** Articles that name, cite, link or quote it in any role. */
  readonly mentionedIn: number;
}

export interface OutletLink extends OutletRef {
  readonly stateAffiliated: boolean;
  /** Citations behind the link. */
  readonly count: number;
  /** Distinct articles behind the link. */
  readonly articles: number;
}

export interface OutletMatch extends OutletRef {
  readonly stateAffiliated: boolean;
  readonly published: number;
}

export interface WebReads {
  /** One article's current version with its provenance map; null when there is no such id. */
  getArticle(articleId: number): Promise<StoredArticle | null>;
  /** The most recently first-seen articles. */
  recentArticles(page?: Page): Promise<ArticleSummary[]>;
  /** One quote (its `quoteId`); null when there is no such id. */
  getQuote(quoteId: number): Promise<QuoteHit | null>;
  /** The quotes of one article's current version, in text order. */
  articleQuotes(articleId: number, page?: Page): Promise<QuoteHit[]>;
  /** A speaker by key (`speakerKey(name)`), with counts by outlet and month; null when unknown. */
  speakerProfile(key: string): Promise<SpeakerProfile | null>;
  /** The quotes of a speaker by key, oldest first (`speakerQuotes` takes a name instead). */
  speakerQuotesByKey(key: string, page?: Page): Promise<QuoteHit[]>;
  /** Speakers with quotes whose name contains the words (the first 1,000 by key), most quoted first. */
  searchSpeakers(text: string, page?: Page): Promise<SpeakerCount[]>;
  /** Outlets whose name or key contains the words (the first 1,000 by key), most published first. */
  searchOutlets(text: string, page?: Page): Promise<OutletMatch[]>;
  /** An outlet by key; null when unknown. */
  outletProfile(key: string): Promise<OutletProfile | null>;
  /** The articles an outlet published, newest first. */
  outletArticles(key: string, page?: Page): Promise<ArticleSummary[]>;
  /** Outlets its articles cite (`direction: 'cites'`) or whose articles cite it (`'cited-by'`), most first. */
  outletLinks(key: string, direction: 'cites' | 'cited-by', page?: Page): Promise<OutletLink[]>;
}
