/**
 * Sources of articles beyond single files: WARC archives (Common Crawl, our own crawls) and
 * RSS/Atom feeds, and URLs fetched politely (`fetch/`: robots.txt, per-host limits, retries),
 * every response kept in a WARC.
 * Damaged input is data (a failure item with a stable code); a source that cannot be opened throws.
 */
export { readWarc, DEFAULT_WARC_MAX_BYTES, type ReadWarcOptions, type WarcRecord, type WarcRecordHeader, type WarcPage, type WarcSkipped, type WarcOther, type WarcFailure } from './warc/read-warc.js';
export { articlesFromWarc, pageToArticle, type SourcedArticle } from './warc/articles-from-warc.js';
export { formatWarcRecord, writeWarcRecord, httpResponseBlock, httpRequestBlock, warcFieldsBlock, sha1Base32, type WarcRecordToWrite, type WarcRecordType, type WarcSink, type WriteWarcOptions } from './warc/write-warc.js';
export type { HeaderField } from './warc/decode-http.js';
export { readFeed, readFeedFile, type Feed, type FeedItem, type FeedKind, type ReadFeedOptions } from './feeds/read-feed.js';
export { feedEntries, itemToArticle, type FeedEntry, type FeedLink, type FeedEntriesOptions } from './feeds/articles-from-feed.js';
export { SOURCE_ERROR_CODES, type SourceErrorCode } from './source-error-codes.js';
export { listArticleLocations, readArticleAt, isContainerFile, isArticleLocation, type ArticleLocation, type ListArticleLocationsOptions } from './locate-articles.js';
export { createFetcher, parseRetryAfter, DEFAULT_USER_AGENT, type Fetcher, type FetcherOptions, type FetchOutcome, type Expect } from './fetch/fetcher.js';
export { fetchArticles, type UrlToFetch, type FetchedArticle, type FetchArticlesOptions } from './fetch/fetch-articles.js';
export { readUrlList, parseUrlList, isUrl, URL_LIST_FILE, type UrlListLine } from './fetch/read-url-list.js';
export { WarcOutput, pagesInWarc, type WrittenResponse } from './fetch/warc-output.js';
export { HostLimiter, type HostLimiterOptions } from './fetch/host-limiter.js';
