/**
 * How both backends (sqlite/ and postgres/) wrap a `CorpusStore`'s methods: every call checks
 * that the store is open and maps driver errors to store errors (the backend's `fail`), and the
 * read methods are wrapped alike by name.
 */
import type { CorpusStore, QuoteHit, StoredArticle } from './types.js';

export const closedError = (name: string) => new Error(`Expected an open corpus store, not a closed one (called \`${name}\` after \`close\`)`);

/** `guard` for a method, `guardIterable` for an export; `isClosed` says whether `close` was called. */
export function createGuards(isClosed: () => boolean, fail: (e: unknown) => never) {
  function guard<A extends unknown[], R>(name: string, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
      if (isClosed()) throw closedError(name);
      try {
        return await fn(...args);
      } catch (e) {
        return fail(e);
      }
    };
  }
  function guardIterable<T>(name: string, make: () => AsyncGenerator<T>): () => AsyncIterable<T> {
    return () => ({
      async *[Symbol.asyncIterator]() {
        if (isClosed()) throw closedError(name);
        try {
          yield* make();
        } catch (e) {
          fail(e);
        }
      },
    });
  }
  return { guard, guardIterable };
}

const READS = [
  'stats',
  'searchQuotes',
  'searchArticles',
  'topSpeakers',
  'speakerQuotes',
  'citationGraph',
  'unsourcedClaims',
  'articleEvidence',
  'quoteTrail',
  'speakerLinks',
  'failures',
  // The web app's reads (web-reads.ts).
  'getArticle',
  'recentArticles',
  'getQuote',
  'articleQuotes',
  'speakerProfile',
  'speakerQuotesByKey',
  'searchSpeakers',
  'searchOutlets',
  'outletProfile',
  'outletArticles',
  'outletLinks',
] as const;

type ReadName = (typeof READS)[number];

/** What a backend reads with: each read as a plain or an async function, the exports as generators. */
export type StoreReaders = {
  [K in ReadName]: (...args: Parameters<CorpusStore[K]>) => Awaited<ReturnType<CorpusStore[K]>> | ReturnType<CorpusStore[K]>;
} & {
  exportArticles(): AsyncGenerator<StoredArticle>;
  exportQuotes(): AsyncGenerator<QuoteHit>;
};

export type GuardedReads = Pick<CorpusStore, ReadName | 'exportArticles' | 'exportQuotes'>;

export function guardReads(readers: StoreReaders, { guard, guardIterable }: ReturnType<typeof createGuards>): GuardedReads {
  const reads: Record<string, unknown> = {};
  for (const name of READS) reads[name] = guard(name, readers[name] as (...args: unknown[]) => unknown);
  reads['exportArticles'] = guardIterable('exportArticles', readers.exportArticles);
  reads['exportQuotes'] = guardIterable('exportQuotes', readers.exportQuotes);
  return reads as GuardedReads;
}
